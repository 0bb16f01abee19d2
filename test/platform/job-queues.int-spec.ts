import Bull from 'bull';
import { BullJobQueues } from '../../src/queue/bull-job-queues';
import { InMemoryJobQueues } from '../../src/queue/in-memory-job-queues';
import { QueueUnavailableError } from '../../src/queue/job-queues';
import { freePort } from '../harness/util';
import { testRedisUrl, uniquePrefix } from '../harness/test-services';
import { eventually } from '../support/test-app';
import { describeJobQueuesContract } from './job-queues.contract';

describeJobQueuesContract('in-process', async () => {
  const queues = new InMemoryJobQueues();
  return { queues, close: () => queues.beforeApplicationShutdown() };
});

describeJobQueuesContract('Bull on Redis', async () => {
  const queue = new Bull('maintenance', testRedisUrl(), { prefix: uniquePrefix('bull') });
  const queues = new BullJobQueues(new Map([['maintenance', queue]]));
  return { queues, close: () => queues.beforeApplicationShutdown() };
});

describe('Bull on Redis when workers crash and Redis is away', () => {
  it('marks a job failed because its workers kept stopping as workerLost', async () => {
    const prefix = uniquePrefix('stall');
    // Stalled once is too often here (maxStalledCount 0), and a lock lasts a second.
    const settings = { lockDuration: 1000, stalledInterval: 300, maxStalledCount: 0 };
    const crashing = new Bull('maintenance', testRedisUrl(), { prefix, settings });
    let release: () => void = () => undefined;
    let started = false;
    void crashing.process('outbox.prune', async () => {
      started = true;
      await new Promise<void>((resolve) => (release = resolve));
    });
    const job = await crashing.add('outbox.prune', { olderThanHours: 1 }, { jobId: 'held', attempts: 3 });
    await eventually(async () => (started ? true : undefined), 10_000, 'the job to start');
    // As if the process died: its connections go, nobody renews the job's lock.
    await crashing.close(true);

    const survivor = new Bull('maintenance', testRedisUrl(), { prefix, settings });
    void survivor.process('outbox.prune', async () => ({ ranAgain: true }));
    const queues = new BullJobQueues(new Map([['maintenance', survivor]]));
    const failed = await eventually(
      async () => {
        const snapshot = await queues.getJob('maintenance', String(job.id));
        return snapshot?.state === 'failed' ? snapshot : undefined;
      },
      20_000,
      'Bull to fail the stalled job',
    );
    expect(failed).toMatchObject({
      id: 'held',
      state: 'failed',
      failedReason: 'job stalled more than allowable limit',
      workerLost: true,
    });
    release();
    await queues.beforeApplicationShutdown();
  });

  it('gives up storing a job after the enqueue timeout while Redis is unreachable, and says so', async () => {
    // Nothing listens there: ioredis would retry the command for about 13 s.
    const queue = new Bull('maintenance', `redis://127.0.0.1:${await freePort()}`, { prefix: uniquePrefix('away') });
    queue.on('error', () => undefined);
    const queues = new BullJobQueues(new Map([['maintenance', queue]]), {
      enqueueTimeoutMs: 300,
      healthTimeoutMs: 300,
    });
    await expect(queues.enqueue('maintenance', 'outbox.prune', { olderThanHours: 1 })).rejects.toThrow(
      new QueueUnavailableError('Redis did not store the job within 300 ms'),
    );
    expect(await queues.health()).toEqual({ up: false, kind: 'redis', detail: 'no reply within 300 ms' });
    await Promise.race([queue.close(true), new Promise((resolve) => setTimeout(resolve, 1000))]);
    for (const client of queue.clients) client.disconnect();
  });
});
