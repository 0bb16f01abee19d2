import { DomainError } from '../../common/domain-error';

/** One message for unknown email, wrong password and password-less account alike: no account enumeration. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly httpStatus = 401;

  constructor() {
    super('email or password is incorrect');
  }
}

export class PasswordPolicyError extends DomainError {
  readonly code = 'PASSWORD_TOO_WEAK';
  readonly httpStatus = 400;

  constructor(problems: string[]) {
    super(
      problems.join('; '),
      problems.map((problem) => ({ field: 'password', problem })),
    );
  }
}

export class AuthenticationRequiredError extends DomainError {
  readonly code = 'AUTHENTICATION_REQUIRED';
  readonly httpStatus = 401;

  constructor(message = 'authentication required: send Authorization: Bearer <access token> (POST /auth/login)') {
    super(message);
  }
}

export class AccessTokenExpiredError extends DomainError {
  readonly code = 'ACCESS_TOKEN_EXPIRED';
  readonly httpStatus = 401;

  constructor() {
    super('access token expired: get a new one at POST /auth/refresh');
  }
}

export class AccessTokenInvalidError extends DomainError {
  readonly code = 'ACCESS_TOKEN_INVALID';
  readonly httpStatus = 401;

  constructor() {
    super('access token is invalid: sign in again (POST /auth/login)');
  }
}

/** A sign-in rate limit is spent (SignInLimiter): the answer carries Retry-After. */
export class TooManyAttemptsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly httpStatus = 429;
  readonly retryAfterSeconds: number;

  constructor(what: string, resetMs: number) {
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    super(`${what}: try again in ${seconds} second${seconds === 1 ? '' : 's'}`);
    this.retryAfterSeconds = seconds;
  }
}

/** A valid token of an account that has been deleted since. */
export class AccountNotFoundError extends DomainError {
  readonly code = 'ACCOUNT_NOT_FOUND';
  readonly httpStatus = 401;

  constructor() {
    super('the account of this access token no longer exists: register or sign in again');
  }
}

/** Deleting the account needs the password, or a sign-in of the last few minutes (accounts without a password). */
export class FreshSignInRequiredError extends DomainError {
  readonly code = 'FRESH_SIGN_IN_REQUIRED';
  readonly httpStatus = 403;

  constructor(maxAgeSeconds: number) {
    super(`confirm with your password, or sign in again and do this within ${Math.round(maxAgeSeconds / 60)} minutes`);
  }
}

export class RefreshTokenMissingError extends DomainError {
  readonly code = 'REFRESH_TOKEN_MISSING';
  readonly httpStatus = 401;

  constructor() {
    super('no refresh token: send { "refreshToken": "..." } or the portofino_refresh cookie');
  }
}

export class RefreshTokenInvalidError extends DomainError {
  readonly code = 'REFRESH_TOKEN_INVALID';
  readonly httpStatus = 401;

  constructor(message = 'refresh token is invalid, expired or revoked: sign in again') {
    super(message);
  }
}

export class RefreshTokenReusedError extends DomainError {
  readonly code = 'REFRESH_TOKEN_REUSED';
  readonly httpStatus = 401;

  constructor() {
    super(
      'refresh token was already used: every token of this sign-in is now revoked (it may have been stolen); sign in again',
    );
  }
}

export class GoogleSignInDisabledError extends DomainError {
  readonly code = 'GOOGLE_SIGN_IN_DISABLED';
  readonly httpStatus = 404;

  constructor() {
    super('Google sign-in is not configured on this server (set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET)');
  }
}

export class OAuthStateInvalidError extends DomainError {
  readonly code = 'OAUTH_STATE_INVALID';
  readonly httpStatus = 403;

  constructor(reason: string) {
    super(`Google sign-in refused: ${reason}; start again at GET /auth/google/login`);
  }
}

export class GoogleEmailNotVerifiedError extends DomainError {
  readonly code = 'GOOGLE_EMAIL_NOT_VERIFIED';
  readonly httpStatus = 403;

  constructor() {
    super('Google did not confirm that this email address is verified: verify it with Google, then try again');
  }
}

export class GoogleSignInFailedError extends DomainError {
  readonly code = 'GOOGLE_SIGN_IN_FAILED';

  constructor(
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}
