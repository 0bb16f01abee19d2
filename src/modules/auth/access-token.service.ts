import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AccessTokenVerifier, AuthenticatedUser } from '../../common/authenticated-user';
import { AppConfig } from '../../config/app-config';
import { AuthSecrets } from './auth-secrets';
import { AccessTokenExpiredError, AccessTokenInvalidError } from './auth.errors';

/** The one algorithm accepted: tokens are signed with it and verification refuses any other (`none`, RS256...). */
export const ACCESS_TOKEN_ALGORITHM = 'HS256' as const;

interface AccessTokenClaims {
  sub: string;
  email: string;
}

/**
 * Short-lived access tokens (JWT, HS256): `sub` (user id), `email`, `iss`, `aud`, `iat`, `exp`. Stateless: a
 * token stays valid until it expires (JWT_ACCESS_TTL_SECONDS, 15 minutes by default); sessions are revoked
 * through their refresh tokens.
 */
@Injectable()
export class AccessTokenService extends AccessTokenVerifier {
  private readonly jwt: JwtService;

  constructor(
    private readonly config: AppConfig,
    secrets: AuthSecrets,
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

  sign(user: AuthenticatedUser): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, email: user.email };
    return this.jwt.signAsync(claims);
  }

  /** The token's user, or AccessTokenExpiredError / AccessTokenInvalidError (401). */
  async verify(token: string): Promise<AuthenticatedUser> {
    const { issuer, audience } = this.config.auth.jwt;
    let claims: Partial<AccessTokenClaims>;
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
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string') throw new AccessTokenInvalidError();
    return { id: claims.sub, email: claims.email };
  }
}
