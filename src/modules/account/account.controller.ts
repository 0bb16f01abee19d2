import { Body, Controller, Delete, HttpCode, HttpStatus, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { ErrorResponse } from '../../http/error-response';
import { clearRefreshCookie } from '../auth/auth-cookies';
import { AccountService } from './account.service';
import { DeleteAccountRequest } from './dto/delete-account.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete your account and everything it holds: sessions, simulations, results, reports, uploads',
    description:
      'Confirm with the password, or within 5 minutes of a sign-in (accounts that only use Google). Emits ' +
      '`account.deleted` on portofino.account.events.v1. Irreversible.',
  })
  @ApiBody({ type: DeleteAccountRequest, required: false })
  @ApiNoContentResponse({ description: 'deleted; the refresh cookie is cleared and the access token is refused' })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'INVALID_CREDENTIALS (wrong password), or the access token is missing, invalid or expired',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FRESH_SIGN_IN_REQUIRED: no password and an old sign-in' })
  async delete(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: DeleteAccountRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.account.delete(user, body.password ?? undefined);
    clearRefreshCookie(response);
  }
}
