import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parseCommandOrThrow } from '../../src/engine';
import { HistoryService } from '../../src/modules/history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../../src/modules/history/history.types';
import { SimulationLifecycle } from '../../src/modules/simulation/simulation-lifecycle.service';
import { testDatabaseUrl } from '../harness/test-services';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { flatMetrics } from '../support/stored-metrics';
import { signUp } from '../support/test-users';

const COMMAND = 'AAPL-L-100% 2020-01-02 2020-01-03';

/** A two-day result: enough to be stored and read back. */
function result(): StoredSimulationResult {
  return {
    metrics: flatMetrics({ cagr: 0.1, totalReturn: 0.01 }),
    summary: { finalValue: 101_000 },
    series: {
      dates: ['2020-01-02', '2020-01-03'],
      tickers: ['AAPL'],
      nav: Float64Array.of(100_000, 101_000),
      dailyReturn: Float64Array.of(0, 0.01),
      cumulativeReturn: Float64Array.of(0, 0.01),
      drawdown: Float64Array.of(0, 0),
      weights: Float32Array.of(1, 0, 1, 0),
      benchmark: null,
      benchmarkValue: null,
    },
    trades: [],
  };
}

/**
 * Two runs of the same job can overlap: Redis was emptied while a worker ran it and the recovery sweep enqueued
 * it again, or a worker that only seemed dead (a long pause) had its job run elsewhere. Whatever order they end
 * in, the simulation gets one final state, one result and one final event: the first one to finish wins.
 */
describe.each([
  ['PostgreSQL (one statement)', async () => ({ env: { DATABASE_URL: await testDatabaseUrl('final') }, done() {} })],
  [
    'SQLite (a transaction)',
    async () => {
      const sqlite = temporarySqlitePath();
      return { env: { SQLITE_PATH: sqlite.path }, done: () => sqlite.remove() };
    },
  ],
])('a simulation finishes once, on %s', (_, database) => {
  let app: RunningApp;
  let done: () => void;
  let history: HistoryService;
  let lifecycle: SimulationLifecycle;

  beforeAll(async () => {
    const setup = await database();
    done = setup.done;
    app = await startApp({ ...setup.env, MARKET_DATA_PROVIDERS: 'sample' });
    history = app.app.get(HistoryService);
    lifecycle = app.app.get(SimulationLifecycle);
  });

  afterAll(async () => {
    await app?.close();
    done?.();
  });

  async function submitted(): Promise<SimulationRecord> {
    const parsed = parseCommandOrThrow(COMMAND);
    // A real account: simulations have a foreign key to users.
    const [id, userId] = [randomUUID(), (await signUp(app.url, 'final-state')).id];
    return lifecycle.submit({
      id,
      userId,
      command: COMMAND,
      canonical: parsed.canonical,
      parsedCommand: parsed.command,
      startDate: parsed.command.start,
      endDate: parsed.command.end,
      idempotencyKey: null,
    });
  }

  const completed = (record: SimulationRecord) =>
    lifecycle.complete(record, {
      result: result(),
      headline: { cagr: 0.1, sharpe: null, maxDrawdown: 0, totalReturn: 0.01 },
      completed: {
        finalValue: 101_000,
        tradingDays: 2,
        durationMs: 1,
        simulatedStart: '2020-01-02',
        simulatedEnd: '2020-01-03',
        depletedOn: null,
        warnings: [],
      },
    });

  const failed = (record: SimulationRecord, reason: string) => lifecycle.fail(record, reason, 'TRANSIENT');

  async function eventTypes(id: string): Promise<string[]> {
    const rows = (await app.app
      .get(DataSource)
      .query(
        app.config.database.kind === 'postgres'
          ? 'SELECT type FROM event_outbox WHERE key = $1 ORDER BY seq'
          : 'SELECT type FROM event_outbox WHERE key = ? ORDER BY seq',
        [id],
      )) as { type: string }[];
    return rows.map((row) => row.type);
  }

  it('keeps the first of two completions that race, and emits its events once', async () => {
    const record = await submitted();
    const outcomes = await Promise.all([completed(record), completed(record)]);
    expect(outcomes.filter((bytes) => bytes === null)).toHaveLength(1);
    expect(outcomes.find((bytes) => bytes !== null)).toBeGreaterThan(0);
    expect((await history.findById(record.id))?.status).toBe('completed');
    expect(await eventTypes(record.id)).toEqual(['simulation.requested', 'simulation.completed', 'history.created']);
  });

  it('never turns a completed simulation into a failed or running one', async () => {
    const record = await submitted();
    expect(await completed(record)).not.toBeNull();
    expect(await failed(record, 'a late run failed')).toBe(false);
    expect(
      await lifecycle.markRunning(
        record,
        { startedAt: new Date(), attempt: 1 },
        { phase: 'fetching prices', percent: 5 },
      ),
    ).toBe(false);
    expect(await lifecycle.recordProgress(record, 'simulating', 60)).toBe(false);
    const stored = await history.findById(record.id);
    expect(stored).toMatchObject({
      status: 'completed',
      failureReason: null,
      progress: { phase: 'done', percent: 100 },
    });
    expect(await eventTypes(record.id)).toEqual(['simulation.requested', 'simulation.completed', 'history.created']);
  });

  it('stores no result for a simulation that failed first', async () => {
    const record = await submitted();
    expect(await failed(record, 'the worker running this simulation stopped')).toBe(true);
    expect(await completed(record)).toBeNull();
    expect(await history.findById(record.id)).toMatchObject({
      status: 'failed',
      failureReason: 'the worker running this simulation stopped',
    });
    expect((await history.getDetail(record.userId, record.id)).result).toBeNull();
    const [{ count }] = (await app.app
      .get(DataSource)
      .query(
        `SELECT COUNT(*) AS count FROM simulation_results WHERE simulation_id = ${app.config.database.kind === 'postgres' ? '$1' : '?'}`,
        [record.id],
      )) as { count: string | number }[];
    expect(Number(count)).toBe(0);
    expect(await eventTypes(record.id)).toEqual(['simulation.requested', 'simulation.failed']);
  });
});
