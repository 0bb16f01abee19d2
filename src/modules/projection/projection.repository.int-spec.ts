import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newSimulation } from '../../../test/support/stored-simulation';
import { HistoryRepository } from '../history/history.repository';
import { SimulationLifecycle } from '../simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../simulation/simulation.repository';
import { PROJECTION_EVENTS, projectionEvent } from './projection.events';
import { ProjectionRepository } from './projection.repository';
import type { ProjectionInputs } from './projection.types';

const INPUTS: ProjectionInputs = {
  paths: 500,
  years: 10,
  method: 'monthly',
  blockMonths: 1,
  seed: 123_456_789,
  initialValue: 12_345.67,
  cashFlow: { kind: 'amount', amount: -400, period: 'quarter', inflationIndexed: true },
  inflationRate: 0.025,
  targetValue: 20_000,
};

/**
 * ProjectionRepository on each database: what it stores comes back as it went in, the recovery sweep's pages,
 * and a projection goes with its simulation. (State changes with their events: projection-lifecycle.int-spec.ts.)
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('ProjectionRepository on %s', (kind) => {
  let db: JobDatabase;
  let repository: ProjectionRepository;
  let simulations: SimulationLifecycle;
  let history: HistoryRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new ProjectionRepository(db.dataSource, db.events);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
    history = new HistoryRepository(db.dataSource, db.events);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function simulationOf(userId: string): Promise<string> {
    return (await simulations.submit(newSimulation('AAPL-L-100% 2020-01-01 2020-12-31', userId))).id;
  }

  async function inserted(userId: string, simulationId: string, createdAt = new Date()) {
    const projection = { id: randomUUID(), userId, simulationId, inputs: INPUTS, createdAt };
    await repository.insert(projection, [
      projectionEvent(PROJECTION_EVENTS.requested, userId, projection.id, {
        simulationId,
        taskId: projection.id,
        paths: INPUTS.paths,
        years: INPUTS.years,
        method: INPUTS.method,
        blockMonths: INPUTS.blockMonths,
        seed: INPUTS.seed,
      }),
    ]);
    return projection;
  }

  it('stores a projection queued with its inputs exactly, and its event in the same transaction', async () => {
    const userId = await db.newUser();
    const simulationId = await simulationOf(userId);
    const createdAt = new Date('2026-05-06T07:08:09.123Z');
    const projection = await inserted(userId, simulationId, createdAt);
    expect(await repository.findById(projection.id)).toEqual({
      id: projection.id,
      userId,
      simulationId,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      inputs: INPUTS,
      outputs: null,
      createdAt,
      startedAt: null,
      finishedAt: null,
    });
    expect((await db.envelopes(projection.id)).map((envelope) => envelope.type)).toEqual(['projection.requested']);
    expect(await repository.findById(randomUUID())).toBeNull();
  });

  it('changes nothing, and writes no event, for an unknown or finished projection', async () => {
    const userId = await db.newUser();
    const projection = await inserted(userId, await simulationOf(userId));
    const failed = projectionEvent(PROJECTION_EVENTS.failed, userId, projection.id, {
      simulationId: projection.simulationId,
      reason: 'stopped',
      code: 'WORKER_LOST',
    });
    const unknown = randomUUID();
    expect(await repository.changeUnfinished(unknown, { status: 'failed' }, [{ ...failed, key: unknown }])).toBe(false);
    expect(await db.envelopes(unknown)).toEqual([]);
    const end = { status: 'failed' as const, failureReason: 'stopped', failureCode: 'WORKER_LOST' };
    expect(await repository.changeUnfinished(projection.id, end, [failed])).toBe(true);
    expect(await repository.changeUnfinished(projection.id, { status: 'running', progressPercent: 5 }, [failed])).toBe(
      false,
    );
    expect(await repository.findById(projection.id)).toMatchObject({
      status: 'failed',
      progress: { percent: 0 },
      failureCode: 'WORKER_LOST',
    });
    expect((await db.envelopes(projection.id)).map((envelope) => envelope.type)).toEqual([
      'projection.requested',
      'projection.failed',
    ]);
  });

  it('pages the unfinished projections requested before a time, oldest first, after a cursor', async () => {
    const userId = await db.newUser();
    const simulationId = await simulationOf(userId);
    const day = (n: number) => new Date(Date.UTC(2001, 0, n));
    const [first, second, third] = [
      await inserted(userId, simulationId, day(1)),
      await inserted(userId, simulationId, day(2)),
      await inserted(userId, simulationId, day(3)),
    ];
    const finished = await inserted(userId, simulationId, day(1));
    await repository.changeUnfinished(finished.id, { status: 'completed' }, []);
    await inserted(userId, simulationId, day(9));
    const before = day(5);
    expect((await repository.findUnfinished(before, 10)).map((one) => one.id)).toEqual([first.id, second.id, third.id]);
    const page = await repository.findUnfinished(before, 2);
    expect(page).toEqual([
      { id: first.id, createdAt: day(1) },
      { id: second.id, createdAt: day(2) },
    ]);
    expect((await repository.findUnfinished(before, 2, page[1])).map((one) => one.id)).toEqual([third.id]);
  });

  it('goes with its simulation', async () => {
    const userId = await db.newUser();
    const simulationId = await simulationOf(userId);
    const projection = await inserted(userId, simulationId);
    await history.delete(simulationId, []);
    expect(await repository.findById(projection.id)).toBeNull();
    expect(await repository.changeUnfinished(projection.id, { status: 'running' }, [])).toBe(false);
  });
});
