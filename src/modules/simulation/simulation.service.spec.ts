import { describe, expect, it } from '@jest/globals';
import { InMemorySimulations } from '../../../test/support/in-memory-simulations';
import { parseEnvironment } from '../../config/environment.schema';
import type { FailureKind } from '../../jobs/job-failure';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import type { EnqueueOptions } from '../../queue/job-queues';
import { JobRecovery, workerLostReason } from '../../queue/job-recovery';
import type { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import { SimulationLifecycle } from './simulation-lifecycle.service';
import { InvalidCommandError } from './simulation.errors';
import type { SimulationRepository } from './simulation.repository';
import { SIMULATION_JOB_OPTIONS, SimulationService } from './simulation.service';

const OWNER = 'user-1';
const COMMAND = 'SPY?L=2-L-60% KO-L-40% 2020-01-01 2020-12-31 benchmark=^GSPC';

/** Lists what was enqueued; `down` makes every enqueue fail (Redis away). */
class RecordingQueues extends InMemoryJobQueues {
  readonly enqueued: { queue: string; data: unknown; options?: EnqueueOptions }[] = [];
  down = false;

  override async enqueue(...[queue, name, data, options]: Parameters<InMemoryJobQueues['enqueue']>) {
    if (this.down) throw new Error('queue unavailable');
    this.enqueued.push({ queue, data, options });
    return super.enqueue(queue, name, data, options);
  }
}

class CountingMetrics extends MetricsService {
  readonly counted: string[] = [];
  override simulationRequested(): void {
    this.counted.push('requested');
  }
  override simulationFailed(kind: FailureKind): void {
    this.counted.push(`failed ${kind}`);
  }
}

function setUp() {
  const store = new InMemorySimulations();
  const queues = new RecordingQueues();
  const metrics = new CountingMetrics();
  const recovery = new JobRecovery(parseEnvironment({ NODE_ENV: 'test' }), queues);
  const service = new SimulationService(
    new HistoryService(store as unknown as HistoryRepository),
    new SimulationLifecycle(store as unknown as SimulationRepository),
    queues,
    metrics,
    recovery,
  );
  return { store, queues, metrics, recovery, service };
}

/** SimulationService over an in-memory store and queue: what a submission records, enqueues and refuses. */
describe('SimulationService', () => {
  it('records a valid command queued with its requested event, then enqueues it under its own id', async () => {
    const { store, queues, metrics, service } = setUp();
    const { record, created } = await service.submit(OWNER, { command: COMMAND }, null);
    expect(created).toBe(true);
    expect(record).toMatchObject({
      userId: OWNER,
      command: COMMAND,
      status: 'queued',
      startDate: '2020-01-01',
      endDate: '2020-12-31',
    });
    expect(store.records.get(record.id)).toEqual(record);
    expect(store.events.map(({ type, key, data }) => ({ type, key, data }))).toEqual([
      {
        type: 'simulation.requested',
        key: record.id,
        data: {
          command: COMMAND,
          canonical: record.canonical,
          tickers: ['SPY?L=2', 'KO'],
          benchmark: '^GSPC',
          startDate: '2020-01-01',
          endDate: '2020-12-31',
          taskId: record.id,
        },
      },
    ]);
    expect(queues.enqueued).toEqual([
      {
        queue: 'simulations',
        data: { simulationId: record.id },
        options: { jobId: record.id, ...SIMULATION_JOB_OPTIONS },
      },
    ]);
    expect(metrics.counted).toEqual(['requested']);
  });

  it('refuses a command that does not parse with 422 and every error, recording and enqueuing nothing', async () => {
    const { store, queues, service } = setUp();
    const refusal = service.submit(OWNER, { command: 'AAPL-L-100% 2020-13-01 2020-12-31 fee=much' }, null);
    const error = await refusal.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidCommandError);
    expect(error).toMatchObject({ code: 'INVALID_COMMAND', httpStatus: 422 });
    expect((error as InvalidCommandError).details.length).toBeGreaterThanOrEqual(2);
    expect([store.records.size, store.events.length, queues.enqueued.length]).toEqual([0, 0, 0]);
  });

  it('applies option overrides to the command it records', async () => {
    const { service } = setUp();
    const { record } = await service.submit(
      OWNER,
      { command: 'AAPL-L-100% 2020-01-01 2020-12-31', options: { capital: 5000 } },
      null,
    );
    expect(record.parsedCommand.options.capital).toBe(5000);
    expect(record.command).not.toBe('AAPL-L-100% 2020-01-01 2020-12-31');
  });

  it('answers a repeated Idempotency-Key with the earlier simulation, per user, without a new one', async () => {
    const { store, queues, service } = setUp();
    const first = await service.submit(OWNER, { command: COMMAND }, 'key-1');
    const again = await service.submit(OWNER, { command: 'KO-L-100% 2020-01-01 2020-12-31' }, 'key-1');
    expect([again.created, again.record.id]).toEqual([false, first.record.id]);
    const otherUser = await service.submit('user-2', { command: COMMAND }, 'key-1');
    expect(otherUser.created).toBe(true);
    expect([store.records.size, queues.enqueued.length]).toEqual([2, 2]);
  });

  it('answers a lost race on the same key with the winner, and rethrows a refused insert without one', async () => {
    const { store, service } = setUp();
    const winner = await service.submit(OWNER, { command: COMMAND }, 'key-2');
    // The look-up before the insert missed the winner (it committed in between): the unique index refuses.
    store.failInsert = new Error('duplicate key value violates unique constraint');
    const lookups = store.findByIdempotencyKey.bind(store);
    let calls = 0;
    store.findByIdempotencyKey = async (userId, key) => (++calls === 1 ? null : lookups(userId, key));
    expect(await service.submit(OWNER, { command: COMMAND }, 'key-2')).toEqual({
      record: winner.record,
      created: false,
    });
    await expect(service.submit(OWNER, { command: COMMAND }, null)).rejects.toBe(store.failInsert);
  });

  it('still accepts (the row is committed) when the enqueue fails; the recovery sweep enqueues it later', async () => {
    const { store, queues, service } = setUp();
    queues.down = true;
    const { record, created } = await service.submit(OWNER, { command: COMMAND }, null);
    expect([created, store.records.get(record.id)?.status, queues.enqueued]).toEqual([true, 'queued', []]);
    queues.down = false;
    // Submitted "a minute ago": older than the sweep's grace.
    store.records.set(record.id, { ...record, createdAt: new Date(Date.now() - 60_000) });
    expect(await service.recoverStranded(30)).toEqual({ enqueued: 1, retried: 0, failed: 0 });
    expect(queues.enqueued.map((job) => job.data)).toEqual([{ simulationId: record.id }]);
  });

  it('reruns the user’s own simulation as a new one, and answers another user’s with 404', async () => {
    const { service } = setUp();
    const earlier = await service.submit(OWNER, { command: COMMAND }, null);
    const rerun = await service.rerun(OWNER, earlier.record.id);
    expect([rerun.created, rerun.record.command, rerun.record.id === earlier.record.id]).toEqual([
      true,
      COMMAND,
      false,
    ]);
    await expect(service.rerun('user-2', earlier.record.id)).rejects.toMatchObject({
      code: 'SIMULATION_NOT_FOUND',
      httpStatus: 404,
    });
  });

  it('registers its sweep; a simulation whose workers kept stopping is failed with WORKER_LOST', async () => {
    const { store, metrics, recovery, service } = setUp();
    const registered: string[] = [];
    recovery.register = (name) => void registered.push(name);
    service.onModuleInit();
    expect(registered).toEqual(['simulations']);
    const { record } = await service.submit(OWNER, { command: COMMAND }, null);
    store.records.set(record.id, { ...record, createdAt: new Date(Date.now() - 60_000) });
    // JobRecovery decides when a job's workers stopped too often (its own spec): here it says so of each record.
    recovery.recoverAll = async (_queue, list, actions) => {
      const page = await list(10);
      for (const one of page) await actions.failWorkerLost(one.id);
      return { enqueued: 0, retried: 0, failed: page.length };
    };
    expect(await service.recoverStranded(30)).toEqual({ enqueued: 0, retried: 0, failed: 1 });
    expect(store.records.get(record.id)).toMatchObject({
      status: 'failed',
      failureReason: workerLostReason('simulation'),
    });
    expect(store.events.slice(-1).map(({ type, data }) => [type, data])).toEqual([
      ['simulation.failed', { reason: workerLostReason('simulation'), code: 'WORKER_LOST' }],
    ]);
    expect(metrics.counted).toEqual(['requested', 'failed transient']);
  });
});
