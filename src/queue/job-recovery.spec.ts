import { AppConfig } from '../config/app-config';
import { parseEnvironment } from '../config/environment.schema';
import { InMemoryJobQueues } from './in-memory-job-queues';
import type { QueueName } from './job-catalogue';
import { JobSnapshot, JobState } from './job-queues';
import { JobRecovery, RecoveryAction } from './job-recovery';

/** The in-process queue, with jobs in whatever state a case needs (Redis's states after a crash included). */
class StagedQueues extends InMemoryJobQueues {
  readonly staged = new Map<string, JobSnapshot>();
  readonly retried: string[] = [];
  readonly removed: string[] = [];

  stage(id: string, state: JobState, failedReason: string | null = null, workerLost = false): void {
    this.staged.set(id, {
      id,
      queue: 'simulations',
      name: 'run',
      data: { simulationId: id },
      state,
      attemptsMade: state === 'failed' ? 3 : 0,
      progress: 0,
      returnValue: null,
      failedReason,
      workerLost,
      enqueuedAt: new Date(),
      startedAt: null,
    });
  }

  override async getJob(_queue: QueueName, id: string): Promise<JobSnapshot | null> {
    return this.staged.get(id) ?? null;
  }

  override async retry(_queue: QueueName, id: string): Promise<boolean> {
    if (this.staged.get(id)?.state !== 'failed') return false;
    this.retried.push(id);
    this.stage(id, 'waiting');
    return true;
  }

  override async remove(_queue: QueueName, id: string): Promise<boolean> {
    const state = this.staged.get(id)?.state;
    if (state !== 'completed' && state !== 'failed') return false;
    this.removed.push(id);
    this.staged.delete(id);
    return true;
  }
}

describe('JobRecovery.recover: what happens to a record still queued or running, by the state of its job', () => {
  const config: AppConfig = parseEnvironment({ QUEUE_RECOVERY_MS: '2000' });

  async function recoverOne(stage: (queues: StagedQueues) => void) {
    const queues = new StagedQueues();
    stage(queues);
    const recovered: { action: RecoveryAction; queue: string }[] = [];
    const recovery = new JobRecovery(config, queues, {
      jobRecovered: (queue: string, action: RecoveryAction) => recovered.push({ queue, action }),
      jobStarted: () => undefined,
      eventPublishFailed: () => undefined,
      watchSocketServer: () => undefined,
    });
    const enqueued: string[] = [];
    const failed: string[] = [];
    const counts = await recovery.recover('simulations', ['s1'], {
      enqueue: async (id) => void enqueued.push(id),
      failWorkerLost: async (id) => void failed.push(id),
    });
    return { counts, enqueued, failed, retried: queues.retried, removed: queues.removed, recovered };
  }

  it('enqueues again a record whose job Redis lost', async () => {
    const outcome = await recoverOne(() => undefined);
    expect(outcome).toMatchObject({ enqueued: ['s1'], failed: [], retried: [], removed: [] });
    expect(outcome.counts).toEqual({ enqueued: 1, retried: 0, failed: 0 });
    expect(outcome.recovered).toEqual([{ queue: 'simulations', action: 'enqueued' }]);
  });

  it.each(['waiting', 'delayed', 'active'] as const)('leaves a record whose job is %s alone', async (state) => {
    const outcome = await recoverOne((queues) => queues.stage('s1', state));
    expect(outcome).toMatchObject({ enqueued: [], failed: [], retried: [], removed: [], recovered: [] });
    expect(outcome.counts).toEqual({ enqueued: 0, retried: 0, failed: 0 });
  });

  it('fails a record whose job failed because its workers kept crashing, and does not run it again', async () => {
    const outcome = await recoverOne((queues) =>
      queues.stage('s1', 'failed', 'job stalled more than allowable limit', true),
    );
    expect(outcome).toMatchObject({ enqueued: [], failed: ['s1'], retried: [], removed: [] });
    expect(outcome.counts).toEqual({ enqueued: 0, retried: 0, failed: 1 });
  });

  it('runs once more a failed job whose handler could not record the failure (the database was away)', async () => {
    const outcome = await recoverOne((queues) => queues.stage('s1', 'failed', 'connect ECONNREFUSED 127.0.0.1:5432'));
    expect(outcome).toMatchObject({ enqueued: [], failed: [], retried: ['s1'], removed: [] });
    expect(outcome.counts).toEqual({ enqueued: 0, retried: 1, failed: 0 });
  });

  it('replaces a completed job whose record never finished', async () => {
    const outcome = await recoverOne((queues) => queues.stage('s1', 'completed'));
    expect(outcome).toMatchObject({ enqueued: ['s1'], failed: [], retried: [], removed: ['s1'] });
  });

  it('says what it needs: the sweep interval as the least age of a record it touches', () => {
    expect(new JobRecovery(config, new StagedQueues()).graceSeconds).toBe(2);
  });
});

describe('JobRecovery.recoverAll', () => {
  it('asks for the records page after page, each after the last one it got, until a page is not full', async () => {
    const records = Array.from({ length: 1203 }, (_, index) => ({
      id: `s${String(index).padStart(4, '0')}`,
      createdAt: new Date(1_700_000_000_000 + index),
    }));
    const asked: (string | undefined)[] = [];
    const enqueued: string[] = [];
    const counts = await new JobRecovery(parseEnvironment({}), new StagedQueues()).recoverAll(
      'simulations',
      async (limit, after) => {
        asked.push(after?.id);
        const from = after ? records.findIndex((record) => record.id === after.id) + 1 : 0;
        return records.slice(from, from + limit);
      },
      { enqueue: async (id) => void enqueued.push(id), failWorkerLost: async () => undefined },
    );
    expect(asked).toEqual([undefined, 's0499', 's0999']);
    expect(enqueued).toEqual(records.map((record) => record.id));
    expect(counts).toEqual({ enqueued: 1203, retried: 0, failed: 0 });
  });
});

describe('JobRecovery sweeps', () => {
  it('runs every registered sweep, and a failing one does not stop the others', async () => {
    const recovery = new JobRecovery(parseEnvironment({}), new InMemoryJobQueues());
    const ran: string[] = [];
    recovery.register('first', async () => {
      ran.push('first');
      throw new Error('Redis is away');
    });
    recovery.register('second', async () => void ran.push('second'));
    await recovery.sweepAll();
    await recovery.sweepAll();
    expect(ran).toEqual(['first', 'second', 'first', 'second']);
  });

  it('never runs two rounds at once', async () => {
    const recovery = new JobRecovery(parseEnvironment({}), new InMemoryJobQueues());
    let running = 0;
    let most = 0;
    recovery.register('slow', async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    });
    await Promise.all([recovery.sweepAll(), recovery.sweepAll(), recovery.sweepAll()]);
    expect(most).toBe(1);
  });
});
