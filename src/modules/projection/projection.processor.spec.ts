import { beforeAll, describe, expect, it } from '@jest/globals';
import { completedSimulation } from '../../../test/support/stored-simulation';
import type { JobContext } from '../../queue/job-queues';
import { NonRetryableJobError } from '../../queue/job-queues';
import type { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import type { ProjectionLifecycle } from './projection-lifecycle.service';
import { ProjectionProcessor } from './projection.processor';
import type { ProjectionService } from './projection.service';
import type { ProjectionInputs, ProjectionOutputs, ProjectionRecord } from './projection.types';

const ID = '00000000-0000-4000-8000-0000000000a1';
const INPUTS: ProjectionInputs = {
  paths: 200,
  years: 2,
  method: 'block',
  blockMonths: 3,
  seed: 7,
  initialValue: 10_000,
  cashFlow: null,
  inflationRate: 0,
  targetValue: 10_000,
};

let simulation: { record: SimulationRecord; result: StoredSimulationResult };

beforeAll(async () => {
  simulation = await completedSimulation('AAPL-L-60% KO-L-40% 2020-01-01 2021-12-31');
});

function projection(overrides: Partial<ProjectionRecord> = {}): ProjectionRecord {
  return {
    id: ID,
    userId: 'user-1',
    simulationId: simulation.record.id,
    status: 'queued',
    progress: { phase: null, percent: 0 },
    failureReason: null,
    failureCode: null,
    inputs: INPUTS,
    outputs: null,
    createdAt: new Date(0),
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

type Writes = Pick<ProjectionLifecycle, 'markRunning' | 'recordProgress' | 'complete' | 'fail'>;

/** The lifecycle's state changes as lines; each answers `accepts` (false: finished elsewhere or deleted). */
class RecordedLifecycle implements Writes {
  readonly written: string[] = [];
  outputs: ProjectionOutputs | undefined;
  accepts = true;
  progressFailure: Error | undefined;

  async markRunning(_: ProjectionRecord, attempt: number): Promise<boolean> {
    this.written.push(`running try ${attempt}`);
    return this.accepts;
  }
  async recordProgress(_: ProjectionRecord, phase: string, percent: number): Promise<boolean> {
    if (this.progressFailure) throw this.progressFailure;
    this.written.push(`${phase} ${percent}`);
    return this.accepts;
  }
  async complete(_: ProjectionRecord, outputs: ProjectionOutputs): Promise<boolean> {
    this.outputs = outputs;
    this.written.push('completed');
    return this.accepts;
  }
  async fail(_: ProjectionRecord, reason: string, code: string): Promise<boolean> {
    this.written.push(`failed ${code}: ${reason}`);
    return this.accepts;
  }
}

function setUp(
  stored: ProjectionRecord | null = projection(),
  detail: { record: SimulationRecord; result: StoredSimulationResult | null } = simulation,
) {
  const lifecycle = new RecordedLifecycle();
  const projections: Pick<ProjectionService, 'findById'> = { findById: async () => stored };
  const history: Pick<HistoryService, 'getDetail'> = {
    getDetail: async (userId, id) => {
      // The processor reads the simulation as its owner: the projection's user.
      expect([userId, id]).toEqual([stored?.userId, stored?.simulationId]);
      return detail;
    },
  };
  const processor = new ProjectionProcessor(
    projections as ProjectionService,
    lifecycle as unknown as ProjectionLifecycle,
    history as HistoryService,
  );
  const queued: unknown[] = [];
  const job = (attemptsMade: number, attempts = 2): JobContext<{ projectionId: string }> => ({
    id: ID,
    name: 'run',
    data: { projectionId: ID },
    attemptsMade,
    attempts,
    enqueuedAt: new Date(),
    reportProgress: async (percent) => {
      queued.push(percent);
    },
  });
  return { lifecycle, processor, job, queued };
}

/** ProjectionProcessor alone: its phases over the horizon, and its failure policy per kind of error. */
describe('ProjectionProcessor', () => {
  it('writes the start, a phase per eighth of the horizon and the outputs, in order', async () => {
    const { lifecycle, processor, job, queued } = setUp();
    expect(await processor.run(job(0))).toEqual({ status: 'completed' });
    expect(lifecycle.written).toEqual([
      'running try 1',
      'loading the simulation 5',
      'resampling: year 0 of 2 10',
      'resampling: year 0 of 2 20',
      'resampling: year 0 of 2 30',
      'resampling: year 0 of 2 40',
      'resampling: year 1 of 2 50',
      'resampling: year 1 of 2 60',
      'resampling: year 1 of 2 70',
      'resampling: year 1 of 2 80',
      'resampling: year 2 of 2 90',
      'completed',
    ]);
    expect(queued).toEqual([5, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(lifecycle.outputs).toMatchObject({ paths: 200, years: 2, months: 24, historyMonths: 24 });
    expect(lifecycle.outputs?.pathsPositive).toBe(200);
  });

  it('gives the same outputs for the same inputs (the seed is stored): a retried run repeats the first', async () => {
    const first = setUp();
    const second = setUp();
    await first.processor.run(first.job(0));
    await second.processor.run(second.job(1));
    expect(second.lifecycle.outputs).toEqual(first.lifecycle.outputs);
  });

  it('stops at once for a finished projection, a deleted one, and one another run has started', async () => {
    for (const status of ['completed', 'failed'] as const) {
      const { lifecycle, processor, job } = setUp(projection({ status }));
      expect(await processor.run(job(0))).toEqual({ status });
      expect(lifecycle.written).toEqual([]);
    }
    const deleted = setUp(null);
    expect(await deleted.processor.run(deleted.job(0))).toEqual({ status: 'deleted' });
    const elsewhere = setUp();
    elsewhere.lifecycle.accepts = false;
    expect(await elsewhere.processor.run(elsewhere.job(0))).toEqual({ status: 'finished-elsewhere' });
    expect(elsewhere.lifecycle.written).toEqual(['running try 1']);
  });

  it('fails at once, without retrying, when the simulation has no result to project from', async () => {
    const running = { ...simulation, record: { ...simulation.record, status: 'running' as const }, result: null };
    const { lifecycle, processor, job } = setUp(projection(), running);
    const reason = `simulation ${simulation.record.id} is running: it has no returns to project from`;
    await expect(processor.run(job(0))).rejects.toThrow(new NonRetryableJobError(reason));
    expect(lifecycle.written.slice(-1)).toEqual([`failed SIMULATION_NOT_COMPLETED: ${reason}`]);
  });

  it('fails the engine’s refusal of the stored inputs at once with the engine’s code', async () => {
    const { lifecycle, processor, job } = setUp(projection({ inputs: { ...INPUTS, blockMonths: 25 } }));
    await expect(processor.run(job(0))).rejects.toThrow(NonRetryableJobError);
    expect(lifecycle.written.slice(-1)).toEqual([
      'failed INVALID_OPTION: blockMonths must be a whole number from 1 to 24, got 25',
    ]);
  });

  it('treats a failed progress write as a failed try: retried while tries are left, failed on the last', async () => {
    const retried = setUp();
    const failure = new Error('database away');
    retried.lifecycle.progressFailure = failure;
    await expect(retried.processor.run(retried.job(0))).rejects.toBe(failure);
    expect(retried.lifecycle.written).toEqual(['running try 1']);
    const last = setUp();
    last.lifecycle.progressFailure = failure;
    await expect(last.processor.run(last.job(1))).rejects.toBe(failure);
    expect(last.lifecycle.written).toEqual([
      'running try 2',
      'failed PROJECTION_FAILED: the projection could not be made after 2 tries (database away); request it again later',
    ]);
  });

  it('answers finished-elsewhere, without throwing, when the failure finds the projection finished', async () => {
    const { lifecycle, processor, job } = setUp(projection({ inputs: { ...INPUTS, blockMonths: 25 } }));
    lifecycle.fail = async () => false;
    expect(await processor.run(job(0))).toEqual({ status: 'finished-elsewhere' });
  });
});
