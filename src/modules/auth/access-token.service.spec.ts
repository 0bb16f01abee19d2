import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { parseEnvironment } from '../../config/environment.schema';
import { UsersRepository } from '../users/users.repository';
import { User, UsersService } from '../users/users.service';
import { UserEntity } from '../users/entities/user.entity';
import { AccessTokenService } from './access-token.service';
import { AuthSecrets } from './auth-secrets';
import { AccessTokenExpiredError, AccessTokenInvalidError, AccountNotFoundError } from './auth.errors';
import { ExistingAccounts } from './existing-accounts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-bytes';
const config = parseEnvironment({
  NODE_ENV: 'test',
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'portofino-test',
  JWT_AUDIENCE: 'portofino-test-api',
  JWT_ACCESS_TTL_SECONDS: '600',
});

/** Signs claims as another issuer of tokens would: the same secret unless told otherwise. */
function forge(claims: object, options: { secret?: string; algorithm?: 'HS256' | 'HS512'; expiresIn?: number } = {}) {
  const jwt = new JwtService({ secret: createSecretKey(Buffer.from(options.secret ?? SECRET)) });
  return jwt.signAsync(claims, { algorithm: options.algorithm ?? 'HS256', expiresIn: options.expiresIn ?? 600 });
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Access tokens on the real JWT library and the real accounts (SQLite): what a token says, and each way one is
 * refused — expired, forged, for another issuer or audience, another algorithm, missing claims, a deleted account.
 */
describe('AccessTokenService', () => {
  let db: JobDatabase;
  let users: UsersService;
  let tokens: AccessTokenService;
  let user: User;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    users = new UsersService(new UsersRepository(db.dataSource.getRepository(UserEntity)), db.events);
    tokens = new AccessTokenService(config, new AuthSecrets(SECRET), new ExistingAccounts(users));
    user = await users.create({ email: 'ann@example.com', passwordHash: null });
  });

  afterAll(async () => {
    await db?.close();
  });

  const issued = { iss: 'portofino-test', aud: 'portofino-test-api' };

  it('signs a token that verifies as its user, with the sign-in time and the expiry', async () => {
    const signedInAt = new Date('2026-12-04T04:00:00.000Z');
    const before = Math.floor(Date.now() / 1000);
    const verified = await tokens.verify(await tokens.sign(user, signedInAt));
    expect(verified).toMatchObject({ id: user.id, email: 'ann@example.com', signedInAt });
    const expiresIn = verified.expiresAt.getTime() / 1000 - before;
    expect(expiresIn).toBeGreaterThanOrEqual(600);
    expect(expiresIn).toBeLessThanOrEqual(601);
    expect(tokens.ttlSeconds).toBe(600);
  });

  it('keeps whole seconds of the sign-in time, and takes the issue time for tokens without auth_time', async () => {
    const verified = await tokens.verify(await tokens.sign(user, new Date('2026-12-04T04:00:00.999Z')));
    expect(verified.signedInAt).toEqual(new Date('2026-12-04T04:00:00.000Z'));

    const iat = Math.floor(Date.now() / 1000) - 30;
    const older = await forge({ sub: user.id, email: user.email, iat, ...issued });
    expect((await tokens.verify(older)).signedInAt).toEqual(new Date(iat * 1000));
  });

  it('refuses an expired token as expired', async () => {
    const expired = await forge({ sub: user.id, email: user.email, ...issued }, { expiresIn: -10 });
    await expect(tokens.verify(expired)).rejects.toThrow(AccessTokenExpiredError);
  });

  it.each([
    ['another secret', () => forge({ sub: 'x', email: 'x@example.com', ...issued }, { secret: `${SECRET}-other` })],
    ['another issuer', () => forge({ sub: 'x', email: 'x@example.com', ...issued, iss: 'someone-else' })],
    ['another audience', () => forge({ sub: 'x', email: 'x@example.com', ...issued, aud: 'another-api' })],
    ['another algorithm', () => forge({ sub: 'x', email: 'x@example.com', ...issued }, { algorithm: 'HS512' })],
    ['no email claim', () => forge({ sub: 'x', ...issued })],
    ['a numeric subject', () => forge({ sub: 42, email: 'x@example.com', ...issued })],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a token with %s as invalid', async (_case, token) => {
    await expect(tokens.verify(await token())).rejects.toThrow(AccessTokenInvalidError);
  });

  it('refuses an unsigned token (alg none) naming an existing account', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: user.id,
      email: user.email,
      iat: now,
      exp: now + 600,
      ...issued,
    })}.`;
    await expect(tokens.verify(unsigned)).rejects.toThrow(AccessTokenInvalidError);
  });

  it("refuses a valid token once its account is deleted, and reports the error's code", async () => {
    const gone = await users.create({ email: 'gone@example.com', passwordHash: null });
    const token = await tokens.sign(gone, new Date());
    await users.delete(gone.id, []);
    const refusal = await tokens.verify(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AccountNotFoundError);
    expect(refusal).toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});
