import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { createEventValidator } from '../../../test/support/event-schemas';
import { newSimulation } from '../../../test/support/stored-simulation';
import { SimulationLifecycle } from '../simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../simulation/simulation.repository';
import { ProjectionLifecycle } from './projection-lifecycle.service';
import { ProjectionRepository } from './projection.repository';
import type { ProjectionInputs, ProjectionOutputs } from './projection.types';

const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';
const INPUTS: ProjectionInputs = {
  paths: 100,
  years: 2,
  method: 'block',
  blockMonths: 6,
  seed: 5,
  initialValue: 1000,
  cashFlow: null,
  inflationRate: 0,
  targetValue: 1000,
};
const distribution = {
  percentiles: [1, 2, 3, 4, 5, 6, 7],
  mean: 4,
  min: 0,
  max: 8,
  histogram: { lower: 1, upper: 7, counts: [100], below: 0, above: 0 },
};
const OUTPUTS: ProjectionOutputs = {
  paths: 100,
  years: 2,
  months: 24,
  historyMonths: 12,
  percentiles: [5, 10, 25, 50, 75, 90, 95],
  valueBands: [],
  finalValue: distribution,
  cagr: distribution,
  maxDrawdown: distribution,
  probabilityPositive: 1,
  probabilityAboveTarget: 0.5,
  pathsPositive: 100,
  pathsAboveTarget: 50,
  depletedPaths: 0,
  sustainableWithdrawal: {
    period: 'year',
    inflationIndexed: false,
    success90: 1,
    success95: 1,
    annualRate90: 0.001,
    annualRate95: 0.001,
  },
};

/** The projection lifecycle on each database: each state change with its (schema-valid) event, none once finished. */
describe.each(['SQLite', 'PostgreSQL'] as const)('ProjectionLifecycle on %s', (kind) => {
  let db: JobDatabase;
  let repository: ProjectionRepository;
  let lifecycle: ProjectionLifecycle;
  let simulations: SimulationLifecycle;
  const validate = createEventValidator();

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new ProjectionRepository(db.dataSource, db.events);
    lifecycle = new ProjectionLifecycle(repository);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function submitted() {
    const userId = await db.newUser();
    const simulation = await simulations.submit(newSimulation(COMMAND, userId));
    const projection = { id: randomUUID(), userId, simulationId: simulation.id };
    await lifecycle.submit({ ...projection, inputs: INPUTS, createdAt: new Date() });
    return projection;
  }

  it('writes each state change with its event, and nothing once the projection has finished', async () => {
    const projection = await submitted();
    expect(await repository.findById(projection.id)).toMatchObject({
      ...projection,
      status: 'queued',
      inputs: INPUTS,
      outputs: null,
    });
    expect(await lifecycle.markRunning(projection, 1)).toBe(true);
    expect(await lifecycle.recordProgress(projection, 'resampling: year 1 of 2', 50)).toBe(true);
    expect(await lifecycle.complete(projection, OUTPUTS, 12)).toBe(true);
    expect(await lifecycle.fail(projection, 'late', 'X')).toBe(false);
    expect(await lifecycle.recordProgress(projection, 'late', 60)).toBe(false);
    expect(await repository.findById(projection.id)).toMatchObject({
      status: 'completed',
      failureReason: null,
      progress: { phase: 'done', percent: 100 },
      outputs: OUTPUTS,
    });
    const envelopes = await db.envelopes(projection.id);
    expect(envelopes.map((envelope) => [envelope.type, envelope.data])).toEqual([
      [
        'projection.requested',
        {
          simulationId: projection.simulationId,
          taskId: projection.id,
          paths: 100,
          years: 2,
          method: 'block',
          blockMonths: 6,
          seed: 5,
        },
      ],
      ['projection.started', { simulationId: projection.simulationId, attempt: 1 }],
      ['projection.progress', { simulationId: projection.simulationId, phase: 'resampling: year 1 of 2', percent: 50 }],
      [
        'projection.completed',
        {
          simulationId: projection.simulationId,
          durationMs: 12,
          medianFinalValue: 4,
          probabilityPositive: 1,
          probabilityAboveTarget: 0.5,
        },
      ],
    ]);
    for (const envelope of envelopes) expect(validate(envelope)).toEqual([]);
  });

  it('fails with a reason and a code, and lists unfinished projections oldest first for the sweep', async () => {
    const first = await submitted();
    const second = await submitted();
    const ids = (await repository.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(await lifecycle.fail(first, 'the worker stopped', 'WORKER_LOST')).toBe(true);
    expect(await repository.findById(first.id)).toMatchObject({
      status: 'failed',
      failureReason: 'the worker stopped',
      failureCode: 'WORKER_LOST',
    });
    expect((await repository.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id)).not.toContain(
      first.id,
    );
  });
});
