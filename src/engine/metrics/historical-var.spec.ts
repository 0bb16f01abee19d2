import fc from 'fast-check';
import { computeMetrics } from './metrics.calculator';

/** numpy's linear quantile and the mean at or below it, by sorting: the slow obvious way. */
function naiveTail(values: number[]): { quantile: number; tailMean: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * 0.05;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  const quantile = sorted[low] + (sorted[high] - sorted[low]) * (position - low);
  const tail = values.filter((value) => value <= quantile);
  return { quantile, tailMean: tail.reduce((a, b) => a + b, 0) / tail.length };
}

function metricsOf(values: number[]) {
  const rows = values.length + 1;
  const returns = new Float64Array(rows);
  returns.set(values, 1);
  const dayNumber = Int32Array.from({ length: rows }, (_, t) => 18000 + t);
  return computeMetrics({
    dates: Array.from(dayNumber, (day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
    dayNumber,
    monthKey: Int32Array.from(dayNumber, (day) => Math.floor(day / 30)),
    year: Int32Array.from(dayNumber, (day) => Math.floor(day / 365)),
    returns,
    riskFreeRate: 0,
  });
}

describe('historical VaR and CVaR at 95%', () => {
  it('equal the sort-based definition on any series (both selection paths)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 400 }),
        (values) => {
          const metrics = metricsOf(values);
          const expected = naiveTail(values);
          expect(metrics.valueAtRisk95).toBeCloseTo(expected.quantile, 14);
          expect(metrics.conditionalValueAtRisk95).toBeCloseTo(expected.tailMean, 14);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('falls back to all returns when few lie below the mean (one huge gain, many small losses)', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => -0.001 - i * 1e-6), 5];
    const metrics = metricsOf(values);
    // position (100 − 1) × 0.05 = 4.95: between the 5th and 6th smallest.
    const fifth = -0.001 - 94 * 1e-6;
    const sixth = -0.001 - 93 * 1e-6;
    expect(metrics.valueAtRisk95).toBeCloseTo(fifth + (sixth - fifth) * 0.95, 15);
    expect(metrics.conditionalValueAtRisk95).toBeCloseTo((-0.001 * 5 - (98 + 97 + 96 + 95 + 94) * 1e-6) / 5, 15);
  });
});
