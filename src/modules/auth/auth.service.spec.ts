import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { parseEnvironment } from '../../config/environment.schema';
import { MetricsService } from '../metrics/metrics.service';
import { UserEntity } from '../users/entities/user.entity';
import { EmailAlreadyRegisteredError } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AccessTokenService } from './access-token.service';
import { AuthSecrets } from './auth-secrets';
import {
  FreshSignInRequiredError,
  GoogleEmailNotVerifiedError,
  InvalidCredentialsError,
  PasswordPolicyError,
  RefreshTokenInvalidError,
  RefreshTokenMissingError,
  RefreshTokenReusedError,
  TooManyAttemptsError,
} from './auth.errors';
import { AuthService, FRESH_SIGN_IN_SECONDS, Session } from './auth.service';
import { ExistingAccounts } from './existing-accounts';
import { PasswordHasher } from './password-hasher';
import { MemoryRateLimitStore } from './rate-limit.store';
import { generateRefreshToken, hashRefreshToken } from './refresh-token';
import { NewRefreshToken, RefreshTokenRepository } from './refresh-token.repository';
import { SignInLimiter } from './sign-in-limiter';

const SECRET = 'a-test-secret-of-more-than-thirty-two-bytes';
const PASSWORD = 'correct horse battery staple';
const config = parseEnvironment({
  NODE_ENV: 'test',
  JWT_SECRET: SECRET,
  REFRESH_TOKEN_TTL_DAYS: '7',
  AUTH_THROTTLE_LIMIT: '3',
  AUTH_THROTTLE_TTL_SECONDS: '60',
});

/** Argon2 costs tens of milliseconds a hash: a readable stand-in; `old:` hashes count as made with old parameters. */
class PlainPasswords extends PasswordHasher {
  override async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }

  override async verify(hash: string, password: string): Promise<boolean> {
    return hash === `plain:${password}` || hash === `old:${password}`;
  }

  override async verifyNothing(): Promise<false> {
    return false;
  }

  override needsRehash(hash: string): boolean {
    return hash.startsWith('old:');
  }
}

/** Counts what the service reports instead of the process-wide Prometheus registry. */
class RecordedMetrics extends MetricsService {
  readonly loginOutcomes: boolean[] = [];
  reuses = 0;

  override login(succeeded: boolean): void {
    this.loginOutcomes.push(succeeded);
  }

  override refreshTokenReuseDetected(): void {
    this.reuses += 1;
  }
}

/** A second party rotates the token between the service's read and its own rotation. */
class RacedRefreshTokens extends RefreshTokenRepository {
  racing = false;

  override async rotate(currentId: string, next: NewRefreshToken): Promise<boolean> {
    if (this.racing) await super.rotate(currentId, { ...next, id: randomUUID(), tokenHash: hashRefreshToken('x') });
    return super.rotate(currentId, next);
  }
}

/**
 * Sign-up, sign-in, refresh-token rotation with reuse detection, sign-out and identity confirmation, on the real
 * users and refresh-token repositories (SQLite), the real access tokens and the in-memory rate limits.
 */
describe('AuthService', () => {
  let db: JobDatabase;
  let users: UsersService;
  let refreshTokens: RacedRefreshTokens;
  let accessTokens: AccessTokenService;
  let metrics: RecordedMetrics;
  let auth: AuthService;
  let ip = 0;
  /** A client address of its own per test: the rate limits count per address. */
  const nextIp = () => `10.0.0.${++ip}`;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    users = new UsersService(new UsersRepository(db.dataSource.getRepository(UserEntity)), db.events);
    refreshTokens = new RacedRefreshTokens(db.dataSource);
    const accounts = new ExistingAccounts(users);
    accessTokens = new AccessTokenService(config, new AuthSecrets(SECRET), accounts);
    metrics = new RecordedMetrics();
    auth = new AuthService(
      config,
      users,
      new PlainPasswords(),
      accessTokens,
      refreshTokens,
      metrics,
      accounts,
      new SignInLimiter(config, new MemoryRateLimitStore()),
    );
  });

  afterAll(async () => {
    await db?.close();
  });

  const email = () => `${randomUUID()}@example.com`;
  const register = (address = email()) => auth.register({ email: address, password: PASSWORD }, nextIp());
  const stored = (session: Session) => refreshTokens.findByHash(hashRefreshToken(session.refreshToken));

  it('registers a normalised email with a hashed password and starts a session whose tokens name the user', async () => {
    const address = email();
    const session = await auth.register(
      { email: `  ${address.toUpperCase()} `, password: PASSWORD, displayName: ' Ann ' },
      nextIp(),
    );
    expect(session.user).toMatchObject({ email: address, displayName: 'Ann', hasPassword: true, emailVerified: false });
    expect((await users.findCredentialsByEmail(address))?.passwordHash).toBe(`plain:${PASSWORD}`);
    expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(await accessTokens.verify(session.accessToken)).toMatchObject({ id: session.user.id, email: address });
    const row = await stored(session);
    expect(row).toMatchObject({ userId: session.user.id, revokedAt: null, expiresAt: session.refreshTokenExpiresAt });
    const days = (session.refreshTokenExpiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('refuses a weak password and a taken email, with their codes', async () => {
    const weak = await auth.register({ email: email(), password: 'short' }, nextIp()).catch((e: unknown) => e);
    expect(weak).toBeInstanceOf(PasswordPolicyError);
    expect(weak).toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
    const address = email();
    await register(address);
    await expect(register(address.toUpperCase())).rejects.toThrow(EmailAlreadyRegisteredError);
  });

  it('refuses a wrong password and an unknown email alike, and locks the account after the limit', async () => {
    const address = email();
    await register(address);
    await expect(auth.login('nobody@example.com', PASSWORD, nextIp())).rejects.toThrow(InvalidCredentialsError);
    for (let i = 0; i < 3; i++) {
      await expect(auth.login(address, 'wrong password here', nextIp())).rejects.toThrow(InvalidCredentialsError);
    }
    // Spread over addresses, the failures still count against the account: even the right password is refused.
    await expect(auth.login(address, PASSWORD, nextIp())).rejects.toThrow(TooManyAttemptsError);
    expect(metrics.loginOutcomes.slice(-4)).toEqual([false, false, false, false]);
  });

  it('signs in with the right password, whatever the case of the email, and rehashes an old hash', async () => {
    const address = email();
    const { user } = await register(address);
    await users.setPasswordHash(user.id, `old:${PASSWORD}`);
    const session = await auth.login(address.toUpperCase(), PASSWORD, nextIp());
    expect(session.user.id).toBe(user.id);
    expect((await users.findCredentialsById(user.id))?.passwordHash).toBe(`plain:${PASSWORD}`);
    expect(metrics.loginOutcomes.at(-1)).toBe(true);
  });

  it('rotates a refresh token: the old one points at the new, the session keeps its sign-in time', async () => {
    const first = await register();
    const signedInAt = (await accessTokens.verify(first.accessToken)).signedInAt;
    const second = await auth.refresh(first.refreshToken, nextIp());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(first.user.id);
    const [old, next] = [await stored(first), await stored(second)];
    expect(old).toMatchObject({ revokedReason: 'rotated', replacedBy: next?.id });
    expect(next).toMatchObject({ familyId: old?.familyId, revokedAt: null });
    expect((await accessTokens.verify(second.accessToken)).signedInAt).toEqual(signedInAt);
  });

  it('revokes the whole family, the newest token too, when a rotated token comes back', async () => {
    const first = await register();
    const second = await auth.refresh(first.refreshToken, nextIp());
    const reusesBefore = metrics.reuses;
    const reuse = await auth.refresh(first.refreshToken, nextIp()).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(RefreshTokenReusedError);
    expect(reuse).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect(metrics.reuses).toBe(reusesBefore + 1);
    expect(await stored(second)).toMatchObject({ revokedReason: 'reuse' });
    await expect(auth.refresh(second.refreshToken, nextIp())).rejects.toThrow(RefreshTokenInvalidError);
  });

  it('treats a rotation lost to a concurrent one as reuse and revokes the family', async () => {
    const first = await register();
    refreshTokens.racing = true;
    try {
      await expect(auth.refresh(first.refreshToken, nextIp())).rejects.toThrow(RefreshTokenReusedError);
    } finally {
      refreshTokens.racing = false;
    }
    const familyId = (await stored(first))!.familyId;
    expect(await refreshTokens.revokeFamily(familyId, 'logout')).toBe(0);
  });

  it('refuses missing, malformed, unknown and expired refresh tokens, and limits invalid ones per address', async () => {
    const ipOfClient = nextIp();
    await expect(auth.refresh(undefined, ipOfClient)).rejects.toThrow(RefreshTokenMissingError);
    const { user } = await register();
    const expired = generateRefreshToken();
    await refreshTokens.insert({
      id: randomUUID(),
      userId: user.id,
      familyId: randomUUID(),
      tokenHash: hashRefreshToken(expired),
      expiresAt: new Date(Date.now() - 1000),
      signedInAt: new Date(Date.now() - 86_400_000),
    });
    for (const token of ['not-a-token', generateRefreshToken(), expired]) {
      await expect(auth.refresh(token, ipOfClient)).rejects.toThrow(RefreshTokenInvalidError);
    }
    // Three invalid tokens spent the address's allowance: even a valid one waits now (no token was not counted).
    const valid = await register();
    await expect(auth.refresh(valid.refreshToken, ipOfClient)).rejects.toThrow(TooManyAttemptsError);
    expect((await auth.refresh(valid.refreshToken, nextIp())).user.id).toBe(valid.user.id);
  });

  it('signs out the whole family and ignores unknown tokens', async () => {
    const first = await register();
    const second = await auth.refresh(first.refreshToken, nextIp());
    const otherSession = await auth.login(second.user.email, PASSWORD, nextIp());
    await auth.logout(second.refreshToken);
    expect(await stored(second)).toMatchObject({ revokedReason: 'logout' });
    expect(await stored(otherSession)).toMatchObject({ revokedAt: null });
    await expect(auth.refresh(second.refreshToken, nextIp())).rejects.toThrow(RefreshTokenInvalidError);
    await auth.logout(generateRefreshToken());
    await auth.logout('not-a-token');
    await expect(auth.logout(undefined)).rejects.toThrow(RefreshTokenMissingError);
  });

  it('confirms identity with the password, or a sign-in of the last five minutes without one', async () => {
    const { user } = await register();
    const signedIn = (secondsAgo: number) => ({
      id: user.id,
      email: user.email,
      signedInAt: new Date(Date.now() - secondsAgo * 1000),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await auth.confirmIdentity(signedIn(FRESH_SIGN_IN_SECONDS - 5), undefined);
    const stale = await auth.confirmIdentity(signedIn(FRESH_SIGN_IN_SECONDS + 5), undefined).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(FreshSignInRequiredError);
    expect(stale).toMatchObject({ code: 'FRESH_SIGN_IN_REQUIRED' });
    await auth.confirmIdentity(signedIn(3600), PASSWORD);
    await expect(auth.confirmIdentity(signedIn(0), 'wrong password here')).rejects.toThrow(InvalidCredentialsError);
  });

  it('signs in with Google: refuses unverified addresses, links a verified one and finds it again', async () => {
    const address = email();
    const subject = `google-${randomUUID()}`;
    await expect(
      auth.signInWithGoogle({ id: subject, displayName: 'Ann', emails: [{ value: address, verified: false }] }),
    ).rejects.toThrow(GoogleEmailNotVerifiedError);

    // A password account nobody proved the mailbox of: linking removes the password and ends its sessions.
    const squatter = await register(address);
    const linked = await auth.signInWithGoogle({
      id: subject,
      displayName: 'Ann',
      emails: [{ value: address, verified: true }],
    });
    expect(linked).toMatchObject({ id: squatter.user.id, hasPassword: false, googleLinked: true, emailVerified: true });
    expect(await stored(squatter)).toMatchObject({ revokedReason: 'credentials' });
    expect((await auth.signInWithGoogle({ id: subject, displayName: 'x', emails: [] })).id).toBe(squatter.user.id);

    const newcomer = await auth.signInWithGoogle({
      id: `google-${randomUUID()}`,
      displayName: ' Bob ',
      emails: [{ value: email(), verified: true }],
    });
    expect(newcomer).toMatchObject({ displayName: 'Bob', hasPassword: false, googleLinked: true, emailVerified: true });
  });
});
