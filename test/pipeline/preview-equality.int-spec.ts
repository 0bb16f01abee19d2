import type { Stream } from 'node:stream';
import request from 'supertest';
import { parseCommandOrThrow } from '../../src/engine';
import { decodePriceSeries } from '../../src/engine/market/price-series.codec';
import { commandSeriesNeeds } from '../../src/engine/command/command-series';
import { isoToDayNumber } from '../../src/engine/market/trading-calendar';
import { PreviewSession } from '../../src/engine/preview/preview.session';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

/** Reads an application/octet-stream answer as bytes (superagent would not). */
function binary(response: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Commands covering what can make the two paths differ: look-back (a start on a holiday or weekend), shorts,
 * rebalancing policies, fees, risk-free rate, a benchmark held or not held, CASH, contributions and withdrawals,
 * capital, a depleting withdrawal, a ticker that starts trading within the range, 20 assets over 33 years.
 */
const COMMANDS = [
  'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28',
  'AAPL-L-50% JNJ-L-30% KO-S-20% 2021-11-01 2022-03-31 fee=0.1% benchmark=^GSPC',
  'KO-L-60% PEP-L-40% 2015-01-03 2019-12-31 rebalance=quarterly rf=2% capital=250000',
  'JPM-L-70% CASH-L-30% 2005-07-04 2012-12-31 rebalance=band:5% benchmark=JPM',
  'XOM-L-40% CVX-L-40% GE-S-20% 2000-01-01 2010-12-31 rebalance=monthly contribute=500/month benchmark=^GSPC',
  'GE-L-100% 2007-01-02 2012-12-31 contribute=-2500/month',
  'AAPL-L-25% MSFT-L-25% KO-L-25% PEP-L-25% 1995-01-01 2003-12-31 rebalance=yearly fee=0.25%',
  'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'
    .split(' ')
    .map((ticker) => `${ticker}-L-5%`)
    .join(' ') + ' 1990-01-02 2022-12-28 rebalance=monthly benchmark=^GSPC',
];

interface Detail {
  status: string;
  failureReason: string | null;
  metrics: { portfolio: Record<string, unknown>; benchmark: Record<string, unknown> | null };
  summary: {
    initialCapital: number;
    finalValue: number;
    totalFees: number;
    netContributions: number;
    moneyWeightedReturn: number | null;
    warnings: unknown[];
    dataSources: { ticker: string; source: string; kind: string }[];
    simulatedStart: string;
    simulatedEnd: string;
    depletedOn: string | null;
  };
  series: { dates: string[]; nav: number[]; drawdown: number[]; benchmarkValue: number[] | null };
}

/**
 * The live preview's numbers are the server's numbers: each command is run by the server (POST /simulate, stored,
 * read back from GET /history/{id}) and by the preview's engine (PreviewSession, as the dashboard's worker runs it)
 * over the series GET /assets/{ticker}/prices?format=binary serves; every metric, the outcome and every daily value
 * must be identical — not close: the same bits after the JSON round trip.
 */
describe('live preview vs server run', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;
  let alice: TestUser;
  const session = new PreviewSession();

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
    });
    alice = await signUp(running.url, 'alice-preview');
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  const api = () => request(running.url);

  async function serverRun(command: string): Promise<Detail> {
    const accepted = await api().post('/simulate').set('Authorization', alice.bearer).send({ command }).expect(202);
    const id = accepted.body.simulationId as string;
    const detail = await eventually(
      async () => {
        const response = await api().get(`/history/${id}`).set('Authorization', alice.bearer);
        return response.body.status === 'completed' || response.body.status === 'failed'
          ? (response.body as Detail)
          : undefined;
      },
      60_000,
      `simulation ${id} to finish`,
    );
    if (detail.status !== 'completed') throw new Error(`${command}: the server run failed: ${detail.failureReason}`);
    return detail;
  }

  /** What the dashboard does: each ticker's whole binary series, once, into the session. */
  async function loadSeries(command: string): Promise<void> {
    for (const ticker of commandSeriesNeeds(parseCommandOrThrow(command).command).load) {
      if (session.hasSeries(ticker)) continue;
      const response = await api()
        .get(`/assets/${encodeURIComponent(ticker)}/prices?format=binary`)
        .set('Authorization', alice.bearer)
        .buffer(true)
        .parse(binary)
        .expect(200);
      session.addSeries(decodePriceSeries(new Uint8Array(response.body as Buffer)));
    }
  }

  it.each(COMMANDS)('%s', async (command) => {
    const server = await serverRun(command);
    await loadSeries(command);
    const outcome = session.run(command);
    if (outcome.status !== 'ok') throw new Error(`${command}: the preview answered ${JSON.stringify(outcome)}`);
    const preview = outcome.result;
    // Through JSON as the server's numbers came: a double survives JSON.stringify/parse exactly.
    const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    expect(viaJson(preview.metrics)).toEqual(server.metrics.portfolio);
    expect(viaJson(preview.benchmarkMetrics)).toEqual(server.metrics.benchmark);
    expect({
      initialCapital: preview.initialCapital,
      finalValue: preview.finalValue,
      totalFees: preview.totalFees,
      netContributions: preview.netContributions,
      moneyWeightedReturn: preview.moneyWeightedReturn,
      depletedOn: preview.depletedOn,
      simulatedStart: preview.simulatedStart,
      simulatedEnd: preview.simulatedEnd,
      warnings: viaJson(preview.warnings),
      dataSources: preview.dataSources,
    }).toEqual({
      initialCapital: server.summary.initialCapital,
      finalValue: server.summary.finalValue,
      totalFees: server.summary.totalFees,
      netContributions: server.summary.netContributions,
      moneyWeightedReturn: server.summary.moneyWeightedReturn,
      depletedOn: server.summary.depletedOn,
      simulatedStart: server.summary.simulatedStart,
      simulatedEnd: server.summary.simulatedEnd,
      warnings: server.summary.warnings,
      dataSources: server.summary.dataSources,
    });
    expect(Array.from(preview.days)).toEqual(server.series.dates.map(isoToDayNumber));
    expect(Array.from(preview.nav)).toEqual(server.series.nav);
    expect(Array.from(preview.drawdown)).toEqual(server.series.drawdown);
    expect(preview.benchmarkValue ? Array.from(preview.benchmarkValue) : null).toEqual(
      server.series.benchmarkValue ?? null,
    );
  });
});
