import fc from 'fast-check';
import { computeRollingMetrics } from './rolling-metrics';
import { rollingValueAt } from './rolling-series';

/**
 * The O(n) block algorithm against a direct O(n·w) computation of every window, on random
 * series (returns on a 1e-6 grid, with runs of equal values so flat windows occur).
 */
interface Reference {
  return: number;
  volatility: number;
  sharpe: number | null;
  sortino: number | null;
  maxDrawdown: number;
  beta: number;
  correlation: number | null;
}

function bruteForce(x: number[], y: number[], window: number, end: number, dailyRiskFree: number): Reference {
  const xs = x.slice(end - window + 1, end + 1);
  const ys = y.slice(end - window + 1, end + 1);
  const mean = xs.reduce((a, b) => a + b, 0) / window;
  const benchmarkMean = ys.reduce((a, b) => a + b, 0) / window;
  let m2 = 0;
  let benchmarkM2 = 0;
  let comoment = 0;
  let downside = 0;
  for (let k = 0; k < window; k++) {
    m2 += (xs[k] - mean) ** 2;
    benchmarkM2 += (ys[k] - benchmarkMean) ** 2;
    comoment += (xs[k] - mean) * (ys[k] - benchmarkMean);
    const excess = xs[k] - dailyRiskFree;
    if (excess < 0) downside += excess * excess;
  }
  const allEqual = xs.every((v) => v === xs[0]);
  const benchmarkFlat = ys.every((v) => v === ys[0]);
  const std = allEqual ? 0 : Math.sqrt(m2 / (window - 1));
  // Equity from 1 at the window's start (a peak), then the worst fall from any earlier maximum.
  let equity = 1;
  let peak = 1;
  let worst = 0;
  for (const r of xs) {
    equity *= 1 + r;
    peak = Math.max(peak, equity);
    worst = Math.min(worst, equity / peak - 1);
  }
  const growth = equity;
  return {
    return: window > 252 ? growth ** (252 / window) - 1 : growth - 1,
    volatility: std * Math.sqrt(252),
    sharpe: std > 0 ? ((mean - dailyRiskFree) / std) * Math.sqrt(252) : null,
    sortino: downside > 0 ? ((mean - dailyRiskFree) / Math.sqrt(downside / window)) * Math.sqrt(252) : null,
    maxDrawdown: worst,
    beta: benchmarkFlat || allEqual ? 0 : comoment / benchmarkM2,
    correlation: allEqual || benchmarkFlat ? null : comoment / Math.sqrt(m2 * benchmarkM2),
  };
}

function close(actual: number | null, expected: number | null): boolean {
  if (expected === null || actual === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected) + 1e-11;
}

const gridReturn = fc.oneof(
  fc.integer({ min: -400_000, max: 400_000 }).map((k) => k / 1e6),
  fc.constantFrom(0, 0.01, -0.01),
);

describe('rolling metrics: the block algorithm equals a direct computation of every window', () => {
  it('on random series, windows and risk-free rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(gridReturn, gridReturn), { minLength: 1, maxLength: 90 }),
        fc.integer({ min: 2, max: 100 }),
        fc.constantFrom(0, 0.03),
        (pairs, window, riskFreeRate) => {
          const x = pairs.map(([r]) => r);
          const y = pairs.map(([, b]) => b);
          const rows = (values: number[]) => Float64Array.from([0, ...values]);
          const [metrics] = computeRollingMetrics({
            returns: rows(x),
            benchmarkReturns: rows(y),
            riskFreeRate,
            windows: [window],
          }).windows;
          const dailyRiskFree = riskFreeRate > 0 ? Math.pow(1 + riskFreeRate, 1 / 252) - 1 : 0;
          expect(metrics.count).toBe(Math.max(0, x.length - window + 1));
          for (let i = 0; i < metrics.count; i++) {
            const expected = bruteForce(x, y, window, i + window - 1, dailyRiskFree);
            for (const key of Object.keys(expected) as (keyof Reference)[]) {
              const actual = rollingValueAt(metrics[key]!, i);
              if (!close(actual, expected[key])) {
                throw new Error(`window ${window} ending at ${i + window - 1}: ${key} ${actual} ≠ ${expected[key]}`);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the deepest fall when its peak and trough lie in different blocks', () => {
    // Window 4 over the 6 returns 0, 0, 0.5, −0.2, −0.5, 0 (blocks: returns 0–3 and 4–5). The last
    // window, returns 2–5, peaks at equity 1.5 after return 2, inside the first block's suffix (which
    // ends lower, at 1.2), and bottoms at 1.2 × 0.5 = 0.6 in the next block's prefix: 0.6 / 1.5 − 1 = −60 %.
    // Neither part alone sees it (the suffix falls 20 %, the prefix 50 %).
    const returns = Float64Array.from([0, 0, 0, 0.5, -0.2, -0.5, 0]);
    const [metrics] = computeRollingMetrics({ returns, riskFreeRate: 0, windows: [4] }).windows;
    const expected = [-0.2, -0.6, -0.6];
    expected.forEach((value, i) => expect(metrics.maxDrawdown.values[i]).toBeCloseTo(value, 15));
  });
});
