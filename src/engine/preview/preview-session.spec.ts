import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import type { PriceSeriesColumns } from '../market/price-series.codec';
import { simulationSeries } from '../market/simulation-prices';
import { isoToDayNumber } from '../market/trading-calendar';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { PreviewSession } from './preview.session';

/** A whole stored series as the binary endpoint serves it. */
function series(ticker: string, dates: string[], closes: number[], source = 'sample'): PriceSeriesColumns {
  return {
    ticker,
    source,
    kind: 'total-return',
    days: Int32Array.from(dates.map(isoToDayNumber)),
    closes: Float64Array.from(closes),
  };
}

// Tuesday 2024-01-02 to Thursday 01-04, and A also on Friday 2023-12-29 (before the start).
const A = series('A', ['2023-12-29', '2024-01-02', '2024-01-03', '2024-01-04'], [9, 10, 11, 12]);
const B = series('B', ['2024-01-02', '2024-01-03', '2024-01-04'], [20, 20, 18]);

describe('the live preview session', () => {
  it('simulates a command as typed over the series it holds, as the server does', () => {
    const session = new PreviewSession();
    session.addSeries(A);
    session.addSeries(B);
    const outcome = session.run('a-L-50% b-L-50% 2024-01-02 2024-01-04');
    if (outcome.status !== 'ok') throw new Error(`expected a result, got ${outcome.status}`);
    const { result } = outcome;
    // Buy and hold from 100,000: 5,000 A at 10 and 2,500 B at 20. Day 2: 5,000 × 11 + 2,500 × 20 = 105,000;
    // day 3: 5,000 × 12 + 2,500 × 18 = 105,000.
    expect(Array.from(result.nav)).toEqual([100_000, 105_000, 105_000]);
    expect(result.finalValue).toBe(105_000);
    expect(result.metrics.totalReturn).toBeCloseTo(0.05, 15);
    expect(Array.from(result.drawdown)).toEqual([0, 0, 0]);
    expect(Array.from(result.days)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04'].map(isoToDayNumber));
    expect(result.canonical).toBe('A-L-50% B-L-50% 2024-01-02 2024-01-04');
    expect(result.simulatedStart).toBe('2024-01-02');
    expect(result.simulatedEnd).toBe('2024-01-04');
    expect(result.dataSources).toEqual([
      { ticker: 'A', source: 'sample', kind: 'total-return' },
      { ticker: 'B', source: 'sample', kind: 'total-return' },
    ]);

    // The server's path: each series as served with the look-back, merged, simulated.
    const command = parseCommandOrThrow('A-L-50% B-L-50% 2024-01-02 2024-01-04').command;
    const served = [A, B].map((one) => simulationSeries(one.ticker, one.days, one.closes, command.start, command.end)!);
    const server = simulatePortfolio(command, mergePriceSeries(served));
    expect(result.metrics).toEqual(server.metrics);
    expect(Array.from(result.nav)).toEqual(Array.from(server.nav));
  });

  it('values a ticker without a price on the start day at its last price before it (look-back)', () => {
    const C = series('C', ['2024-01-02', '2024-01-03'], [5, 5]);
    const session = new PreviewSession();
    session.addSeries(A);
    session.addSeries(C);
    // Monday 2024-01-01 is a holiday: A is valued at Friday's 9 on the first row of the run, as on the server.
    const text = 'A-L-50% C-L-50% 2024-01-01 2024-01-03 benchmark=A';
    const outcome = session.run(text);
    if (outcome.status !== 'ok') throw new Error(`expected a result, got ${outcome.status}`);
    const command = parseCommandOrThrow(text).command;
    const served = [A, C].map((one) => simulationSeries(one.ticker, one.days, one.closes, command.start, command.end)!);
    expect(served[0].dates).toEqual(['2023-12-29', '2024-01-02', '2024-01-03']);
    const server = simulatePortfolio(command, mergePriceSeries(served));
    expect(outcome.result.metrics).toEqual(server.metrics);
    expect(outcome.result.benchmarkMetrics).toEqual(server.benchmarkMetrics);
    expect(Array.from(outcome.result.benchmarkValue ?? [])).toEqual(Array.from(server.benchmarkRun?.nav ?? []));
  });

  it('asks for the series it lacks, in the order the simulation needs them', () => {
    const session = new PreviewSession();
    session.addSeries(B);
    expect(session.run('A-L-50% B-L-50% 2024-01-02 2024-01-04 benchmark=^GSPC')).toEqual({
      status: 'missing',
      tickers: ['A', '^GSPC'],
    });
  });

  it('answers an empty command, a command that does not parse, and one the prices cannot run', () => {
    const session = new PreviewSession();
    session.addSeries(A);
    session.addSeries(B);
    expect(session.run('   ')).toEqual({ status: 'empty' });
    const invalid = session.run('A-X-50% 2024-01-02 2024-01-04');
    expect(invalid.status).toBe('invalid');
    expect(invalid.status === 'invalid' && invalid.errors.map((error) => error.code)).toContain('SIDE_INVALID');
    // What the server answers for a ticker without prices in the range (PRICE_RANGE_UNAVAILABLE).
    expect(session.run('A-L-50% B-L-50% 2024-02-01 2024-03-01')).toEqual({
      status: 'failed',
      code: 'PRICE_RANGE_UNAVAILABLE',
      message: 'A has no prices from 2024-02-01 to 2024-03-01 (sample): available from 2023-12-29 to 2024-01-04',
    });
    // One trading day is not a simulation: the engine's own error, as the server reports it.
    const oneDay = session.run('B-L-100% 2024-01-04 2024-01-05');
    expect(oneDay).toMatchObject({ status: 'failed', code: 'NO_TRADING_DAYS' });
  });

  it('uses a replaced series at once, and forgets the least recently used one beyond its limit', () => {
    const session = new PreviewSession({ maxSeries: 2, maxMatrices: 1 });
    session.addSeries(A);
    session.addSeries(B);
    const before = session.run('A-L-50% B-L-50% 2024-01-02 2024-01-04');
    session.addSeries(series('B', ['2024-01-02', '2024-01-03', '2024-01-04'], [20, 22, 24], 'upload'));
    const after = session.run('A-L-50% B-L-50% 2024-01-02 2024-01-04');
    if (before.status !== 'ok' || after.status !== 'ok') throw new Error('expected results');
    // 5,000 × 12 + 2,500 × 24 = 120,000 with the new B.
    expect(before.result.finalValue).toBe(105_000);
    expect(after.result.finalValue).toBe(120_000);
    expect(after.result.dataSources[1]).toEqual({ ticker: 'B', source: 'upload', kind: 'total-return' });

    session.run('B-L-100% 2024-01-02 2024-01-04'); // B used last: A is the least recently used
    session.addSeries(series('C', ['2024-01-02', '2024-01-03'], [5, 5]));
    expect(session.heldTickers()).toEqual(['B', 'C']);
    expect(session.run('A-L-100% 2024-01-02 2024-01-04')).toEqual({ status: 'missing', tickers: ['A'] });
  });
});
