import { beforeAll, describe, expect, it } from '@jest/globals';
import { InMemorySimulations } from '../../../test/support/in-memory-simulations';
import { completedSimulation } from '../../../test/support/stored-simulation';
import { parseEnvironment } from '../../config/environment.schema';
import type { DomainEvent } from '../../events/event-envelope';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import type { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { ProjectionLifecycle } from './projection-lifecycle.service';
import type { ProjectionRepository } from './projection.repository';
import { PROJECTION_DEFAULTS, PROJECTION_JOB_OPTIONS, ProjectionService } from './projection.service';
import type { ProjectionChange, ProjectionRecord } from './projection.types';

const OWNER = 'user-1';

type Storage = Pick<ProjectionRepository, 'insert' | 'findById' | 'changeUnfinished'>;

/** The projections table in memory (its SQL: projection.repository.int-spec.ts). */
class InMemoryProjections implements Storage {
  readonly rows = new Map<string, ProjectionRecord>();
  readonly events: DomainEvent[] = [];

  async insert(
    projection: Pick<ProjectionRecord, 'id' | 'userId' | 'simulationId' | 'inputs' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    this.rows.set(projection.id, {
      ...projection,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      outputs: null,
      startedAt: null,
      finishedAt: null,
    });
    this.events.push(...events);
  }
  async findById(id: string): Promise<ProjectionRecord | null> {
    return this.rows.get(id) ?? null;
  }
  async changeUnfinished(id: string, change: ProjectionChange, events: DomainEvent[]): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status === 'completed' || row.status === 'failed') return false;
    this.rows.set(id, { ...row, status: change.status ?? row.status, failureReason: change.failureReason ?? null });
    this.events.push(...events);
    return true;
  }
}

class RecordingQueues extends InMemoryJobQueues {
  readonly enqueued: unknown[] = [];

  override async enqueue(...[queue, name, data, options]: Parameters<InMemoryJobQueues['enqueue']>) {
    this.enqueued.push({ queue, data, options });
    return super.enqueue(queue, name, data, options);
  }
}

let simulation: { record: SimulationRecord; result: StoredSimulationResult };
let short: { record: SimulationRecord; result: StoredSimulationResult };

beforeAll(async () => {
  simulation = await completedSimulation('AAPL-L-60% KO-L-40% 2020-01-01 2021-12-31 capital=50000');
  short = await completedSimulation('AAPL-L-100% 2020-01-01 2020-02-15');
});

function setUp() {
  const projections = new InMemoryProjections();
  const simulations = new InMemorySimulations();
  for (const one of [simulation, short]) {
    simulations.records.set(one.record.id, one.record);
    simulations.results.set(one.record.id, one.result);
  }
  const queues = new RecordingQueues();
  const service = new ProjectionService(
    projections as unknown as ProjectionRepository,
    new ProjectionLifecycle(projections as unknown as ProjectionRepository),
    new HistoryService(simulations as unknown as HistoryRepository),
    queues,
    new JobRecovery(parseEnvironment({ NODE_ENV: 'test' }), queues),
  );
  return { projections, simulations, queues, service };
}

/** ProjectionService over in-memory storage: the inputs it resolves, what it refuses before queueing, ownership. */
describe('ProjectionService', () => {
  it('resolves every default from the simulation, records the projection with its event and enqueues it', async () => {
    const { projections, queues, service } = setUp();
    const projection = await service.request(OWNER, simulation.record.id, {});
    const finalValue = simulation.result.summary.finalValue as number;
    expect(projection.inputs).toEqual({
      paths: PROJECTION_DEFAULTS.paths,
      years: PROJECTION_DEFAULTS.years,
      method: 'block',
      blockMonths: 12,
      seed: expect.any(Number),
      initialValue: finalValue,
      cashFlow: null,
      inflationRate: 0,
      targetValue: finalValue,
    });
    expect(projections.rows.get(projection.id)).toEqual(projection);
    expect(projections.events.map((event) => [event.type, event.data])).toEqual([
      [
        'projection.requested',
        {
          simulationId: simulation.record.id,
          taskId: projection.id,
          paths: 10_000,
          years: 30,
          method: 'block',
          blockMonths: 12,
          seed: projection.inputs.seed,
        },
      ],
    ]);
    expect(queues.enqueued).toEqual([
      {
        queue: 'projections',
        data: { projectionId: projection.id },
        options: { jobId: projection.id, ...PROJECTION_JOB_OPTIONS },
      },
    ]);
  });

  it('keeps what the request names; monthly resampling takes blocks of one month', async () => {
    const { service } = setUp();
    const projection = await service.request(OWNER, simulation.record.id, {
      paths: 100,
      years: 5,
      method: 'monthly',
      blockMonths: 6,
      seed: 42,
      initialValue: 1000,
      cashFlow: { kind: 'amount', amount: 50, period: 'month', inflationIndexed: false },
    });
    expect(projection.inputs).toEqual({
      paths: 100,
      years: 5,
      method: 'monthly',
      blockMonths: 1,
      seed: 42,
      initialValue: 1000,
      cashFlow: { kind: 'amount', amount: 50, period: 'month', inflationIndexed: false },
      inflationRate: 0,
      targetValue: 1000,
    });
  });

  it('refuses, before recording anything, what cannot be projected: each with its code and status', async () => {
    const { projections, simulations, queues, service } = setUp();
    const failed = { ...simulation.record, id: '00000000-0000-4000-8000-0000000000f0', status: 'failed' as const };
    const running = { ...simulation.record, id: '00000000-0000-4000-8000-0000000000f1', status: 'running' as const };
    simulations.records.set(failed.id, { ...failed, failureReason: 'no prices' });
    simulations.records.set(running.id, running);
    const refusals: [Promise<unknown>, object][] = [
      [service.request('user-2', simulation.record.id, {}), { code: 'SIMULATION_NOT_FOUND', httpStatus: 404 }],
      [service.request(OWNER, failed.id, {}), { code: 'SIMULATION_FAILED', httpStatus: 422 }],
      [service.request(OWNER, running.id, {}), { code: 'SIMULATION_NOT_COMPLETED', httpStatus: 409 }],
      [
        service.request(OWNER, simulation.record.id, { blockMonths: 25 }),
        { code: 'VALIDATION_FAILED', httpStatus: 400, details: [expect.objectContaining({ field: 'blockMonths' })] },
      ],
      [service.request(OWNER, short.record.id, {}), { code: 'INSUFFICIENT_HISTORY', httpStatus: 422 }],
    ];
    for (const [refusal, expected] of refusals) await expect(refusal).rejects.toMatchObject(expected);
    expect([projections.rows.size, projections.events.length, queues.enqueued.length]).toEqual([0, 0, 0]);
  });

  it('lets only the owner read a projection, and builds no workbook before it completes', async () => {
    const { service } = setUp();
    const projection = await service.request(OWNER, simulation.record.id, { paths: 100 });
    expect((await service.getOwned(OWNER, projection.id)).id).toBe(projection.id);
    await expect(service.getOwned('user-2', projection.id)).rejects.toMatchObject({
      code: 'PROJECTION_NOT_FOUND',
      httpStatus: 404,
    });
    await expect(service.workbook('user-2', projection.id)).rejects.toMatchObject({ httpStatus: 404 });
    await expect(service.workbook(OWNER, projection.id)).rejects.toMatchObject({
      code: 'PROJECTION_NOT_COMPLETED',
      httpStatus: 409,
    });
  });
});
