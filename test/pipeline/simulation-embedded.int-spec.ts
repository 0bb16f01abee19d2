import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { parseCommandOrThrow } from '../../src/engine';
import { SimulationLifecycle } from '../../src/modules/simulation/simulation-lifecycle.service';
import { SimulationService } from '../../src/modules/simulation/simulation.service';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { connectSocket } from '../support/sockets';
import { signUp, TestUser } from '../support/test-users';

const SEED = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';

interface Received {
  name: string;
  payload: Record<string, unknown>;
}

/** The main path in embedded mode (what `npm start` runs): SQLite, in-process queue and events. */
describe('simulation pipeline, embedded', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    // Offline and deterministic: prices from the bundled sample data only (Yahoo is unreachable here anyway);
    // every phase reported (SIMULATION_PROGRESS_MS=0), to check each one.
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      SIMULATION_PROGRESS_MS: '0',
    });
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  const api = () => request(running.url);

  const connect = (user: TestUser): Promise<Socket> => connectSocket(running.url, '/simulations', user.accessToken);

  async function completed(user: TestUser, id: string) {
    return eventually(
      async () => {
        const response = await api().get(`/history/${id}`).set('Authorization', user.bearer);
        return response.body.status === 'completed' || response.body.status === 'failed' ? response.body : undefined;
      },
      30_000,
      `simulation ${id} to finish`,
    );
  }

  it('runs the seed command: 202, live progress then completed on the socket, stored in history', async () => {
    const socket = await connect(alice);
    const received: Received[] = [];
    for (const name of ['started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => received.push({ name, payload }));
    }
    try {
      const accepted = await api()
        .post('/simulate')
        .set('Authorization', alice.bearer)
        .send({ command: SEED })
        .expect(202);
      expect(accepted.body).toEqual({
        simulationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        taskId: accepted.body.simulationId,
        status: 'queued',
        canonical: SEED,
      });
      const id = accepted.body.simulationId as string;
      // The socket was connected before the submission: it sees every message of the run, in order.
      await eventually(async () => (received.some((m) => m.name === 'completed') ? true : undefined));
      expect(received.every((m) => m.payload.simulationId === id)).toBe(true);
      expect(received.map((m) => m.name)).toEqual([
        'started',
        ...Array.from({ length: 6 }, () => 'progress'),
        'completed',
      ]);
      expect(received.filter((m) => m.name === 'progress').map((m) => [m.payload.phase, m.payload.percent])).toEqual([
        ['fetching prices 0/2', 5],
        ['fetching prices 1/2', 30],
        ['fetching prices 2/2', 55],
        ['simulating', 60],
        ['computing metrics', 80],
        ['saving', 90],
      ]);
      const detail = await completed(alice, id);
      expect(detail.status).toBe('completed');
      expect(received[received.length - 1].payload).toMatchObject({
        cagr: detail.cagr,
        sharpe: detail.sharpe,
        maxDrawdown: detail.maxDrawdown,
        finalValue: detail.summary.finalValue,
        tradingDays: detail.series.dates.length,
      });

      // A late subscriber gets the current state first.
      const state = (await socket.timeout(5000).emitWithAck('subscribe', { simulationId: id })) as Record<
        string,
        unknown
      >;
      expect(state).toEqual({
        simulationId: id,
        status: 'completed',
        phase: 'done',
        percent: 100,
        failureReason: null,
      });

      // The stored result: metrics, series, trades, as the engine produced them.
      expect(detail).toMatchObject({
        id,
        command: SEED,
        canonical: SEED,
        tickers: ['AAPL', 'MSFT'],
        startDate: '2020-01-01',
        endDate: '2022-12-28',
        progress: { phase: 'done', percent: 100 },
        failureReason: null,
      });
      const dates = detail.series.dates as string[];
      expect(dates[0]).toBe('2020-01-02');
      expect(dates[dates.length - 1]).toBe('2022-12-28');
      expect(detail.series.nav[0]).toBeCloseTo(100_000, 6);
      expect(detail.series.dailyReturn[0]).toBe(0);
      expect(detail.cagr).toBe(detail.metrics.portfolio.cagr);
      expect(detail.sharpe).toBe(detail.metrics.portfolio.sharpe);
      expect(detail.maxDrawdown).toBe(detail.metrics.portfolio.maxDrawdown);
      expect(detail.metrics.benchmark).toBeNull();
      expect(detail.summary.sources).toEqual({ AAPL: 'sample', MSFT: 'sample' });
      expect(detail.summary.finalValue).toBe(detail.series.nav[dates.length - 1]);
      expect(Object.keys(detail.series.weights)).toEqual(['AAPL', 'MSFT', 'CASH']);
      expect(detail.series.weights.AAPL[0]).toBeCloseTo(0.5, 6);
      expect(detail.trades).toHaveLength(2);
      expect(detail.trades.map((trade: { ticker: string }) => trade.ticker)).toEqual(['AAPL', 'MSFT']);
      expect(detail.tradeCount).toBe(2);
      // ?trades=N keeps the answer small for portfolios that trade every day.
      const firstTrade = await api().get(`/history/${id}?trades=1`).set('Authorization', alice.bearer).expect(200);
      expect(firstTrade.body.trades).toEqual([detail.trades[0]]);
      expect(firstTrade.body.tradeCount).toBe(2);
      await api().get(`/history/${id}?trades=-1`).set('Authorization', alice.bearer).expect(400);
    } finally {
      socket.close();
    }
  });

  it('refuses an invalid command with 422 and every parser error, and queues nothing', async () => {
    const before = (await api().get('/history').set('Authorization', alice.bearer)).body.total as number;
    const response = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'AAPL-L-50% MSFT-X-40% 2020-01-01 2023-01-01 rebalanse=monthly' })
      .expect(422);
    expect(response.body.error).toBe('INVALID_COMMAND');
    const codes = (response.body.details as { code: string }[]).map((detail) => detail.code);
    expect(codes).toEqual(expect.arrayContaining(['SIDE_INVALID', 'OPTION_UNKNOWN']));
    const side = (response.body.details as { code: string; column: number; token: string; hint: string }[]).find(
      (detail) => detail.code === 'SIDE_INVALID',
    );
    expect(side).toMatchObject({ token: 'MSFT-X-40%', column: 12 });
    expect(response.body.message).toContain('MSFT-X-40%: side must be L or S (column 12)');
    expect((await api().get('/history').set('Authorization', alice.bearer)).body.total).toBe(before);
  });

  it('validates the request body itself', async () => {
    const response = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: SEED, extra: true })
      .expect(400);
    expect(response.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: 'extra: property extra should not exist',
    });
    await api().post('/simulate').send({ command: SEED }).expect(401);
  });

  it('applies JSON option overrides to the command', async () => {
    const response = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: `${SEED} rebalance=yearly`, options: { rebalance: 'monthly', fee: '0.1%', capital: 50000 } })
      .expect(202);
    expect(response.body.canonical).toBe(`${SEED} capital=50000 rebalance=monthly fee=0.1%`);
    const detail = await completed(alice, response.body.simulationId);
    expect(detail.series.nav[0]).toBeLessThan(50_000);
    expect(detail.summary.totalFees).toBeGreaterThan(0);
  });

  it('returns the same simulation for a retried request with the same Idempotency-Key', async () => {
    const first = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .set('Idempotency-Key', 'retry-me-1')
      .send({ command: SEED })
      .expect(202);
    const second = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .set('Idempotency-Key', 'retry-me-1')
      .send({ command: SEED })
      .expect(202);
    expect(second.body.simulationId).toBe(first.body.simulationId);
    // Another user's key space is separate.
    const other = await api()
      .post('/simulate')
      .set('Authorization', bob.bearer)
      .set('Idempotency-Key', 'retry-me-1')
      .send({ command: SEED })
      .expect(202);
    expect(other.body.simulationId).not.toBe(first.body.simulationId);
  });

  it('fails with a reason a person can act on', async () => {
    const response = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'AAPL-L-50% NOPE-L-50% 2020-01-01 2022-12-28' })
      .expect(202);
    const detail = await completed(alice, response.body.simulationId);
    expect(detail.status).toBe('failed');
    expect(detail.failureReason).toBe('ticker NOPE is not known to sample');
    expect(detail.metrics).toBeNull();
  });

  it('shows a user only their own simulations: any other id is 404', async () => {
    const mine = await api().post('/simulate').set('Authorization', alice.bearer).send({ command: SEED }).expect(202);
    const id = mine.body.simulationId as string;
    const foreign = await api().get(`/history/${id}`).set('Authorization', bob.bearer).expect(404);
    expect(foreign.body).toMatchObject({ error: 'SIMULATION_NOT_FOUND', message: `simulation ${id} not found` });
    await api().delete(`/history/${id}`).set('Authorization', bob.bearer).expect(404);
    await api().post(`/history/${id}/rerun`).set('Authorization', bob.bearer).expect(404);
    await api().get('/history/00000000-0000-4000-8000-000000000000').set('Authorization', alice.bearer).expect(404);
    const socket = await connect(bob);
    try {
      const answer = (await socket.timeout(5000).emitWithAck('subscribe', { simulationId: id })) as { error: string };
      expect(answer).toEqual({ error: `simulation ${id} not found` });
    } finally {
      socket.close();
    }
    const bobsList = await api().get('/history').set('Authorization', bob.bearer).expect(200);
    expect(bobsList.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('lists history newest first, paginated, filtered by status and ticker, sorted by a metric', async () => {
    const list = await api().get('/history?page=1&size=2').set('Authorization', alice.bearer).expect(200);
    expect(list.body.page).toBe(1);
    expect(list.body.size).toBe(2);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    const created = list.body.items.map((item: { createdAt: string }) => item.createdAt);
    expect([...created].sort().reverse()).toEqual(created);

    const failed = await api().get('/history?status=failed').set('Authorization', alice.bearer).expect(200);
    expect(failed.body.items.length).toBeGreaterThanOrEqual(1);
    expect(failed.body.items.every((item: { status: string }) => item.status === 'failed')).toBe(true);

    const nope = await api().get('/history?ticker=nope').set('Authorization', alice.bearer).expect(200);
    expect(nope.body.total).toBe(1);

    await eventually(async () => {
      const queued = await api().get('/history?status=queued').set('Authorization', alice.bearer);
      const running = await api().get('/history?status=running').set('Authorization', alice.bearer);
      return queued.body.total + running.body.total === 0 ? true : undefined;
    });
    const bySharpe = await api().get('/history?sort=sharpe&order=desc&size=100').set('Authorization', alice.bearer);
    const sharpes = bySharpe.body.items.map((item: { sharpe: number | null }) => item.sharpe);
    const known = sharpes.filter((value: number | null) => value !== null);
    expect(known).toEqual([...known].sort((a: number, b: number) => b - a));
    expect(sharpes.slice(known.length).every((value: number | null) => value === null)).toBe(true);

    const bad = await api().get('/history?size=1000&sort=luck').set('Authorization', alice.bearer).expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['size', 'sort']);
  });

  it('enqueues again a simulation whose job was lost after its row was committed', async () => {
    const id = randomUUID();
    // As if Redis had refused the job: the row and its requested event exist, no job does.
    await running.app.get(SimulationLifecycle).submit({
      id,
      userId: alice.id,
      command: SEED,
      canonical: SEED,
      parsedCommand: parseCommandOrThrow(SEED).command,
      startDate: '2020-01-01',
      endDate: '2022-12-28',
      idempotencyKey: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api().get(`/history/${id}`).set('Authorization', alice.bearer)).body.status).toBe('queued');
    expect((await running.app.get(SimulationService).recoverStranded(0)).enqueued).toBeGreaterThanOrEqual(1);
    expect((await completed(alice, id)).status).toBe('completed');
  });

  it('re-runs a simulation as a new entry, and deletes one', async () => {
    const first = await api().post('/simulate').set('Authorization', alice.bearer).send({ command: SEED }).expect(202);
    const original = await completed(alice, first.body.simulationId);
    const rerun = await api().post(`/history/${original.id}/rerun`).set('Authorization', alice.bearer).expect(202);
    expect(rerun.body.simulationId).not.toBe(original.id);
    const again = await completed(alice, rerun.body.simulationId);
    expect(again.metrics).toEqual(original.metrics);

    await api().delete(`/history/${original.id}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/history/${original.id}`).set('Authorization', alice.bearer).expect(404);
  });
});

describe('simulation progress with the default interval', () => {
  it('reports no phase of a simulation that finishes within the interval: started, then completed', async () => {
    const sqlite = temporarySqlitePath();
    const running = await startApp({ SQLITE_PATH: sqlite.path, MARKET_DATA_PROVIDERS: 'sample' });
    try {
      const user = await signUp(running.url, 'quick');
      // A first run loads the prices into the database (seconds on a busy machine); the one observed is warm.
      const warm = await request(running.url)
        .post('/simulate')
        .set('Authorization', user.bearer)
        .send({ command: SEED })
        .expect(202);
      await eventually(async () => {
        const { body } = await request(running.url)
          .get(`/history/${warm.body.simulationId}`)
          .set('Authorization', user.bearer);
        return body.status === 'completed' ? true : undefined;
      });
      const socket = await connectSocket(running.url, '/simulations', user.accessToken);
      const names: string[] = [];
      for (const name of ['started', 'progress', 'completed', 'failed']) socket.on(name, () => names.push(name));
      await request(running.url)
        .post('/simulate')
        .set('Authorization', user.bearer)
        .send({ command: SEED })
        .expect(202);
      await eventually(async () => (names.includes('completed') ? true : undefined));
      socket.close();
      expect(names).toEqual(['started', 'completed']);
    } finally {
      await running.close();
      sqlite.remove();
    }
  });
});
