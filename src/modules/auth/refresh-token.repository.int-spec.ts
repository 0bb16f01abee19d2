import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { generateRefreshToken, hashRefreshToken } from './refresh-token';
import { NewRefreshToken, RefreshTokenRepository } from './refresh-token.repository';

/**
 * The refresh_tokens table on each database: rotation retires a token for exactly one caller, and revocation
 * reaches a family or all of a user's sessions, never a token that was revoked already.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('RefreshTokenRepository on %s', (kind) => {
  let db: JobDatabase;
  let tokens: RefreshTokenRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    tokens = new RefreshTokenRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const newToken = (userId: string, familyId: string = randomUUID()): NewRefreshToken => ({
    id: randomUUID(),
    userId,
    familyId,
    tokenHash: hashRefreshToken(generateRefreshToken()),
    expiresAt: new Date('2030-01-01T00:00:00Z'),
    signedInAt: new Date('2026-12-01T10:00:00Z'),
  });

  it('stores an active token and finds it by its hash only', async () => {
    const token = newToken(await db.newUser());
    await tokens.insert(token);
    expect(await tokens.findByHash(token.tokenHash)).toMatchObject({
      ...token,
      revokedAt: null,
      revokedReason: null,
      replacedBy: null,
    });
    expect(await tokens.findByHash(hashRefreshToken(generateRefreshToken()))).toBeNull();
  });

  it('rotates an active token into its successor once; a second rotation stores nothing', async () => {
    const current = newToken(await db.newUser());
    await tokens.insert(current);
    const next = newToken(current.userId, current.familyId);
    expect(await tokens.rotate(current.id, next)).toBe(true);
    expect(await tokens.findByHash(current.tokenHash)).toMatchObject({ revokedReason: 'rotated', replacedBy: next.id });
    expect((await tokens.findByHash(current.tokenHash))?.revokedAt).toBeInstanceOf(Date);
    expect(await tokens.findByHash(next.tokenHash)).toMatchObject({ familyId: current.familyId, revokedAt: null });

    const raced = newToken(current.userId, current.familyId);
    expect(await tokens.rotate(current.id, raced)).toBe(false);
    expect(await tokens.findByHash(raced.tokenHash)).toBeNull();
  });

  it('lets exactly one of two simultaneous rotations of the same token win', async () => {
    const current = newToken(await db.newUser());
    await tokens.insert(current);
    const outcomes = await Promise.all([
      tokens.rotate(current.id, newToken(current.userId, current.familyId)),
      tokens.rotate(current.id, newToken(current.userId, current.familyId)),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  it("revokes a family's active tokens, keeping the reason of those revoked before", async () => {
    const userId = await db.newUser();
    const first = newToken(userId);
    await tokens.insert(first);
    const second = newToken(userId, first.familyId);
    await tokens.rotate(first.id, second);
    const otherSession = newToken(userId);
    await tokens.insert(otherSession);

    expect(await tokens.revokeFamily(first.familyId, 'reuse')).toBe(1);
    expect(await tokens.findByHash(first.tokenHash)).toMatchObject({ revokedReason: 'rotated' });
    expect(await tokens.findByHash(second.tokenHash)).toMatchObject({ revokedReason: 'reuse' });
    expect(await tokens.findByHash(otherSession.tokenHash)).toMatchObject({ revokedAt: null });
    expect(await tokens.revokeFamily(first.familyId, 'logout')).toBe(0);
  });

  it("revokes every active session of one user and no one else's", async () => {
    const userId = await db.newUser();
    const someoneElse = newToken(await db.newUser());
    await tokens.insert(someoneElse);
    const sessions = [newToken(userId), newToken(userId)];
    for (const session of sessions) await tokens.insert(session);

    expect(await tokens.revokeAllOfUser(userId, 'credentials')).toBe(2);
    for (const session of sessions) {
      expect(await tokens.findByHash(session.tokenHash)).toMatchObject({ revokedReason: 'credentials' });
    }
    expect(await tokens.findByHash(someoneElse.tokenHash)).toMatchObject({ revokedAt: null });
    expect(await tokens.revokeAllOfUser(userId, 'credentials')).toBe(0);
  });

  it("goes with its user's account (ON DELETE CASCADE)", async () => {
    const token = newToken(await db.newUser());
    await tokens.insert(token);
    await db.dataSource.query(
      kind === 'PostgreSQL' ? 'DELETE FROM users WHERE id = $1' : 'DELETE FROM users WHERE id = ?',
      [token.userId],
    );
    expect(await tokens.findByHash(token.tokenHash)).toBeNull();
  });
});
