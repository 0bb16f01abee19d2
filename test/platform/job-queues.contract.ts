import { JobContext, JobQueues, NonRetryableJobError } from '../../src/queue/job-queues';
import { eventually } from '../support/test-app';

/**
 * The behaviour PortoFino relies on from a queue, run against Bull on Redis and against the in-process
 * queue: both must pass the same cases.
 */
export function describeJobQueuesContract(
  name: string,
  create: () => Promise<{ queues: JobQueues; close(): Promise<void> }>,
) {
  describe(`JobQueues contract: ${name}`, () => {
    let queues: JobQueues;
    let close: () => Promise<void>;
    const handled: JobContext<unknown>[] = [];
    const attemptsByJob = new Map<string, number>();

    beforeAll(async () => {
      ({ queues, close } = await create());
      // One handler for the catalogued job; its data says how to behave, so each case is one job.
      queues.process(
        'maintenance',
        'outbox.prune',
        async (job) => {
          handled.push(job);
          const data = job.data as { olderThanHours: number };
          const attempt = (attemptsByJob.get(job.id) ?? 0) + 1;
          attemptsByJob.set(job.id, attempt);
          await job.reportProgress(50);
          if (data.olderThanHours === -1) throw new NonRetryableJobError('olderThanHours must not be negative');
          if (data.olderThanHours === -2 && attempt < 3) throw new Error(`transient failure ${attempt}`);
          if (data.olderThanHours === -3) await new Promise((resolve) => setTimeout(resolve, 1500));
          return { deleted: data.olderThanHours * 2, attempt };
        },
        4,
      );
    });

    afterAll(async () => {
      await close();
    });

    const settled = (id: string) =>
      eventually(
        async () => {
          const job = await queues.getJob('maintenance', id);
          return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
        },
        20_000,
        `job ${id} to settle`,
      );

    it('runs a job with its data intact and keeps its result', async () => {
      const added = await queues.add('maintenance', 'outbox.prune', { olderThanHours: 21 });
      expect(added.state).toMatch(/waiting|active|completed/);
      const job = await settled(added.id);
      expect(job).toMatchObject({
        id: added.id,
        queue: 'maintenance',
        name: 'outbox.prune',
        data: { olderThanHours: 21 },
        state: 'completed',
        attemptsMade: 1,
        progress: 50,
        returnValue: { deleted: 42, attempt: 1 },
        failedReason: null,
      });
      expect(job.startedAt).toBeInstanceOf(Date);
      expect(handled.find((context) => context.id === added.id)?.data).toEqual({ olderThanHours: 21 });
    });

    it('deduplicates by job id', async () => {
      const first = await queues.add('maintenance', 'outbox.prune', { olderThanHours: 1 }, { jobId: 'same-id' });
      const second = await queues.add('maintenance', 'outbox.prune', { olderThanHours: 2 }, { jobId: 'same-id' });
      expect(second.id).toBe(first.id);
      const job = await settled('same-id');
      expect(job.returnValue).toEqual({ deleted: 2, attempt: 1 });
      expect(handled.filter((context) => context.id === 'same-id')).toHaveLength(1);
    });

    it('retries a transient failure with back-off, up to its attempts', async () => {
      const added = await queues.add(
        'maintenance',
        'outbox.prune',
        { olderThanHours: -2 },
        { attempts: 3, backoffMs: 50 },
      );
      const job = await settled(added.id);
      expect(job.state).toBe('completed');
      expect(job.attemptsMade).toBe(3);
      expect(job.returnValue).toEqual({ deleted: -4, attempt: 3 });
    });

    it('fails at once, without retrying, on a NonRetryableJobError', async () => {
      const added = await queues.add(
        'maintenance',
        'outbox.prune',
        { olderThanHours: -1 },
        { attempts: 5, backoffMs: 50 },
      );
      const job = await settled(added.id);
      expect(job.state).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toBe('olderThanHours must not be negative');
    });

    it('fails a try that outlives its timeout', async () => {
      const added = await queues.add('maintenance', 'outbox.prune', { olderThanHours: -3 }, { timeoutMs: 300 });
      const job = await settled(added.id);
      expect(job.state).toBe('failed');
      expect(job.failedReason).toMatch(/timed out/);
    });

    it('holds a delayed job back until its delay has passed', async () => {
      const started = Date.now();
      const added = await queues.add('maintenance', 'outbox.prune', { olderThanHours: 5 }, { delayMs: 600 });
      expect(added.state).toBe('delayed');
      const job = await settled(added.id);
      expect(job.state).toBe('completed');
      expect((job.startedAt as Date).getTime() - started).toBeGreaterThanOrEqual(550);
    });

    it('counts jobs by state and reports healthy', async () => {
      const counts = await queues.counts('maintenance');
      expect(counts.completed).toBeGreaterThanOrEqual(4);
      expect(counts.failed).toBeGreaterThanOrEqual(2);
      expect(counts.active).toBe(0);
      expect((await queues.health()).up).toBe(true);
    });

    it('answers null for an unknown job', async () => {
      expect(await queues.getJob('maintenance', 'no-such-job')).toBeNull();
    });

    it('runs a failed job once more on retry: same id and data, and that try is its last', async () => {
      const added = await queues.add(
        'maintenance',
        'outbox.prune',
        { olderThanHours: -1 },
        { jobId: 'retried', attempts: 2, backoffMs: 50 },
      );
      const failed = await settled(added.id);
      expect(failed).toMatchObject({ state: 'failed', attemptsMade: 1, workerLost: false });
      expect(await queues.retry('maintenance', 'retried')).toBe(true);
      // Only a failed job is retried: it is waiting or running now.
      expect(await queues.retry('maintenance', 'retried')).toBe(false);
      const again = await settled('retried');
      expect(again).toMatchObject({
        state: 'failed',
        attemptsMade: 2,
        failedReason: 'olderThanHours must not be negative',
      });
      const tries = handled.filter((context) => context.id === 'retried');
      expect(tries.map((context) => [context.attemptsMade, context.attempts])).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(tries[1].data).toEqual({ olderThanHours: -1 });
      expect(await queues.retry('maintenance', 'no-such-job')).toBe(false);
    });

    it('removes a finished job, so that its id can be enqueued again', async () => {
      await queues.add('maintenance', 'outbox.prune', { olderThanHours: 7 }, { jobId: 'removed' });
      expect((await settled('removed')).returnValue).toEqual({ deleted: 14, attempt: 1 });
      expect(await queues.remove('maintenance', 'removed')).toBe(true);
      expect(await queues.getJob('maintenance', 'removed')).toBeNull();
      expect(await queues.remove('maintenance', 'removed')).toBe(false);
      await queues.add('maintenance', 'outbox.prune', { olderThanHours: 8 }, { jobId: 'removed' });
      expect((await settled('removed')).returnValue).toEqual({ deleted: 16, attempt: 2 });
    });

    it('neither removes nor retries a job that has not finished', async () => {
      await queues.add('maintenance', 'outbox.prune', { olderThanHours: 9 }, { jobId: 'later', delayMs: 2000 });
      expect(await queues.remove('maintenance', 'later')).toBe(false);
      expect(await queues.retry('maintenance', 'later')).toBe(false);
      expect((await queues.getJob('maintenance', 'later'))?.state).toBe('delayed');
    });
  });
}
