import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newShareToken } from './share-token';
import { SharingRepository } from './sharing.repository';
import type { NewShareLink, ShareSubjectKind } from './sharing.types';

/** The share_links table on each database: only active links are found, listed and revoked, and revoked once. */
describe.each(['SQLite', 'PostgreSQL'] as const)('SharingRepository on %s', (kind) => {
  let db: JobDatabase;
  let links: SharingRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    links = new SharingRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function shared(
    userId: string,
    subjectId: string,
    createdAt: Date,
    subjectKind: ShareSubjectKind = 'simulation',
  ): Promise<NewShareLink> {
    const { hash, hint } = newShareToken();
    const link: NewShareLink = {
      id: randomUUID(),
      userId,
      subjectKind,
      subjectId,
      tokenHash: hash,
      tokenHint: hint,
      createdAt,
    };
    await links.transaction((tx) => links.insert(link, tx));
    return link;
  }

  const record = ({ tokenHash: _hash, ...link }: NewShareLink) => ({ ...link, revokedAt: null });

  it('finds an active link by its token hash, and not once it is revoked', async () => {
    const link = await shared(await db.newUser(), randomUUID(), new Date('2026-12-01T09:00:00Z'));
    expect(await links.findActiveByTokenHash(link.tokenHash)).toEqual(record(link));
    const revokedAt = new Date('2026-12-02T09:00:00Z');
    expect(await links.transaction((tx) => links.revoke(link.id, revokedAt, tx))).toBe(true);
    expect(await links.findActiveByTokenHash(link.tokenHash)).toBeNull();
    expect(await links.transaction((tx) => links.revoke(link.id, new Date(), tx))).toBe(false);
  });

  it("lists the owner's active links to one subject, newest first", async () => {
    const userId = await db.newUser();
    const subjectId = randomUUID();
    const older = await shared(userId, subjectId, new Date('2026-12-01T09:00:00Z'));
    const newer = await shared(userId, subjectId, new Date('2026-12-01T10:00:00Z'));
    const revoked = await shared(userId, subjectId, new Date('2026-12-01T11:00:00Z'));
    await links.transaction((tx) => links.revoke(revoked.id, new Date(), tx));
    await shared(userId, randomUUID(), new Date('2026-12-01T12:00:00Z'));
    await shared(userId, subjectId, new Date('2026-12-01T12:00:00Z'), 'comparison');
    await shared(await db.newUser(), subjectId, new Date('2026-12-01T12:00:00Z'));

    expect(await links.listActive(userId, 'simulation', subjectId)).toEqual([record(newer), record(older)]);
  });

  it("finds the owner's active link by token hash or id, never another owner's or subject's", async () => {
    const userId = await db.newUser();
    const subjectId = randomUUID();
    const link = await shared(userId, subjectId, new Date('2026-12-01T09:00:00Z'));
    expect(await links.findActiveOf(userId, 'simulation', subjectId, { id: link.id })).toEqual(record(link));
    expect(await links.findActiveOf(userId, 'simulation', subjectId, { tokenHash: link.tokenHash })).toEqual(
      record(link),
    );
    expect(await links.findActiveOf(await db.newUser(), 'simulation', subjectId, { id: link.id })).toBeNull();
    expect(await links.findActiveOf(userId, 'comparison', subjectId, { id: link.id })).toBeNull();
    expect(await links.findActiveOf(userId, 'simulation', randomUUID(), { id: link.id })).toBeNull();
  });

  it('deletes every link of a subject, revoked or not, and only those', async () => {
    const userId = await db.newUser();
    const subjectId = randomUUID();
    const active = await shared(userId, subjectId, new Date('2026-12-01T09:00:00Z'));
    const revoked = await shared(userId, subjectId, new Date('2026-12-01T10:00:00Z'));
    await links.transaction((tx) => links.revoke(revoked.id, new Date(), tx));
    const sameIdOtherKind = await shared(userId, subjectId, new Date('2026-12-01T11:00:00Z'), 'comparison');

    expect(await links.deleteForSubject('simulation', subjectId)).toBe(2);
    expect(await links.findActiveByTokenHash(active.tokenHash)).toBeNull();
    expect(await links.findActiveByTokenHash(sameIdOtherKind.tokenHash)).toEqual(record(sameIdOtherKind));
    expect(await links.deleteForSubject('simulation', subjectId)).toBe(0);
  });

  it('refuses a second link with the same token hash', async () => {
    const link = await shared(await db.newUser(), randomUUID(), new Date('2026-12-01T09:00:00Z'));
    await expect(links.transaction((tx) => links.insert({ ...link, id: randomUUID() }, tx))).rejects.toThrow();
  });
});
