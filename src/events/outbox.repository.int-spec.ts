import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../test/support/job-database';
import { OutboxEventEntity } from './outbox-event.entity';
import { NewOutboxEvent, OutboxRepository, PendingOutboxEvent } from './outbox.repository';

/**
 * The event_outbox table on each database: events are handed out oldest first and marked published only when
 * publishing succeeds; a failure is counted and kept for the next try; pruning deletes only old published events.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('OutboxRepository on %s', (kind) => {
  let db: JobDatabase;
  let outbox: OutboxRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    outbox = new OutboxRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const event = (key: string, type: string, createdAt = new Date('2026-12-01T10:00:00.000Z')): NewOutboxEvent => ({
    id: randomUUID(),
    topic: 'portofino.test.events.v1',
    key,
    type,
    payload: JSON.stringify({ type, key }),
    headers: { 'content-type': 'application/json' },
    createdAt,
  });

  /** Publishes whatever earlier tests left, so that a test sees only its own events. */
  async function drain(): Promise<void> {
    while ((await outbox.publishBatch(1000, async () => undefined)).published > 0);
  }

  it('hands out the oldest unpublished events first, at most the limit, and marks them published', async () => {
    await drain();
    const key = randomUUID();
    const written = [event(key, 'a'), event(key, 'b'), event(key, 'c')];
    await outbox.add(written);
    expect(await outbox.countUnpublished()).toBe(3);

    const handed: PendingOutboxEvent[][] = [];
    const publish = async (events: PendingOutboxEvent[]) => {
      handed.push(events);
    };
    expect(await outbox.publishBatch(2, publish)).toEqual({ published: 2, busy: false });
    expect(await outbox.publishBatch(2, publish)).toEqual({ published: 1, busy: false });
    expect(await outbox.publishBatch(2, publish)).toEqual({ published: 0, busy: false });

    expect(handed.map((batch) => batch.map((one) => one.type))).toEqual([['a', 'b'], ['c']]);
    const [first, second] = handed[0];
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(first).toEqual({ ...written[0], seq: first.seq });
    expect(await outbox.countUnpublished()).toBe(0);
    const stored = await outbox.findById(written[2].id);
    expect(stored).toMatchObject({ type: 'c', attempts: 0 });
    expect(stored?.publishedAt).toBeInstanceOf(Date);
  });

  it('counts a failed publication, keeps the events for the next try and rethrows', async () => {
    await drain();
    const written = event(randomUUID(), 'flaky');
    await outbox.add([written]);
    const failure = new Error('broker unreachable');
    const failing = async () => {
      throw failure;
    };
    await expect(outbox.publishBatch(10, failing)).rejects.toBe(failure);
    await expect(outbox.publishBatch(10, failing)).rejects.toBe(failure);
    expect(await outbox.findById(written.id)).toMatchObject({ attempts: 2, publishedAt: null });
    expect(await db.row('SELECT last_error FROM event_outbox WHERE id = ?', [written.id])).toEqual({
      last_error: 'broker unreachable',
    });

    expect(await outbox.publishBatch(10, async () => undefined)).toEqual({ published: 1, busy: false });
    expect(await db.row('SELECT last_error FROM event_outbox WHERE id = ?', [written.id])).toEqual({
      last_error: null,
    });
  });

  it('prunes published events older than the cut-off, never unpublished ones', async () => {
    await drain();
    await outbox.deletePublishedBefore(new Date('2100-01-01T00:00:00Z'));
    const key = randomUUID();
    const old = event(key, 'old');
    const recent = event(key, 'recent');
    await outbox.add([old, recent]);
    await drain();
    // Published a month ago: older than the cut-off.
    await db.dataSource
      .getRepository(OutboxEventEntity)
      .update({ id: old.id }, { publishedAt: new Date('2026-11-01T00:00:00Z') });
    const waiting = event(key, 'waiting', new Date('2020-01-01T00:00:00Z'));
    await outbox.add([waiting]);

    expect(await outbox.deletePublishedBefore(new Date('2026-11-20T00:00:00Z'))).toBe(1);
    expect(await outbox.findById(old.id)).toBeNull();
    expect(await outbox.findById(recent.id)).toMatchObject({ type: 'recent' });
    expect(await outbox.deletePublishedBefore(new Date('2100-01-01T00:00:00Z'))).toBe(1);
    expect(await outbox.findById(recent.id)).toBeNull();
    expect(await outbox.findById(waiting.id)).toMatchObject({ publishedAt: null });
  });

  it('runs a callback when the writing transaction commits, never when it rolls back', async () => {
    const calls: string[] = [];
    await db.dataSource.transaction(async (tx) => {
      await outbox.add([event(randomUUID(), 'committed')], tx);
      outbox.whenCommitted(tx, () => calls.push('committed'));
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(['committed']);

    const rolledBack = event(randomUUID(), 'rolled back');
    await expect(
      db.dataSource.transaction(async (tx) => {
        await outbox.add([rolledBack], tx);
        outbox.whenCommitted(tx, () => calls.push('rolled back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(calls).toEqual(['committed']);
    expect(await outbox.findById(rolledBack.id)).toBeNull();

    outbox.whenCommitted(db.dataSource.manager, () => calls.push('no transaction'));
    expect(calls).toEqual(['committed', 'no transaction']);
  });
});
