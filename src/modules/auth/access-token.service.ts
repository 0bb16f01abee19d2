import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AccessTokenVerifier, AuthenticatedUser } from '../../common/authenticated-user';
import { AppConfig } from '../../config/app-config';
import { AuthSecrets } from './auth-secrets';
import { AccessTokenExpiredError, AccessTokenInvalidError, AccountNotFoundError } from './auth.errors';
import { ExistingAccounts } from './existing-accounts';

/** The one algorithm accepted: tokens are signed with it and verification refuses any other (`none`, RS256...). */
export const ACCESS_TOKEN_ALGORITHM = 'HS256' as const;

interface AccessTokenClaims {
  sub: string;
  email: string;
  /** When the session's sign-in happened, in seconds since the epoch (OpenID Connect's claim of that name). */
  auth_time: number;
}

interface VerifiedClaims extends Partial<AccessTokenClaims> {
  iat?: number;
  exp?: number;
}

/**
 * Short-lived access tokens (JWT, HS256): `sub` (user id), `email`, `auth_time`, `iss`, `aud`, `iat`, `exp`. A
 * token stays valid until it expires (JWT_ACCESS_TTL_SECONDS, 15 minutes by default) unless its account is
 * deleted (ExistingAccounts); sessions are revoked through their refresh tokens.
 */
@Injectable()
export class AccessTokenService extends AccessTokenVerifier {
  private readonly jwt: JwtService;

  constructor(
    private readonly config: AppConfig,
    secrets: AuthSecrets,
    private readonly accounts: ExistingAccounts,
  ) {
    super();
    const { issuer, audience, accessTtlSeconds } = config.auth.jwt;
    this.jwt = new JwtService({
      // A KeyObject, not the raw string: jsonwebtoken otherwise tries to parse the string as a public key on
      // every verification (an exception per request) before treating it as a secret.
      secret: createSecretKey(Buffer.from(secrets.jwtSecret)),
      signOptions: { algorithm: ACCESS_TOKEN_ALGORITHM, issuer, audience, expiresIn: accessTtlSeconds },
      verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM], issuer, audience },
    });
  }

  get ttlSeconds(): number {
    return this.config.auth.jwt.accessTtlSeconds;
  }

  /** A token for `user`'s session, which started with a sign-in at `signedInAt`. */
  sign(user: { id: string; email: string }, signedInAt: Date): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      email: user.email,
      auth_time: Math.floor(signedInAt.getTime() / 1000),
    };
    return this.jwt.signAsync(claims);
  }

  /**
   * The token's user, or AccessTokenExpiredError / AccessTokenInvalidError / AccountNotFoundError (401). Tokens
   * issued before `auth_time` existed count as signed in when they were issued.
   */
  async verify(token: string): Promise<AuthenticatedUser> {
    const { issuer, audience } = this.config.auth.jwt;
    let claims: VerifiedClaims;
    try {
      // Options repeated here on purpose: the algorithm, issuer and audience are pinned on every verification.
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer,
        audience,
      });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AccessTokenExpiredError();
      throw new AccessTokenInvalidError();
    }
    const { sub, email, iat, exp } = claims;
    if (typeof sub !== 'string' || typeof email !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      throw new AccessTokenInvalidError();
    }
    if (!(await this.accounts.exists(sub))) throw new AccountNotFoundError();
    const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : iat;
    return { id: sub, email, signedInAt: new Date(authTime * 1000), expiresAt: new Date(exp * 1000) };
  }
}
