import request from 'supertest';
import { computeRollingMetrics, returnsFromCloses, rollingValues } from '../../src/engine';
import { testDatabaseUrl } from '../harness/test-services';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2015-01-01 2022-12-28 rebalance=monthly rf=2% benchmark=^GSPC';

type Nullable = (number | null)[];
const numbers = (values: Nullable) => Float64Array.from(values, (value) => (value === null ? Number.NaN : value));

/**
 * Rolling metrics, drawdown episodes and the tearsheet of a stored result, through HTTP, on SQLite (embedded) and
 * on PostgreSQL: the same numbers the engine computes from the series the API serves.
 */
describe.each([
  ['SQLite', async () => ({ env: { SQLITE_PATH: temporarySqlitePath().path } })],
  ['PostgreSQL', async () => ({ env: { DATABASE_URL: await testDatabaseUrl('analysis') } })],
])('analysis of a simulation on %s', (_name, database) => {
  let running: RunningApp;
  let alice: TestUser;
  let bob: TestUser;
  let id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON answer, checked field by field
  let detail: any;

  const api = () => request(running.url);

  beforeAll(async () => {
    const { env } = await database();
    running = await startApp({ ...env, AUTH_THROTTLE_LIMIT: '1000', MARKET_DATA_PROVIDERS: 'sample' });
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    const accepted = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: COMMAND })
      .expect(202);
    id = accepted.body.simulationId;
    detail = await eventually(
      async () => {
        const response = await api().get(`/history/${id}?trades=0`).set('Authorization', alice.bearer);
        return response.body.status === 'completed' || response.body.status === 'failed' ? response.body : undefined;
      },
      60_000,
      'the simulation to complete',
    );
  });

  afterAll(async () => {
    await running?.close();
  });

  it('serves the 12-month rolling metrics by default, equal to the engine’s on the served series', () => {
    expect(detail.status).toBe('completed');
    const { dates, dailyReturn, benchmark } = detail.series as {
      dates: string[];
      dailyReturn: Nullable;
      benchmark: Nullable;
    };
    expect(detail.rolling).toMatchObject({
      window: 252,
      firstRow: 252,
      firstDate: dates[252],
      count: dates.length - 252,
    });
    const [expected] = computeRollingMetrics({
      returns: numbers(dailyReturn),
      riskFreeRate: 0.02,
      benchmarkReturns: returnsFromCloses(numbers(benchmark)),
      windows: [252],
    }).windows;
    expect(detail.rolling.portfolio.sharpe).toEqual(rollingValues(expected.sharpe));
    expect(detail.rolling.portfolio.beta).toEqual(rollingValues(expected.beta!));
    expect(detail.rolling.portfolio.maxDrawdown).toEqual(rollingValues(expected.maxDrawdown));

    // Independently of the engine's rolling code: the last 12-month return is the value's growth over 252 days
    // (no contributions), and its volatility the sample standard deviation of those 252 returns × √252.
    const nav = detail.series.nav as number[];
    const last = dates.length - 1;
    const lastWindow = detail.rolling.count - 1;
    expect(detail.rolling.portfolio.return[lastWindow]).toBeCloseTo(nav[last] / nav[last - 252] - 1, 10);
    const window = (dailyReturn as number[]).slice(last - 251);
    const mean = window.reduce((sum, r) => sum + r, 0) / 252;
    const variance = window.reduce((sum, r) => sum + (r - mean) ** 2, 0) / 251;
    expect(detail.rolling.portfolio.volatility[lastWindow]).toBeCloseTo(Math.sqrt(variance * 252), 10);
    // The benchmark's own, beside it: its 12-month return is its closes' growth.
    expect(detail.rolling.benchmark.return[lastWindow]).toBeCloseTo(benchmark[last]! / benchmark[last - 252]! - 1, 10);
    expect(detail.rolling.benchmark.beta).toBeUndefined();
  });

  it('lists the ten deepest drawdown episodes, the deepest being the max drawdown of the metrics', () => {
    const { drawdownEpisodes } = detail;
    const metrics = detail.metrics.portfolio;
    expect(drawdownEpisodes.limit).toBe(10);
    expect(drawdownEpisodes.deeperThan).toBeNull();
    expect(drawdownEpisodes.episodes).toHaveLength(10);
    expect(drawdownEpisodes.totalEpisodes).toBeGreaterThan(10);
    const depths = drawdownEpisodes.episodes.map((episode: { depth: number }) => episode.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(drawdownEpisodes.episodes[0]).toMatchObject({
      depth: metrics.maxDrawdown,
      peakDate: metrics.maxDrawdownPeakDate,
      troughDate: metrics.maxDrawdownTroughDate,
      recoveryDate: metrics.maxDrawdownRecoveryDate,
      underwaterDays: metrics.maxDrawdownDays,
    });
    const deepest = drawdownEpisodes.episodes[0];
    expect(detail.series.drawdown[deepest.troughRow]).toBe(deepest.depth);
    expect(detail.series.dates[deepest.peakRow]).toBe(deepest.peakDate);
  });

  it('takes the window, the threshold and the count as query options; GET …/analysis answers the same without the series', async () => {
    const response = await api()
      .get(`/history/${id}?trades=0&rollingWindow=126&drawdownDeeperThan=0.1&drawdownLimit=3`)
      .set('Authorization', alice.bearer)
      .expect(200);
    expect(response.body.rolling).toMatchObject({
      window: 126,
      firstRow: 126,
      count: detail.series.dates.length - 126,
    });
    const { drawdownEpisodes } = response.body;
    expect(drawdownEpisodes).toMatchObject({
      deeperThan: 0.1,
      limit: 3,
      totalEpisodes: detail.drawdownEpisodes.totalEpisodes,
    });
    expect(drawdownEpisodes.episodes.length).toBeLessThanOrEqual(3);
    expect(drawdownEpisodes.episodes.length).toBeGreaterThan(0);
    for (const episode of drawdownEpisodes.episodes) expect(episode.depth).toBeLessThan(-0.1);

    const analysis = await api()
      .get(`/history/${id}/analysis?rollingWindow=126&drawdownDeeperThan=0.1&drawdownLimit=3`)
      .set('Authorization', alice.bearer)
      .expect(200);
    expect(analysis.body).toEqual({ rolling: response.body.rolling, drawdownEpisodes });
    expect(analysis.body.series).toBeUndefined();

    // A window longer than the run: no values, said plainly.
    const long = await api()
      .get(`/history/${id}/analysis?rollingWindow=12600`)
      .set('Authorization', alice.bearer)
      .expect(200);
    expect(long.body.rolling).toMatchObject({ window: 12600, count: 0, firstDate: null });
    expect(long.body.rolling.portfolio.return).toEqual([]);
  });

  it.each([
    ['rollingWindow=1', 'rollingWindow'],
    ['rollingWindow=12601', 'rollingWindow'],
    ['rollingWindow=2.5', 'rollingWindow'],
    ['rollingWindow=abc', 'rollingWindow'],
    ['drawdownDeeperThan=1.5', 'drawdownDeeperThan'],
    ['drawdownDeeperThan=-0.1', 'drawdownDeeperThan'],
    ['drawdownLimit=0', 'drawdownLimit'],
    ['drawdownLimit=1001', 'drawdownLimit'],
  ])('answers 400 in the error shape, naming the option, for %s', async (query, field) => {
    for (const path of [`/history/${id}?${query}`, `/history/${id}/analysis?${query}`]) {
      const response = await api().get(path).set('Authorization', alice.bearer).expect(400);
      expect(response.body).toMatchObject({ status: 400, error: 'VALIDATION_FAILED', requestId: expect.any(String) });
      expect(JSON.stringify(response.body.details)).toContain(field);
    }
  });

  it('serves the tearsheet as one self-contained HTML file, to its owner only', async () => {
    const response = await api().get(`/history/${id}/tearsheet`).set('Authorization', alice.bearer).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="portofino-aapl-l-60pct-msft-l-40pct-2015-01-01-2022-12-28-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-tearsheet\.html"$/,
    );
    const html = response.text;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=/i);
    expect(html).toContain(COMMAND.replace('^', '^'));
    const cagr = `${(detail.metrics.portfolio.cagr * 100).toFixed(2)}%`;
    expect(html).toContain(`<th scope="row">CAGR</th><td>${cagr}</td>`);
    const deepest = detail.drawdownEpisodes.episodes[0];
    expect(html).toContain(`<td>1</td><td>${deepest.peakDate}</td><td>${deepest.troughDate}</td>`);
    // Value, drawdown, then 6/12/36 months × return, volatility, Sharpe, beta.
    expect(html.match(/<svg /g)).toHaveLength(2 + 3 * 4);

    await api().get(`/history/${id}/tearsheet`).set('Authorization', bob.bearer).expect(404);
    await api().get(`/history/${id}/analysis`).set('Authorization', bob.bearer).expect(404);
    await api().get(`/history/${id}/tearsheet`).expect(401);
    await api().get('/history/not-a-uuid/tearsheet').set('Authorization', alice.bearer).expect(400);
  });
});
