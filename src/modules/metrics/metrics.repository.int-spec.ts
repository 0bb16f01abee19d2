import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { OutboxRepository } from '../../events/outbox.repository';
import { MetricsRepository } from './metrics.repository';

/** The outbox lag gauge's query on each database: the count and the oldest creation time, in UTC. */
describe.each(['SQLite', 'PostgreSQL'] as const)('MetricsRepository on %s', (kind) => {
  let db: JobDatabase;
  let outbox: OutboxRepository;
  let metrics: MetricsRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    outbox = new OutboxRepository(db.dataSource);
    metrics = new MetricsRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const event = (createdAt: Date) => ({
    id: randomUUID(),
    topic: 'portofino.test.events.v1',
    key: randomUUID(),
    type: 'test.event',
    payload: '{}',
    headers: {},
    createdAt,
  });

  it('reports no lag when every event is published', async () => {
    while ((await outbox.publishBatch(1000, async () => undefined)).published > 0);
    expect(await metrics.outboxLag()).toEqual({ unpublished: 0, oldestCreatedAt: null });
  });

  it('counts the unpublished events and gives the oldest creation time to the millisecond', async () => {
    const oldest = new Date('2026-12-03T23:59:58.123Z');
    await outbox.add([event(new Date('2026-12-04T01:00:00.000Z')), event(oldest)]);
    expect(await metrics.outboxLag()).toEqual({ unpublished: 2, oldestCreatedAt: oldest });

    await outbox.publishBatch(1000, async () => undefined);
    await outbox.add([event(new Date('2026-12-04T02:00:00.500Z'))]);
    expect(await metrics.outboxLag()).toEqual({
      unpublished: 1,
      oldestCreatedAt: new Date('2026-12-04T02:00:00.500Z'),
    });
  });
});
