import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { completedSimulation, newSimulation } from '../../../test/support/stored-simulation';
import { commandSeriesNeeds } from '../../engine';
import { HistoryRepository } from '../history/history.repository';
import type { StoredSimulationResult } from '../history/history.types';
import { SIMULATION_EVENTS, simulationEvent } from './simulation.events';
import { SimulationRepository } from './simulation.repository';

const COMMAND = 'AAPL-L-60% KO-L-40% 2020-01-01 2020-12-31 rebalance=monthly';

/**
 * SimulationRepository on each database, through what it is read back with (HistoryRepository): a real engine
 * result survives its encoding, a submission's Idempotency-Key is unique per user, and a completion is written
 * only once. (Each state change with its events, through the lifecycle: simulation-lifecycle.int-spec.ts.)
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('SimulationRepository on %s', (kind) => {
  let db: JobDatabase;
  let repository: SimulationRepository;
  let history: HistoryRepository;
  let result: StoredSimulationResult;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new SimulationRepository(db.dataSource, db.events);
    history = new HistoryRepository(db.dataSource, db.events);
    result = (await completedSimulation(COMMAND)).result;
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function submitted(userId: string, idempotencyKey: string | null = null) {
    const simulation = newSimulation(COMMAND, userId, idempotencyKey);
    const { positions, benchmark } = commandSeriesNeeds(simulation.parsedCommand);
    await repository.insert(simulation, new Date(), [
      simulationEvent(SIMULATION_EVENTS.requested, userId, simulation.id, {
        command: simulation.command,
        canonical: simulation.canonical,
        tickers: positions,
        benchmark,
        startDate: simulation.startDate,
        endDate: simulation.endDate,
        taskId: simulation.id,
      }),
    ]);
    return simulation;
  }

  const completion = (userId: string, id: string) => [
    simulationEvent(SIMULATION_EVENTS.progress, userId, id, { phase: 'saving', percent: 95 }),
  ];

  it('stores an engine result that reads back equal (series, trades, metrics, summary) and says its size', async () => {
    const userId = await db.newUser();
    const simulation = await submitted(userId);
    const headline = { cagr: 0.12, sharpe: 1.5, maxDrawdown: -0.2, totalReturn: 0.12 };
    const bytes = await repository.complete(
      simulation.id,
      result,
      { status: 'completed', progressPhase: 'done', progressPercent: 100, headline },
      completion(userId, simulation.id),
    );
    expect(bytes).toBeGreaterThan(result.series.dates.length * 8);
    const stored = await history.loadResult(simulation.id);
    expect(stored?.metrics).toEqual(result.metrics);
    expect(stored?.summary).toEqual(result.summary);
    expect(stored?.trades).toEqual(result.trades);
    expect(stored?.series.dates).toEqual(result.series.dates);
    expect(Array.from(stored?.series.nav ?? [])).toEqual(Array.from(result.series.nav));
    expect(Array.from(stored?.series.weights ?? [])).toEqual(Array.from(result.series.weights));
    expect(await history.findById(simulation.id)).toMatchObject({
      command: COMMAND,
      canonical: simulation.canonical,
      parsedCommand: simulation.parsedCommand,
      tickers: ['AAPL', 'KO'],
      status: 'completed',
      progress: { phase: 'done', percent: 100 },
      headline,
    });
    expect((await db.envelopes(simulation.id)).map((envelope) => envelope.type)).toEqual([
      'simulation.requested',
      'simulation.progress',
    ]);
  });

  it('writes a completion once: a later one (a retried job) stores nothing and writes no event', async () => {
    const userId = await db.newUser();
    const simulation = await submitted(userId);
    const failed = { status: 'failed' as const, failureReason: 'no trading days' };
    expect(await repository.changeUnfinished(simulation.id, failed, [])).toBe(true);
    expect(
      await repository.complete(simulation.id, result, { status: 'completed' }, completion(userId, simulation.id)),
    ).toBeNull();
    expect(await history.loadResult(simulation.id)).toBeNull();
    expect(await history.findById(simulation.id)).toMatchObject({ status: 'failed', failureReason: 'no trading days' });
    expect((await db.envelopes(simulation.id)).map((envelope) => envelope.type)).toEqual(['simulation.requested']);
  });

  it('refuses a second submission with the same Idempotency-Key for a user, not for another user', async () => {
    const userId = await db.newUser();
    const first = await submitted(userId, 'key-1');
    await expect(submitted(userId, 'key-1')).rejects.toThrow();
    const otherUser = await db.newUser();
    const other = await submitted(otherUser, 'key-1');
    expect((await history.findByIdempotencyKey(userId, 'key-1'))?.id).toBe(first.id);
    expect((await history.findByIdempotencyKey(otherUser, 'key-1'))?.id).toBe(other.id);
    expect(await history.findByIdempotencyKey(userId, 'key-2')).toBeNull();
    // Simulations without a key do not collide.
    await submitted(userId);
    await submitted(userId);
    expect((await history.list(userId, { page: 1, size: 10, sort: 'createdAt', order: 'desc' })).total).toBe(3);
  });
});
