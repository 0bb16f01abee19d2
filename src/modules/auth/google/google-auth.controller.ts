import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiForbiddenResponse,
  ApiBadGatewayResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../common/public.decorator';
import { ErrorResponse } from '../../../http/error-response';
import type { User } from '../../users/users.service';
import { setRefreshCookie } from '../auth-cookies';
import { AuthService } from '../auth.service';
import { AuthTokensResponse } from '../dto/auth.dto';
import { GoogleAuthGuard } from './google-auth.guard';

/** Where the browser lands after a Google sign-in: the dashboard, which then calls POST /auth/refresh with its cookie. */
export const AFTER_GOOGLE_SIGN_IN = '/app';

const DISABLED = { type: ErrorResponse, description: 'GOOGLE_SIGN_IN_DISABLED: no GOOGLE_CLIENT_ID configured' };

@ApiTags('auth')
@Public()
@Controller('auth/google')
@UseGuards(GoogleAuthGuard)
export class GoogleAuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('login')
  @ApiOperation({
    summary: 'Start a Google sign-in (public): redirects to Google with a browser-bound state and PKCE',
    description:
      'Sets a short-lived signed httpOnly cookie (portofino_oauth_state, path /auth/google) that the callback checks.',
  })
  @ApiFoundResponse({ description: "redirect to Google's authorization endpoint" })
  @ApiNotFoundResponse(DISABLED)
  login(): void {
    // The guard answered with the redirect.
  }

  @Get('callback')
  @ApiOperation({
    summary: 'Google redirects here (public): checks the state, signs the user in (creating or linking the account)',
    description:
      'A browser is redirected to the dashboard (/app) with the refresh cookie set. A client that sends ' +
      '`Accept: application/json` gets the tokens as JSON instead (the cookie is set as well).',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiFoundResponse({ description: 'signed in: redirect to /app with the portofino_refresh cookie' })
  @ApiOkResponse({ type: AuthTokensResponse, description: 'signed in (Accept: application/json)' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'OAUTH_STATE_INVALID or GOOGLE_EMAIL_NOT_VERIFIED' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'GOOGLE_SIGN_IN_FAILED: cancelled or code refused' })
  @ApiBadGatewayResponse({ type: ErrorResponse, description: 'GOOGLE_SIGN_IN_FAILED: Google could not be reached' })
  @ApiNotFoundResponse(DISABLED)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.auth.startSession(request.user as User);
    setRefreshCookie(response, session.refreshToken, session.refreshTokenExpiresAt);
    if (request.accepts(['html', 'json']) === 'json') {
      response.status(200).json(session satisfies AuthTokensResponse);
    } else {
      response.redirect(302, AFTER_GOOGLE_SIGN_IN);
    }
  }
}
