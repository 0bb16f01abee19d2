import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../../../common/domain-error';
import { AppConfig } from '../../../config/app-config';
import { GoogleSignInDisabledError, GoogleSignInFailedError, OAuthStateInvalidError } from '../auth.errors';
import { GOOGLE_STRATEGY } from './google.strategy';
import type { OAuthStateFailure } from './oauth-state.store';

/**
 * Runs the Google strategy: on /auth/google/login it redirects to Google; on the callback it checks the state,
 * exchanges the code (with the PKCE verifier) and loads the profile, leaving the user in request.user. Answers
 * 404 when Google sign-in is not configured. Failures become domain errors in the one error shape.
 */
@Injectable()
export class GoogleAuthGuard extends AuthGuard(GOOGLE_STRATEGY) {
  private readonly logger = new Logger(GoogleAuthGuard.name);

  constructor(private readonly config: AppConfig) {
    super({ session: false });
  }

  override canActivate(context: ExecutionContext) {
    if (!this.config.auth.google) throw new GoogleSignInDisabledError();
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error instanceof DomainError) throw error;
    if (error) {
      const failure = error as Error & { name: string; code?: string };
      // TokenError / AuthorizationError: Google refused the code or the request; anything else: we could not talk to it.
      if (failure.name === 'TokenError' || failure.name === 'AuthorizationError') {
        throw new GoogleSignInFailedError(`Google refused the sign-in: ${failure.message}`, 401);
      }
      this.logger.warn({ message: 'Google sign-in failed', error: failure.stack ?? String(failure) });
      throw new GoogleSignInFailedError('could not complete the sign-in with Google; try again later', 502);
    }
    if (!user) {
      const failure = info as Partial<OAuthStateFailure> | undefined;
      if (failure?.code === 'OAUTH_STATE_INVALID') throw new OAuthStateInvalidError(failure.message ?? 'bad state');
      throw new GoogleSignInFailedError(
        `Google sign-in was cancelled${failure?.message ? `: ${failure.message}` : ''}`,
        401,
      );
    }
    return user;
  }
}
