import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { UserEntity } from './entities/user.entity';
import { isUniqueViolation, UsersRepository } from './users.repository';

/** The users table on each database: lookups, unique email and Google subject, updates and deletion in a transaction. */
describe.each(['SQLite', 'PostgreSQL'] as const)('UsersRepository on %s', (kind) => {
  let db: JobDatabase;
  let users: UsersRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    users = new UsersRepository(db.dataSource.getRepository(UserEntity));
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const newUser = (changes: Partial<UserEntity> = {}): UserEntity => {
    const id = randomUUID();
    const at = new Date('2026-11-30T08:00:00.000Z');
    return {
      id,
      email: `${id}@example.com`,
      passwordHash: '$argon2id$hash',
      googleSubject: null,
      displayName: 'Ann',
      emailVerifiedAt: null,
      createdAt: at,
      updatedAt: at,
      ...changes,
    };
  };

  it('finds an account by id, email and Google subject', async () => {
    const user = newUser({ googleSubject: `google-${randomUUID()}` });
    await users.insert(user);
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findByEmail(user.email)).toEqual(user);
    expect(await users.findByGoogleSubject(user.googleSubject!)).toEqual(user);
    expect(await users.findById(randomUUID())).toBeNull();
    expect(await users.findByEmail('nobody@example.com')).toBeNull();
    expect(await users.findByGoogleSubject('google-nobody')).toBeNull();
  });

  it('refuses a taken email or Google subject with an error isUniqueViolation recognises', async () => {
    const first = newUser({ googleSubject: `google-${randomUUID()}` });
    await users.insert(first);
    const refusal = (user: UserEntity) =>
      users.insert(user).then(
        () => 'inserted',
        (error: unknown) => error,
      );
    expect(isUniqueViolation(await refusal(newUser({ email: first.email })))).toBe(true);
    expect(isUniqueViolation(await refusal(newUser({ googleSubject: first.googleSubject })))).toBe(true);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
    // Accounts without a Google subject do not clash with one another.
    await users.insert(newUser());
    await users.insert(newUser());
  });

  it('updates the given fields and the update time, leaving the rest', async () => {
    const user = newUser();
    await users.insert(user);
    await users.update(user.id, { passwordHash: null, displayName: 'Ann B.' });
    const updated = await users.findById(user.id);
    expect(updated).toMatchObject({
      email: user.email,
      passwordHash: null,
      displayName: 'Ann B.',
      createdAt: user.createdAt,
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime());
  });

  it('deletes inside a transaction, which a rollback undoes', async () => {
    const kept = newUser();
    await users.insert(kept);
    await expect(
      users.transaction(async (tx) => {
        expect(await users.delete(kept.id, tx)).toBe(true);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await users.findById(kept.id)).not.toBeNull();

    expect(await users.transaction((tx) => users.delete(kept.id, tx))).toBe(true);
    expect(await users.findById(kept.id)).toBeNull();
    expect(await users.transaction((tx) => users.delete(kept.id, tx))).toBe(false);
  });
});
