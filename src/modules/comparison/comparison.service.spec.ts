import { describe, expect, it } from '@jest/globals';
import { InMemorySimulations } from '../../../test/support/in-memory-simulations';
import { newSimulation } from '../../../test/support/stored-simulation';
import { parseEnvironment } from '../../config/environment.schema';
import type { DomainEvent } from '../../events/event-envelope';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import type { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import type { ComparisonError } from '../../engine';
import { InvalidComparisonError } from './comparison.errors';
import type { ComparisonRepository } from './comparison.repository';
import { COMPARISON_JOB_OPTIONS, ComparisonService } from './comparison.service';
import type { ComparisonChange, ComparisonRecord } from './comparison.types';

const OWNER = 'user-1';
const TECH = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2020-12-31';
const KO = 'KO-L-100% 2020-01-01 2020-12-31';

type Storage = Pick<
  ComparisonRepository,
  'insert' | 'findById' | 'findPageByUser' | 'findUnfinished' | 'delete' | 'changeUnfinished'
>;

/** The comparisons table in memory (its SQL is covered by comparison.repository.int-spec.ts). */
class InMemoryComparisons implements Storage {
  readonly rows = new Map<string, ComparisonRecord>();
  readonly events: DomainEvent[] = [];

  async insert(
    comparison: Pick<ComparisonRecord, 'id' | 'userId' | 'periodMode' | 'members' | 'simulationIds' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    this.rows.set(comparison.id, {
      ...comparison,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      failureMember: null,
      result: null,
      startedAt: null,
      finishedAt: null,
    });
    this.events.push(...events);
  }
  async findById(id: string): Promise<ComparisonRecord | null> {
    return this.rows.get(id) ?? null;
  }
  async findPageByUser(userId: string, page: number, size: number) {
    const mine = [...this.rows.values()].filter((one) => one.userId === userId).reverse();
    return { items: mine.slice((page - 1) * size, page * size), total: mine.length };
  }
  async findUnfinished(before: Date, limit: number) {
    return [...this.rows.values()]
      .filter((one) => (one.status === 'queued' || one.status === 'running') && one.createdAt < before)
      .slice(0, limit)
      .map(({ id, createdAt }) => ({ id, createdAt }));
  }
  async delete(id: string): Promise<void> {
    this.rows.delete(id);
  }
  async changeUnfinished(id: string, change: ComparisonChange, events: DomainEvent[]): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status === 'completed' || row.status === 'failed') return false;
    this.rows.set(id, {
      ...row,
      status: change.status ?? row.status,
      failureReason: change.failureReason ?? row.failureReason,
      failureCode: change.failureCode ?? row.failureCode,
    });
    this.events.push(...events);
    return true;
  }
}

class RecordingQueues extends InMemoryJobQueues {
  readonly enqueued: unknown[] = [];
  down = false;

  override async enqueue(...[queue, name, data, options]: Parameters<InMemoryJobQueues['enqueue']>) {
    if (this.down) throw new Error('queue unavailable');
    this.enqueued.push({ queue, data, options });
    return super.enqueue(queue, name, data, options);
  }
}

function setUp() {
  const comparisons = new InMemoryComparisons();
  const simulations = new InMemorySimulations();
  const queues = new RecordingQueues();
  const recovery = new JobRecovery(parseEnvironment({ NODE_ENV: 'test' }), queues);
  const service = new ComparisonService(
    comparisons as unknown as ComparisonRepository,
    new HistoryService(simulations as unknown as HistoryRepository),
    queues,
    recovery,
  );
  return { comparisons, simulations, queues, recovery, service };
}

/** ComparisonService over in-memory storage: what a request is checked for, records and enqueues; ownership. */
describe('ComparisonService', () => {
  it('refuses a request with both members and simulation ids, or neither: 422, nothing recorded', async () => {
    const { comparisons, queues, service } = setUp();
    for (const request of [{}, { members: [{ command: TECH }, { command: KO }], simulationIds: [] }]) {
      await expect(service.submit(OWNER, request)).rejects.toMatchObject({
        code: 'INVALID_COMPARISON',
        httpStatus: 422,
        message: 'give either members (2 to 10 commands) or simulationIds (2 to 10), not both',
      });
    }
    expect([comparisons.rows.size, queues.enqueued.length]).toEqual([0, 0]);
  });

  it('refuses members that do not parse with each error located at its member', async () => {
    const { comparisons, service } = setUp();
    const refusal = service.submit(OWNER, { members: [{ command: TECH }, { command: 'KO-L-100% 2020-13-01' }] });
    const error = await refusal.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidComparisonError);
    expect(error).toMatchObject({ code: 'INVALID_COMPARISON', httpStatus: 422 });
    const details = (error as InvalidComparisonError).details as ComparisonError[];
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((error) => error.member === 1)).toBe(true);
    expect(comparisons.rows.size).toBe(0);
  });

  it('compares the user’s own simulations by id, and answers another user’s id with 404', async () => {
    const { simulations, comparisons, queues, service } = setUp();
    const mine = [newSimulation(TECH, OWNER), newSimulation(KO, OWNER)];
    for (const simulation of mine) await simulations.insert(simulation, new Date(), []);
    const comparison = await service.submit(OWNER, { simulationIds: mine.map((one) => one.id), period: 'own' });
    expect(comparisons.rows.get(comparison.id)).toMatchObject({
      periodMode: 'own',
      simulationIds: mine.map((one) => one.id),
      members: [
        { name: 'Portfolio 1', named: false, command: TECH },
        { name: 'Portfolio 2', named: false, command: KO },
      ],
    });
    expect(queues.enqueued).toEqual([
      {
        queue: 'comparisons',
        data: { comparisonId: comparison.id },
        options: { jobId: comparison.id, ...COMPARISON_JOB_OPTIONS },
      },
    ]);
    await expect(service.submit('user-2', { simulationIds: mine.map((one) => one.id) })).rejects.toMatchObject({
      code: 'SIMULATION_NOT_FOUND',
      httpStatus: 404,
    });
  });

  it('still accepts when the enqueue fails (the sweep enqueues it), and reruns with the same names and period', async () => {
    const { comparisons, queues, service } = setUp();
    queues.down = true;
    const first = await service.submit(OWNER, {
      members: [{ name: 'Tech', command: TECH }, { command: KO }],
      period: 'own',
    });
    expect([comparisons.rows.get(first.id)?.status, queues.enqueued]).toEqual(['queued', []]);
    queues.down = false;
    const again = await service.rerun(OWNER, first.id);
    expect(again.id).not.toBe(first.id);
    expect([again.periodMode, again.members.map(({ name, named }) => [name, named])]).toEqual([
      'own',
      [
        ['Tech', true],
        ['Portfolio 2', false],
      ],
    ]);
    expect(comparisons.events.map((event) => [event.type, event.key])).toEqual([
      ['comparison.requested', first.id],
      ['comparison.requested', again.id],
    ]);
  });

  it('lets only the owner read or delete a comparison; anyone else gets 404 COMPARISON_NOT_FOUND', async () => {
    const { comparisons, service } = setUp();
    const comparison = await service.submit(OWNER, { members: [{ command: TECH }, { command: KO }] });
    for (const attempt of [service.getOwned('user-2', comparison.id), service.delete('user-2', comparison.id)]) {
      await expect(attempt).rejects.toMatchObject({
        code: 'COMPARISON_NOT_FOUND',
        httpStatus: 404,
        message: `comparison ${comparison.id} not found`,
      });
    }
    expect(comparisons.rows.has(comparison.id)).toBe(true);
    await service.delete(OWNER, comparison.id);
    expect(comparisons.rows.has(comparison.id)).toBe(false);
  });

  it('fails a comparison whose workers kept stopping with WORKER_LOST, through its registered sweep', async () => {
    const { comparisons, recovery, service } = setUp();
    const sweeps = new Map<string, () => Promise<unknown>>();
    recovery.register = (name, sweep) => void sweeps.set(name, sweep);
    service.onModuleInit();
    expect([...sweeps.keys()]).toEqual(['comparisons']);
    const comparison = await service.submit(OWNER, { members: [{ command: TECH }, { command: KO }] });
    comparisons.rows.set(comparison.id, { ...comparison, createdAt: new Date(Date.now() - 60_000) });
    recovery.recoverAll = async (_queue, list, actions) => {
      for (const one of await list(10)) await actions.failWorkerLost(one.id);
      return { enqueued: 0, retried: 0, failed: 1 };
    };
    expect(await service.recoverStranded(30)).toEqual({ enqueued: 0, retried: 0, failed: 1 });
    expect(comparisons.rows.get(comparison.id)).toMatchObject({ status: 'failed', failureCode: 'WORKER_LOST' });
    expect(comparisons.events.slice(-1).map((event) => [event.type, event.data])).toEqual([
      ['comparison.failed', expect.objectContaining({ code: 'WORKER_LOST', member: null })],
    ]);
  });
});
