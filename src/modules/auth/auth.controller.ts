import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../common/authenticated-user';
import { DomainError } from '../../common/domain-error';
import { Public } from '../../common/public.decorator';
import { AppConfig } from '../../config/app-config';
import { ErrorResponse } from '../../http/error-response';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './auth-cookies';
import { AuthService, Session } from './auth.service';
import { passwordPolicy } from './password-policy';
import {
  AuthProvidersResponse,
  AuthTokensResponse,
  LoginRequest,
  PasswordPolicyResponse,
  RefreshRequest,
  RegisterRequest,
  UserResponse,
} from './dto/auth.dto';

export const REFRESH_COOKIE_SECURITY = 'refresh-cookie';

const THROTTLED = {
  description: 'TOO_MANY_REQUESTS: a sign-in rate limit is spent (AUTH_THROTTLE_*); Retry-After says when to retry',
  type: ErrorResponse,
  headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', minimum: 1 } } },
};

/** Email/password accounts and sessions. Sign-in answers carry the tokens and set the refresh cookie. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account with email and password and sign in (public, rate-limited)' })
  @ApiCreatedResponse({ type: AuthTokensResponse, description: 'signed in; the refresh token is also set as a cookie' })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED, or PASSWORD_TOO_WEAK listing each rule',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'EMAIL_ALREADY_REGISTERED' })
  @ApiTooManyRequestsResponse(THROTTLED)
  async register(
    @Body() body: RegisterRequest,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthTokensResponse> {
    return this.signedIn(response, await this.auth.register(body, ip));
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password (public, rate-limited)' })
  @ApiOkResponse({ type: AuthTokensResponse, description: 'signed in; the refresh token is also set as a cookie' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'INVALID_CREDENTIALS (same answer for unknown emails)' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse(THROTTLED)
  async login(
    @Body() body: LoginRequest,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthTokensResponse> {
    return this.signedIn(response, await this.auth.login(body.email, body.password, ip));
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth(REFRESH_COOKIE_SECURITY)
  @ApiBody({ type: RefreshRequest, required: false })
  @ApiOperation({
    summary: 'Exchange a refresh token (body or cookie) for a new access token and a new refresh token (rate-limited)',
    description:
      'The presented refresh token is retired. Presenting a retired token again revokes every token of that sign-in ' +
      '(REFRESH_TOKEN_REUSED), including the newest.',
  })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'REFRESH_TOKEN_MISSING, REFRESH_TOKEN_INVALID (unknown, expired, revoked) or REFRESH_TOKEN_REUSED',
  })
  @ApiTooManyRequestsResponse(THROTTLED)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() request: Request,
    @Ip() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthTokensResponse> {
    try {
      return this.signedIn(response, await this.auth.refresh(body.refreshToken ?? refreshCookieOf(request), ip));
    } catch (error) {
      // A dead token stays dead: the browser stops sending it (and each reload stops counting as a failure).
      if (error instanceof DomainError && error.httpStatus === 401) clearRefreshCookie(response);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth(REFRESH_COOKIE_SECURITY)
  @ApiBody({ type: RefreshRequest, required: false })
  @ApiOperation({
    summary: 'Sign out: revoke the refresh token (body or cookie) and its whole sign-in; clears the cookie',
  })
  @ApiNoContentResponse({ description: 'signed out (also when the token was already revoked or unknown)' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'REFRESH_TOKEN_MISSING' })
  async logout(
    @Body() body: RefreshRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = body.refreshToken ?? refreshCookieOf(request);
    clearRefreshCookie(response);
    await this.auth.logout(token);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user (access token required)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'AUTHENTICATION_REQUIRED, ACCESS_TOKEN_EXPIRED or ACCESS_TOKEN_INVALID',
  })
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserResponse> {
    return this.auth.me(user.id);
  }

  @Public()
  @Get('providers')
  @ApiOperation({ summary: 'Which sign-in methods this server offers (public; the dashboard shows its buttons by it)' })
  @ApiOkResponse({ type: AuthProvidersResponse })
  providers(): AuthProvidersResponse {
    const google = this.config.auth.google !== null;
    return { password: true, google, googleLoginUrl: google ? '/auth/google/login' : null };
  }

  @Public()
  @Get('password-policy')
  @ApiOperation({ summary: 'The password rules registration enforces (public; the registration form states them)' })
  @ApiOkResponse({ type: PasswordPolicyResponse })
  passwordPolicy(): PasswordPolicyResponse {
    return passwordPolicy();
  }

  private signedIn(response: Response, session: Session): AuthTokensResponse {
    setRefreshCookie(response, session.refreshToken, session.refreshTokenExpiresAt);
    return session;
  }
}
