import { createHmac } from 'node:crypto';

/** Secrets resolved once at start-up (see resolveJwtSecret); every other key is derived from the JWT secret. */
export class AuthSecrets {
  /** Key of the signed OAuth state cookie: HMAC-derived, so it never equals the JWT key itself. */
  readonly oauthStateKey: Buffer;

  constructor(readonly jwtSecret: string) {
    this.oauthStateKey = createHmac('sha256', jwtSecret).update('portofino/oauth-state-cookie/v1').digest();
  }
}
