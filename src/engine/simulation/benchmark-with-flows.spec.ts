import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from './portfolio.simulator';

/** P (the portfolio's one stock) and the index ^X over five days, February starting on day 3. */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
const matrix = mergePriceSeries([
  { ticker: 'P', dates, prices: [10, 11, 12, 12, 15] },
  { ticker: '^X', dates, prices: [100, 100, 110, 100, 120] },
]);

function run(command: string) {
  return simulatePortfolio(parseCommandOrThrow(command).command, matrix);
}

describe('a benchmark with the portfolio’s cash flows', () => {
  const result = run('P-L-100% 2024-01-29 2024-02-02 capital=1000 contribute=500/month benchmark=^X');

  it('invests the capital and each contribution in the benchmark on the same days', () => {
    // 10 units at 100: 1000, 1000, 1100; Feb 1: 1000 + 500 (5 more units, 15 in all); Feb 2: 15 × 120.
    const benchmark = result.benchmarkRun!;
    expect(benchmark.ticker).toBe('^X');
    expect(Array.from(benchmark.prices)).toEqual([100, 100, 110, 100, 120]);
    expect(Array.from(benchmark.nav)).toEqual([1000, 1000, 1100, 1500, 1800]);
    expect(benchmark.finalNav).toBe(1800);
    // The portfolio: 100 shares, 1100, 1200; Feb 1: 1200 + 500 buys 500/12 shares; Feb 2: (100 + 500/12) × 15.
    expect(result.finalNav).toBeCloseTo((100 + 500 / 12) * 15, 10);
  });

  it('gives the benchmark its own money-weighted return on the same flows', () => {
    // 1000 in at day 0, 500 at day 3, 1800 at day 4: the XIRR solving 1800·v⁴ = 1000 + 500·v³ with v = (1+x)^(−1/365).
    const x = result.benchmarkRun!.moneyWeightedReturn!;
    const v = (days: number) => Math.pow(1 + x, -days / 365);
    expect(1800 * v(4) - 1000 - 500 * v(3)).toBeCloseTo(0, 6);
    expect(x).toBeGreaterThan(0);
  });

  it('keeps the benchmark’s time-weighted metrics on its closes, unchanged by the flows', () => {
    // 120 / 100 − 1.
    expect(result.benchmarkMetrics!.totalReturn).toBeCloseTo(0.2, 15);
    expect(result.metrics.benchmark!.ticker).toBe('^X');
  });

  it('empties the benchmark too when the withdrawals exceed it', () => {
    const drained = run('P-L-100% 2024-01-29 2024-02-02 capital=1000 contribute=-1200/month benchmark=^X');
    // Feb 1: the benchmark holds 10 × 100 = 1000 < 1200: it pays out 1000 and holds nothing.
    expect(Array.from(drained.benchmarkRun!.nav)).toEqual([1000, 1000, 1100, 0, 0]);
    expect(drained.benchmarkRun!.depletedOn).toBe('2024-02-01');
    // The portfolio (100 × 12 = 1200) is depleted the same day: 1200 + (−1200) is zero.
    expect(drained.depletedOn).toBe('2024-02-01');
  });

  it('has no benchmark run without a benchmark', () => {
    expect(run('P-L-100% 2024-01-29 2024-02-02').benchmarkRun).toBeNull();
  });
});
