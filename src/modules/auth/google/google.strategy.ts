import { PassportStrategy } from '@nestjs/passport';
import { Profile, Strategy } from 'passport-google-oauth20';
import type { StateStore } from 'passport-oauth2';
import type { GoogleOAuthConfig } from '../../../config/app-config';
import type { User } from '../../users/users.service';
import type { AuthService } from '../auth.service';
import { SignedCookieStateStore } from './oauth-state.store';

export const GOOGLE_STRATEGY = 'google';
export const GOOGLE_SCOPES = ['openid', 'email', 'profile'];

/**
 * passport-google-oauth20 with configurable endpoints (so tests run it against a local stub), PKCE (S256) and a
 * `state` bound to the browser by a signed cookie. Created only when GOOGLE_CLIENT_ID is set (see AuthModule).
 */
export class GoogleStrategy extends PassportStrategy(Strategy, GOOGLE_STRATEGY) {
  constructor(
    google: GoogleOAuthConfig,
    stateStore: SignedCookieStateStore,
    private readonly auth: AuthService,
  ) {
    super({
      clientID: google.clientId,
      clientSecret: google.clientSecret,
      callbackURL: google.callbackUrl,
      authorizationURL: google.authUrl,
      tokenURL: google.tokenUrl,
      userProfileURL: google.userInfoUrl,
      scope: GOOGLE_SCOPES,
      pkce: true,
      state: true,
      // passport-oauth2's typings lack the PKCE form of a store (store(req, verifier, state, meta, cb)).
      store: stateStore as unknown as StateStore,
    });
  }

  validate(_accessToken: string, _refreshToken: string | undefined, profile: Profile): Promise<User> {
    return this.auth.signInWithGoogle(profile);
  }
}
