import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../test/support/job-database';
import { parseEnvironment } from '../config/environment.schema';
import { InMemoryJobQueues } from '../queue/in-memory-job-queues';
import type { JobData, JobName, QueueName } from '../queue/job-catalogue';
import type { EnqueueOptions, JobContext, JobSnapshot } from '../queue/job-queues';
import { JobRecovery } from '../queue/job-recovery';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxPruneProcessor } from './outbox-prune.processor';
import { OutboxRepository } from './outbox.repository';

/** The embedded queue, remembering what was added to it. */
class RecordingQueues extends InMemoryJobQueues {
  readonly added: { queue: string; name: string; data: unknown; options?: EnqueueOptions }[] = [];

  override add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options?: EnqueueOptions,
  ): Promise<JobSnapshot<JobData<Q, J>>> {
    this.added.push({ queue, name, data, options });
    return super.add(queue, name, data, options);
  }
}

const HOUR_MS = 3600_000;

/**
 * The outbox pruning schedule (added by worker processes at start-up and again by the recovery sweep) and the
 * prune job's cut-off, on the real outbox (SQLite): published events older than a week go, the rest stay.
 */
describe('OutboxPruneProcessor', () => {
  let db: JobDatabase;
  let outbox: OutboxRepository;
  const queues: RecordingQueues[] = [];

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    outbox = new OutboxRepository(db.dataSource);
  });

  afterAll(async () => {
    for (const queue of queues) await queue.beforeApplicationShutdown();
    await db?.close();
  });

  function processorFor(role: 'api' | 'worker') {
    // A separate role needs shared services in its configuration; nothing here connects to them.
    const shared = {
      REDIS_URL: 'redis://127.0.0.1:1',
      DATABASE_URL: 'postgres://127.0.0.1:1/x',
      KAFKA_BROKERS: '127.0.0.1:1',
    };
    const config = parseEnvironment({ NODE_ENV: 'test', ...shared }, { role });
    const queue = new RecordingQueues();
    queues.push(queue);
    const recovery = new JobRecovery(config, queue);
    const processor = new OutboxPruneProcessor(config, queue, outbox, recovery);
    processor.onModuleInit();
    return { processor, queue, recovery };
  }

  it('schedules an hourly prune of events older than a week in worker processes only', async () => {
    const api = processorFor('api');
    await api.processor.onApplicationBootstrap();
    expect(api.queue.added).toEqual([]);

    const worker = processorFor('worker');
    await worker.processor.onApplicationBootstrap();
    expect(worker.queue.added).toEqual([
      {
        queue: 'maintenance',
        name: 'outbox.prune',
        data: { olderThanHours: 168 },
        options: { jobId: 'outbox-prune', repeatEveryMs: HOUR_MS },
      },
    ]);
  });

  it('adds the schedule again on every recovery sweep, in case Redis lost it', async () => {
    const { queue, recovery } = processorFor('api');
    await recovery.sweepAll();
    await recovery.sweepAll();
    expect(queue.added.map((one) => [one.name, one.options?.jobId])).toEqual([
      ['outbox.prune', 'outbox-prune'],
      ['outbox.prune', 'outbox-prune'],
    ]);
  });

  it('deletes published events older than the cut-off and keeps newer and unpublished ones', async () => {
    const { processor } = processorFor('worker');
    const now = Date.now();
    const published = async (hoursAgo: number) => {
      const id = randomUUID();
      await outbox.add([
        {
          id,
          topic: 't',
          key: id,
          type: 'test',
          payload: '{}',
          headers: {},
          createdAt: new Date(now - hoursAgo * HOUR_MS),
        },
      ]);
      await outbox.publishBatch(1000, async () => undefined);
      await db.dataSource
        .getRepository(OutboxEventEntity)
        .update({ id }, { publishedAt: new Date(now - hoursAgo * HOUR_MS) });
      return id;
    };
    const weekAndAMinute = await published(168 + 1 / 60);
    const weekLessAMinute = await published(168 - 1 / 60);
    const unpublished = randomUUID();
    await outbox.add([
      {
        id: unpublished,
        topic: 't',
        key: unpublished,
        type: 'test',
        payload: '{}',
        headers: {},
        createdAt: new Date(0),
      },
    ]);

    expect(await processor.prune(job(168))).toEqual({ deleted: 1 });
    expect(await outbox.findById(weekAndAMinute)).toBeNull();
    expect(await outbox.findById(weekLessAMinute)).not.toBeNull();
    expect(await outbox.findById(unpublished)).toMatchObject({ publishedAt: null });
  });
});

function job(olderThanHours: number): JobContext<{ olderThanHours: number }> {
  return {
    id: 'outbox-prune',
    name: 'outbox.prune',
    data: { olderThanHours },
    attemptsMade: 0,
    attempts: 1,
    enqueuedAt: new Date(),
    reportProgress: async () => undefined,
  };
}
