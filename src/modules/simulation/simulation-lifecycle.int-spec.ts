import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parseCommandOrThrow } from '../../engine';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { flatMetrics } from '../../../test/support/stored-metrics';
import { HistoryRepository } from '../history/history.repository';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { SimulationLifecycle, SimulationOutcome } from './simulation-lifecycle.service';
import { SimulationRepository } from './simulation.repository';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2020-01-01 2020-01-10 benchmark=^GSPC';

const result = (): StoredSimulationResult => ({
  metrics: flatMetrics({ cagr: 0.1, totalReturn: 0.01 }),
  summary: { finalValue: 101_000 },
  series: {
    dates: ['2020-01-02', '2020-01-03'],
    tickers: ['AAPL', 'MSFT'],
    nav: Float64Array.of(100_000, 101_000),
    dailyReturn: Float64Array.of(0, 0.01),
    cumulativeReturn: Float64Array.of(0, 0.01),
    drawdown: Float64Array.of(0, 0),
    weights: Float32Array.of(0.6, 0.4, 0, 0.6, 0.4, 0),
    benchmark: null,
    benchmarkValue: null,
  },
  trades: [],
});

const outcome = (headline: SimulationOutcome['headline']): SimulationOutcome => ({
  result: result(),
  headline,
  completed: {
    finalValue: 101_000,
    tradingDays: 2,
    durationMs: 3,
    simulatedStart: '2020-01-02',
    simulatedEnd: '2020-01-03',
    depletedOn: null,
    warnings: [],
  },
});

/**
 * The simulation lifecycle over its repository, on each database (PostgreSQL writes a submission and a completion
 * as one statement, SQLite in a transaction: the lifecycle cannot tell): each state change with its events, a
 * final state never overwritten. No Nest application: a migrated database and the real outbox.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('SimulationLifecycle on %s', (kind) => {
  let db: JobDatabase;
  let lifecycle: SimulationLifecycle;
  let history: HistoryRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    lifecycle = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
    history = new HistoryRepository(db.dataSource, db.events);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function submitted(): Promise<SimulationRecord> {
    const parsed = parseCommandOrThrow(COMMAND);
    return lifecycle.submit({
      id: randomUUID(),
      userId: await db.newUser(),
      command: COMMAND,
      canonical: parsed.canonical,
      parsedCommand: parsed.command,
      startDate: parsed.command.start,
      endDate: parsed.command.end,
      idempotencyKey: 'key-1',
    });
  }

  const types = async (id: string) => (await db.envelopes(id)).map((envelope) => envelope.type);

  it('records a submission queued, with its tickers and its requested event, as it reads back', async () => {
    const record = await submitted();
    expect(await history.findById(record.id)).toEqual(record);
    expect(await history.findByIdempotencyKey(record.userId, 'key-1')).toEqual(record);
    const [requested] = await db.envelopes(record.id);
    expect(requested).toMatchObject({
      type: 'simulation.requested',
      userId: record.userId,
      simulationId: record.id,
      correlationId: record.id,
      causationId: null,
      data: { tickers: ['AAPL', 'MSFT'], benchmark: '^GSPC', startDate: '2020-01-01', taskId: record.id },
    });
    const page = await history.list(record.userId, {
      page: 1,
      size: 10,
      ticker: '^GSPC',
      sort: 'createdAt',
      order: 'desc',
    });
    expect(page.items.map((item) => item.id)).toEqual([record.id]);
  });

  it('writes running with started and progress, then progress, then completed with the result', async () => {
    const record = await submitted();
    const startedAt = new Date('2026-12-03T18:00:00.000Z');
    expect(
      await lifecycle.markRunning(record, { startedAt, attempt: 2 }, { phase: 'fetching prices 0/2', percent: 5 }),
    ).toBe(true);
    expect(await lifecycle.recordProgress(record, 'simulating', 60)).toBe(true);
    expect(await history.findById(record.id)).toMatchObject({
      status: 'running',
      progress: { phase: 'simulating', percent: 60 },
      startedAt,
    });
    const bytes = await lifecycle.complete(
      record,
      outcome({ cagr: 0.1, sharpe: Number.NaN, maxDrawdown: 0, totalReturn: 0.01 }),
    );
    expect(bytes).toBeGreaterThan(0);
    const completed = await history.findById(record.id);
    expect(completed).toMatchObject({
      status: 'completed',
      progress: { phase: 'done', percent: 100 },
      failureReason: null,
      // NaN is stored as null: no NaN leaves the engine's side.
      headline: { cagr: 0.1, sharpe: null, maxDrawdown: 0, totalReturn: 0.01 },
      startedAt,
    });
    expect(completed?.finishedAt).toBeInstanceOf(Date);
    const stored = await history.loadResult(record.id);
    expect(stored?.metrics).toEqual(flatMetrics({ cagr: 0.1, totalReturn: 0.01 }));
    expect(Array.from(stored?.series.nav ?? [])).toEqual([100_000, 101_000]);
    expect(await types(record.id)).toEqual([
      'simulation.requested',
      'simulation.started',
      'simulation.progress',
      'simulation.progress',
      'simulation.completed',
      'history.created',
    ]);
    const envelopes = await db.envelopes(record.id);
    expect(envelopes[1].data).toEqual({ attempt: 2 });
    expect(envelopes[4].data).toMatchObject({ finalValue: 101_000, sharpe: null, tradingDays: 2 });
    // history.created follows from simulation.completed, and says so.
    expect(envelopes[5]).toMatchObject({ correlationId: record.id, causationId: envelopes[4].id });
    expect(envelopes[5].data).toMatchObject({ tickers: ['AAPL', 'MSFT', '^GSPC'], cagr: 0.1, sharpe: null });
  });

  it('records an unrecorded start with the completion: started comes first, in the same write', async () => {
    const record = await submitted();
    const startedAt = new Date('2026-12-03T18:01:00.000Z');
    expect(
      await lifecycle.complete(record, outcome({ cagr: 0.2, sharpe: 1, maxDrawdown: -0.1, totalReturn: 0.02 }), {
        startedAt,
        attempt: 1,
      }),
    ).not.toBeNull();
    expect(await history.findById(record.id)).toMatchObject({ status: 'completed', startedAt });
    expect(await types(record.id)).toEqual([
      'simulation.requested',
      'simulation.started',
      'simulation.completed',
      'history.created',
    ]);
  });

  it('never overwrites a final state, and a change that did not happen has no events', async () => {
    const record = await submitted();
    expect(
      await lifecycle.fail(record, 'ticker NOPE is unknown', 'UNKNOWN_TICKER', { startedAt: new Date(), attempt: 1 }),
    ).toBe(true);
    expect(
      await lifecycle.complete(record, outcome({ cagr: 0.1, sharpe: 1, maxDrawdown: 0, totalReturn: 0.01 })),
    ).toBeNull();
    expect(await lifecycle.fail(record, 'again', 'TRANSIENT')).toBe(false);
    expect(await lifecycle.markRunning(record, { startedAt: new Date(), attempt: 2 }, { phase: 'x', percent: 1 })).toBe(
      false,
    );
    expect(await lifecycle.recordProgress(record, 'simulating', 60)).toBe(false);
    expect(await lifecycle.recordStart(record, { startedAt: new Date(), attempt: 3 })).toBe(false);
    expect(await history.findById(record.id)).toMatchObject({
      status: 'failed',
      failureReason: 'ticker NOPE is unknown',
    });
    expect(await history.loadResult(record.id)).toBeNull();
    const envelopes = await db.envelopes(record.id);
    expect(envelopes.map((envelope) => envelope.type)).toEqual([
      'simulation.requested',
      'simulation.started',
      'simulation.failed',
    ]);
    expect(envelopes[2].data).toEqual({ reason: 'ticker NOPE is unknown', code: 'UNKNOWN_TICKER' });
  });

  it('records the start of a try that failed transiently before any phase: started only, no progress event', async () => {
    const record = await submitted();
    expect(await lifecycle.recordStart(record, { startedAt: new Date(), attempt: 1 })).toBe(true);
    expect(await history.findById(record.id)).toMatchObject({
      status: 'running',
      progress: { phase: 'starting', percent: 0 },
    });
    expect(await types(record.id)).toEqual(['simulation.requested', 'simulation.started']);
  });

  it('lists unfinished simulations for the recovery sweep, and deletes one with its history.deleted event', async () => {
    const record = await submitted();
    const unfinished = await history.findUnfinished(new Date(Date.now() + 60_000), 1000);
    expect(unfinished.map((one) => one.id)).toContain(record.id);
    await history.delete(record.id, []);
    expect(await history.findById(record.id)).toBeNull();
  });
});
