import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { ACCOUNT_EVENTS, accountEvent } from '../account/account.events';
import { RefreshTokenRepository } from '../auth/refresh-token.repository';
import { UserEntity } from './entities/user.entity';
import { EmailAlreadyRegisteredError, UserNotFoundError } from './users.errors';
import { UsersRepository } from './users.repository';
import { normaliseEmail, UsersService } from './users.service';

/**
 * Accounts on the real users table (SQLite): one normalised email per account, also under a race; Google linking
 * removes a password nobody proved the mailbox of; deleting takes what the account owns and writes its events.
 */
describe('UsersService', () => {
  let db: JobDatabase;
  let users: UsersService;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    users = new UsersService(new UsersRepository(db.dataSource.getRepository(UserEntity)), db.events);
  });

  afterAll(async () => {
    await db?.close();
  });

  const email = () => `${randomUUID()}@Example.com`;

  it('normalises emails: trimmed, NFC, lower case', () => {
    expect(normaliseEmail('  Ann.O\u0301@Example.COM ')).toBe('ann.\u00f3@example.com');
  });

  it('creates an account under the normalised email and reads it back in every form', async () => {
    const address = email();
    const created = await users.create({ email: ` ${address} `, passwordHash: 'hash', displayName: 'Ann' });
    expect(created).toEqual({
      id: created.id,
      email: address.toLowerCase(),
      displayName: 'Ann',
      emailVerified: false,
      hasPassword: true,
      googleLinked: false,
      createdAt: created.createdAt,
    });
    expect(await users.getById(created.id)).toEqual(created);
    expect(await users.findByEmail(address.toUpperCase())).toEqual(created);
    expect(await users.findCredentialsByEmail(address)).toEqual({ user: created, passwordHash: 'hash' });
    expect(await users.findCredentialsById(created.id)).toEqual({ user: created, passwordHash: 'hash' });
  });

  it('refuses a taken email, also when two sign-ups race', async () => {
    const address = email();
    await users.create({ email: address, passwordHash: null });
    await expect(users.create({ email: address.toUpperCase(), passwordHash: null })).rejects.toThrow(
      EmailAlreadyRegisteredError,
    );
    const racing = email();
    const outcomes = await Promise.allSettled([
      users.create({ email: racing, passwordHash: null }),
      users.create({ email: racing, passwordHash: null }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(EmailAlreadyRegisteredError);
  });

  it('answers an unknown id with USER_NOT_FOUND, and null where it may', async () => {
    const id = randomUUID();
    const missing = await users.getById(id).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UserNotFoundError);
    expect(missing).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(await users.findById(id)).toBeNull();
    expect(await users.findByGoogleSubject('google-nobody')).toBeNull();
    await expect(users.linkGoogle(id, 'google-x', null)).rejects.toThrow(UserNotFoundError);
  });

  it('links Google to an unverified password account: the address is verified and the password removed', async () => {
    const created = await users.create({ email: email(), passwordHash: 'hash', displayName: null });
    const subject = `google-${randomUUID()}`;
    expect(await users.linkGoogle(created.id, subject, 'Ann from Google')).toEqual({ passwordRemoved: true });
    expect(await users.findByGoogleSubject(subject)).toMatchObject({
      id: created.id,
      displayName: 'Ann from Google',
      emailVerified: true,
      hasPassword: false,
      googleLinked: true,
    });
  });

  it('links Google to a verified account keeping its password and its own display name', async () => {
    const created = await users.create({
      email: email(),
      passwordHash: 'hash',
      displayName: 'Ann',
      emailVerified: true,
    });
    expect(await users.linkGoogle(created.id, `google-${randomUUID()}`, 'Other name')).toEqual({
      passwordRemoved: false,
    });
    expect(await users.findCredentialsById(created.id)).toMatchObject({
      passwordHash: 'hash',
      user: { displayName: 'Ann', emailVerified: true, googleLinked: true },
    });
  });

  it('deletes an account with its sessions, writing its events in the same transaction; once only', async () => {
    const created = await users.create({ email: email(), passwordHash: 'hash' });
    const sessions = new RefreshTokenRepository(db.dataSource);
    const tokenHash = randomUUID().replace(/-/g, '');
    await sessions.insert({
      id: randomUUID(),
      userId: created.id,
      familyId: randomUUID(),
      tokenHash,
      expiresAt: new Date(Date.now() + 60_000),
      signedInAt: new Date(),
    });
    const deleted = accountEvent(ACCOUNT_EVENTS.deleted, created.id, { reason: 'deleted-by-user' as const });
    expect(await users.delete(created.id, [deleted])).toBe(true);
    expect(await users.findById(created.id)).toBeNull();
    expect(await sessions.findByHash(tokenHash)).toBeNull();
    expect((await db.envelopes(created.id)).map((envelope) => [envelope.type, envelope.userId, envelope.data])).toEqual(
      [['account.deleted', created.id, { reason: 'deleted-by-user' }]],
    );

    expect(await users.delete(created.id, [deleted])).toBe(false);
    expect(await db.envelopes(created.id)).toHaveLength(1);
  });
});
