import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { parseCommandOrThrow, simulatePortfolio } from '../../src/engine';
import { loadSamplePrices } from '../../src/sample-data/sample-data.loader';
import { testDatabaseUrl, testRedisUrl, uniquePrefix } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { connectSocket } from '../support/sockets';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

// Three members with different periods and options. The latest start is Growth's 2019-01-01 (first trading day
// 2019-01-02); the earliest end is Income's 2021-12-31 (a Friday, a trading day). So the common period is
// 2019-01-02..2021-12-31, its start set by member 1 and its end by member 2.
const MEMBERS = [
  { name: 'Tech', command: 'AAPL-L-50% MSFT-L-50% 2018-01-01 2022-12-28 rebalance=monthly fee=0.1%' },
  { name: 'Growth', command: 'AMD-L-70% JPM-L-30% 2019-01-01 2022-12-28 benchmark=^GSPC' },
  { command: 'KO-L-40% PG-L-30% JNJ-L-30% 2018-06-01 2021-12-31 contribute=1000/month' },
];

interface Detail {
  comparisonId: string;
  status: string;
  failureReason: string | null;
  failureCode: string | null;
  failureMember: number | null;
  members: { name: string; command: string; canonical: string }[];
  result: {
    period: { mode: string; start: string; end: string; startSetBy: number[]; endSetBy: number[]; statement: string };
    members: {
      name: string;
      asked: { start: string; end: string };
      covered: { start: string; end: string };
      simulated: { start: string; end: string };
      finalValue: number;
      metrics: Record<string, number>;
      series: { dates: string[]; value: number[]; drawdown: number[]; dailyReturn: number[] };
    }[];
    correlation: { commonDates: number; observations: number; matrix: (number | null)[][] };
    best: { metric: string; direction: string; members: number[]; value: number }[];
  } | null;
}

/** Pearson correlation written out, independent of the engine's. */
function pearson(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i += 1) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/**
 * Comparisons (issue 17, item 1) on both databases: embedded SQLite with the in-process queue, PostgreSQL with
 * Bull on Redis. Every emitted event is checked against its JSON Schema (docs/events/comparison.*).
 */
describe.each([
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  [
    'PostgreSQL',
    async () => ({
      DATABASE_URL: await testDatabaseUrl('comparisons'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('comparisons'),
    }),
  ],
])('comparisons on %s', (_, database) => {
  let running: RunningApp;
  let db: DataSource;
  let alice: TestUser;
  let bob: TestUser;
  const api = () => request(running.url);
  const placeholder = (n: number) => (db.options.type === 'postgres' ? `$${n}` : '?');

  const finished = (user: TestUser, id: string): Promise<Detail> =>
    eventually(
      async () => {
        const response = await api().get(`/comparisons/${id}`).set('Authorization', user.bearer).expect(200);
        return ['completed', 'failed'].includes(response.body.status) ? (response.body as Detail) : undefined;
      },
      60_000,
      `comparison ${id} to finish`,
    );

  const outboxOf = async (comparisonId: string) =>
    (
      (await db.query(`SELECT payload FROM event_outbox WHERE "key" = ${placeholder(1)} ORDER BY seq`, [
        comparisonId,
      ])) as { payload: string }[]
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown> & { type: string; version: number });

  beforeAll(async () => {
    running = await startApp({ ...(await database()), AUTH_THROTTLE_LIMIT: '1000', MARKET_DATA_PROVIDERS: 'sample' });
    db = running.app.get(DataSource);
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
  });

  afterAll(async () => {
    await running.close();
  });

  it('compares 3 members with different options on the common period, live on the socket, owner only', async () => {
    const aliceSocket: Socket = await connectSocket(running.url, '/comparisons', alice.accessToken);
    const bobSocket: Socket = await connectSocket(running.url, '/comparisons', bob.accessToken);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    const bobMessages: string[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      aliceSocket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
      bobSocket.on(name, () => bobMessages.push(name));
    }
    try {
      const accepted = await api().post('/comparisons').set('Authorization', alice.bearer).send({ members: MEMBERS });
      expect(accepted.status).toBe(202);
      const comparisonId = accepted.body.comparisonId as string;
      expect(accepted.body).toEqual({
        comparisonId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        taskId: comparisonId,
        status: 'queued',
        period: 'common',
        members: [
          { name: 'Tech', command: MEMBERS[0].command, canonical: expect.stringContaining('AAPL-L-50% MSFT-L-50%') },
          { name: 'Growth', command: MEMBERS[1].command, canonical: expect.stringContaining('AMD-L-70%') },
          { name: 'Portfolio 3', command: MEMBERS[2].command, canonical: expect.stringContaining('KO-L-40%') },
        ],
      });

      const detail = await finished(alice, comparisonId);
      expect(detail.failureReason).toBeNull();
      expect(detail.status).toBe('completed');
      const result = detail.result!;
      expect(result.period).toMatchObject({ mode: 'common', start: '2019-01-02', end: '2021-12-31' });
      expect(result.period.startSetBy).toEqual([1]);
      expect(result.period.endSetBy).toEqual([2]);
      expect(result.period.statement).toBe(
        'every portfolio is simulated from 2019-01-02 (the latest start, set by Growth) to 2021-12-31 ' +
          '(the earliest end, set by Portfolio 3)',
      );
      expect(result.members.map((m) => [m.name, m.covered, m.simulated])).toEqual([
        ['Tech', { start: '2018-01-02', end: '2022-12-28' }, { start: '2019-01-02', end: '2021-12-31' }],
        ['Growth', { start: '2019-01-02', end: '2022-12-28' }, { start: '2019-01-02', end: '2021-12-31' }],
        ['Portfolio 3', { start: '2018-06-01', end: '2021-12-31' }, { start: '2019-01-02', end: '2021-12-31' }],
      ]);

      // Each member is exactly a single run of its own command on the common period (its options apply).
      const prices = loadSamplePrices();
      MEMBERS.forEach((member, index) => {
        const onCommon = member.command.replace(/\d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2}/, '2019-01-02 2021-12-31');
        const single = simulatePortfolio(parseCommandOrThrow(onCommon).command, prices);
        expect(result.members[index].finalValue).toBe(single.finalNav);
        expect(result.members[index].metrics.sharpe).toBe(single.metrics.sharpe);
        expect(result.members[index].metrics.cagr).toBe(single.metrics.cagr);
        expect(result.members[index].series.dates).toEqual(single.dates);
        expect(result.members[index].series.value).toEqual(Array.from(single.nav));
      });
      // Monthly contributions make member 3's final value larger than its growth alone.
      expect(result.members[2].finalValue).toBeGreaterThan(100_000 * (1 + result.members[2].metrics.totalReturn));

      // The correlation of the members' daily returns (same trading days: returns from day 2 on).
      const returns = result.members.map((m) => m.series.dailyReturn.slice(1));
      expect(result.correlation.commonDates).toBe(result.members[0].series.dates.length);
      expect(result.correlation.observations).toBe(returns[0].length);
      for (let i = 0; i < 3; i += 1) {
        expect(result.correlation.matrix[i][i]).toBe(1);
        for (let j = 0; j < 3; j += 1) {
          if (i !== j) expect(result.correlation.matrix[i][j]).toBeCloseTo(pearson(returns[i], returns[j]), 12);
        }
      }
      // The best member of each metric: the highest Sharpe, the lowest volatility.
      const sharpe = result.best.find((b) => b.metric === 'sharpe')!;
      const sharpes = result.members.map((m) => m.metrics.sharpe);
      expect(sharpe).toEqual({
        metric: 'sharpe',
        direction: 'higher',
        members: [sharpes.indexOf(Math.max(...sharpes))],
        value: Math.max(...sharpes),
      });
      const volatility = result.best.find((b) => b.metric === 'volatility')!;
      expect(volatility.value).toBe(Math.min(...result.members.map((m) => m.metrics.volatility)));

      // Live: requested, started, a progress per phase, completed, to the owner only.
      await eventually(async () => (messages.some((m) => m.name === 'completed') ? true : undefined), 15_000);
      expect(messages.map((m) => m.name)).toEqual([
        'requested',
        'started',
        'progress',
        'progress',
        'progress',
        'progress',
        'progress',
        'completed',
      ]);
      expect(messages.filter((m) => m.name === 'progress').map((m) => m.payload.phase)).toEqual([
        'loading prices 1/3',
        'loading prices 2/3',
        'loading prices 3/3',
        'simulating',
        'saving',
      ]);
      expect(messages.every((m) => m.payload.comparisonId === comparisonId)).toBe(true);
      expect(bobMessages).toEqual([]);
      expect(await aliceSocket.timeout(5000).emitWithAck('subscribe', { comparisonId })).toEqual({
        comparisonId,
        status: 'completed',
        phase: 'done',
        percent: 100,
        failureReason: null,
      });
      const bobSubscribe = await bobSocket.timeout(5000).emitWithAck('subscribe', { comparisonId });
      expect(bobSubscribe).toEqual({ error: `comparison ${comparisonId} not found` });

      // Every event matches its published schema.
      const events = await outboxOf(comparisonId);
      expect(events.map((event) => event.type)).toEqual([
        'comparison.requested',
        'comparison.started',
        ...Array.from({ length: 5 }, () => 'comparison.progress'),
        'comparison.completed',
      ]);
      const validate = createEventValidator();
      expect(events.map((event) => validate(event))).toEqual(events.map(() => []));

      // Bob sees none of it.
      await api().get(`/comparisons/${comparisonId}`).set('Authorization', bob.bearer).expect(404);
      await api().delete(`/comparisons/${comparisonId}`).set('Authorization', bob.bearer).expect(404);
      await api().post(`/comparisons/${comparisonId}/rerun`).set('Authorization', bob.bearer).expect(404);
      expect((await api().get('/comparisons').set('Authorization', bob.bearer).expect(200)).body).toEqual({
        items: [],
        page: 1,
        size: 20,
        total: 0,
      });
    } finally {
      aliceSocket.disconnect();
      bobSocket.disconnect();
    }
  });

  it('refuses invalid members with 422, each error located by member and column, and queues nothing', async () => {
    const before = (await api().get('/comparisons').set('Authorization', alice.bearer).expect(200)).body.total;
    const response = await api()
      .post('/comparisons')
      .set('Authorization', alice.bearer)
      .send({
        members: [
          { command: 'AAPL-L-100% 2015-01-01 2020-12-31' },
          { name: 'bad', command: 'MSFT-X-50% KO-L-50% 2015-01-01 2020-12-31' },
          { command: 'KO-L-100% 2015-01-01 2020-12-31 fee=abc' },
        ],
      })
      .expect(422);
    expect(response.body.error).toBe('INVALID_COMPARISON');
    expect(
      (response.body.details as Record<string, unknown>[]).map(({ code, member, line, column, token }) => ({
        code,
        member,
        line,
        column,
        token,
      })),
    ).toEqual([
      { code: 'SIDE_INVALID', member: 1, line: null, column: 1, token: 'MSFT-X-50%' },
      // "KO-L-100% 2015-01-01 2020-12-31 " is 32 characters: fee=abc starts at column 33.
      { code: 'OPTION_VALUE', member: 2, line: null, column: 33, token: expect.any(String) },
    ]);
    const one = await api()
      .post('/comparisons')
      .set('Authorization', alice.bearer)
      .send({ members: [{ command: 'AAPL-L-100% 2015-01-01 2020-12-31' }] })
      .expect(422);
    expect(one.body.details[0]).toMatchObject({ code: 'TOO_FEW_MEMBERS', member: null });
    await api()
      .post('/comparisons')
      .set('Authorization', alice.bearer)
      .send({ members: MEMBERS, simulationIds: [] })
      .expect(422);
    expect((await api().get('/comparisons').set('Authorization', alice.bearer).expect(200)).body.total).toBe(before);
  });

  it('builds a comparison from history entries; another user’s ids answer 404', async () => {
    const simulate = async (command: string) => {
      const accepted = await api().post('/simulate').set('Authorization', alice.bearer).send({ command }).expect(202);
      return accepted.body.simulationId as string;
    };
    const ids = [
      await simulate('AAPL-L-100% 2020-01-01 2021-12-31'),
      await simulate('MSFT-L-100% 2020-06-01 2022-06-30 rebalance=monthly'),
    ];
    await api().post('/comparisons').set('Authorization', bob.bearer).send({ simulationIds: ids }).expect(404);
    const accepted = await api()
      .post('/comparisons')
      .set('Authorization', alice.bearer)
      .send({ simulationIds: ids, period: 'own' })
      .expect(202);
    const detail = await finished(alice, accepted.body.comparisonId as string);
    expect(detail.status).toBe('completed');
    expect(detail.members.map((m) => m.command)).toEqual([
      'AAPL-L-100% 2020-01-01 2021-12-31',
      'MSFT-L-100% 2020-06-01 2022-06-30 rebalance=monthly',
    ]);
    // period=own: each on its own period; the common one is only stated.
    expect(detail.result!.period).toMatchObject({ mode: 'own', start: '2020-06-01', end: '2021-12-31' });
    expect(detail.result!.members.map((m) => m.simulated)).toEqual([
      { start: '2020-01-02', end: '2021-12-31' },
      { start: '2020-06-01', end: '2022-06-30' },
    ]);
    // The correlation uses the days both have.
    expect(detail.result!.correlation.commonDates).toBe(
      detail.result!.members[0].series.dates.filter((d) => d >= '2020-06-01').length,
    );
  });

  it('fails a comparison with no common period, naming the member; lists, re-runs and deletes', async () => {
    const accepted = await api()
      .post('/comparisons')
      .set('Authorization', alice.bearer)
      .send({
        members: [
          { name: 'early', command: 'AAPL-L-100% 2000-01-01 2001-12-31' },
          { name: 'late', command: 'MSFT-L-100% 2005-01-01 2006-12-31' },
        ],
      })
      .expect(202);
    const id = accepted.body.comparisonId as string;
    const detail = await finished(alice, id);
    expect(detail).toMatchObject({ status: 'failed', failureCode: 'NO_COMMON_PERIOD', failureMember: 1 });
    expect(detail.failureReason).toMatch(/^no period is common to every portfolio: late can start only on 2005-01-03/);
    const failed = (await outboxOf(id)).find((event) => event.type === 'comparison.failed')!;
    expect(createEventValidator()(failed)).toEqual([]);
    expect(failed.data).toEqual({ reason: detail.failureReason, code: 'NO_COMMON_PERIOD', member: 1 });

    const rerun = await api().post(`/comparisons/${id}/rerun`).set('Authorization', alice.bearer).expect(202);
    expect(rerun.body.comparisonId).not.toBe(id);
    expect(rerun.body.members.map((m: { name: string }) => m.name)).toEqual(['early', 'late']);
    await finished(alice, rerun.body.comparisonId as string);

    const list = (await api().get('/comparisons').set('Authorization', alice.bearer).expect(200)).body.items as {
      comparisonId: string;
      result?: unknown;
    }[];
    expect(list[0].comparisonId).toBe(rerun.body.comparisonId);
    expect(list.map((one) => one.comparisonId)).toContain(id);
    expect(list.every((one) => one.result === undefined)).toBe(true);

    await api().delete(`/comparisons/${id}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/comparisons/${id}`).set('Authorization', alice.bearer).expect(404);
  });

  it('lists the comparisons a page at a time, newest first, with the limits of GET /history', async () => {
    const carol = await signUp(running.url, 'carol');
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const accepted = await api()
        .post('/comparisons')
        .set('Authorization', carol.bearer)
        .send({
          members: [{ command: 'AAPL-L-100% 2020-01-01 2020-06-30' }, { command: 'KO-L-100% 2020-01-01 2020-06-30' }],
        })
        .expect(202);
      ids.push(accepted.body.comparisonId as string);
    }
    const newestFirst = [...ids].reverse();
    const page = async (query: string) =>
      (await api().get(`/comparisons?${query}`).set('Authorization', carol.bearer).expect(200)).body as {
        items: { comparisonId: string }[];
        page: number;
        size: number;
        total: number;
      };
    const summary = async (query: string) => {
      const one = await page(query);
      return [one.items.map((item) => item.comparisonId), one.page, one.size, one.total];
    };
    expect(await summary('')).toEqual([newestFirst, 1, 20, 3]);
    expect(await summary('page=1&size=2')).toEqual([newestFirst.slice(0, 2), 1, 2, 3]);
    expect(await summary('page=2&size=2')).toEqual([newestFirst.slice(2), 2, 2, 3]);
    expect(await summary('page=3&size=2')).toEqual([[], 3, 2, 3]);
    for (const bad of ['page=0', 'size=0', 'size=101', 'page=1000001', 'page=x', 'pageSize=2']) {
      const refused = await api().get(`/comparisons?${bad}`).set('Authorization', carol.bearer);
      expect([bad, refused.status, refused.body.error]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });
});
