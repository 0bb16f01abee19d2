import { projectMonteCarlo } from './monte-carlo';

/**
 * A history of 24 months of exactly +1 %: every path is the same, so every percentile band is
 * one line, V_m = 1000 × 1.01^m (compounded month by month as the engine does), and every
 * distribution is a single point.
 */
describe('Monte Carlo on a constant +1 % a month', () => {
  const history = new Float64Array(24).fill(0.01);
  const expectedValue = [1000];
  const growth = [1];
  for (let m = 1; m <= 24; m++) {
    expectedValue.push(expectedValue[m - 1] * 1.01);
    growth.push(growth[m - 1] * 1.01);
  }

  describe.each(['monthly', 'block'] as const)('resampled with the %s method', (method) => {
    const projection = projectMonteCarlo(history, { paths: 50, years: 2, seed: 7, method, initialValue: 1000 });

    it('collapses every percentile band to the one path', () => {
      expect(projection.months).toBe(24);
      expect(projection.valueBands.map((band) => band.percentile)).toEqual([5, 10, 25, 50, 75, 90, 95]);
      for (const band of projection.valueBands) expect(Array.from(band.values)).toEqual(expectedValue);
    });

    it('has single-point distributions of final value, CAGR and max drawdown', () => {
      // CAGR = (1.01^24)^(1/2) − 1 ≈ 12.68 %; no month falls, so no drawdown.
      const cagr = Math.pow(growth[24], 1 / 2) - 1;
      expect(cagr).toBeCloseTo(0.12682503013197, 14);
      for (const [distribution, value] of [
        [projection.finalValue, expectedValue[24]],
        [projection.cagr, cagr],
        [projection.maxDrawdown, 0],
      ] as const) {
        expect(Array.from(distribution.percentiles)).toEqual(new Array(7).fill(value));
        expect([distribution.min, distribution.max]).toEqual([value, value]);
        expect(distribution.mean).toBeCloseTo(value, 12);
        expect(distribution.histogram).toMatchObject({ lower: value, upper: value, below: 0, above: 0 });
        expect(distribution.histogram.counts[0]).toBe(50);
      }
      expect(projection.probabilityPositive).toBe(1);
      expect(projection.probabilityAboveTarget).toBe(1);
      expect(projection.depletedPaths).toBe(0);
    });

    it('finds the sustainable yearly withdrawal in closed form', () => {
      // Withdrawals W after months 12 and 24 leave V_24 = 1000·G_24 − W·G_24/G_12 − W, positive iff
      // W < 1000 / (1/G_12 + 1/G_24): every path is the same, so that bound is the 90 % and 95 % answer.
      const bound = 1000 / (1 / growth[12] + 1 / growth[24]);
      expect(projection.sustainableWithdrawal.period).toBe('year');
      expect(projection.sustainableWithdrawal.inflationIndexed).toBe(false);
      expect(projection.sustainableWithdrawal.success90).toBeCloseTo(bound, 9);
      expect(projection.sustainableWithdrawal.success95).toBeCloseTo(bound, 9);
      expect(projection.sustainableWithdrawal.annualRate90).toBeCloseTo(bound / 1000, 12);
    });
  });
});

describe('Monte Carlo cash flows on a flat history (every month 0 %)', () => {
  const flat = new Float64Array(12);
  const finalMedian = (cashFlow: Parameters<typeof projectMonteCarlo>[1]['cashFlow'], years = 1, inflationRate = 0) =>
    projectMonteCarlo(flat, {
      paths: 3,
      years,
      seed: 1,
      method: 'monthly',
      initialValue: 1000,
      cashFlow,
      inflationRate,
    });

  it('adds a monthly contribution: 1000 + 12 × 100', () => {
    expect(finalMedian({ kind: 'amount', amount: 100, period: 'month' }).finalValue.percentiles[3]).toBe(2200);
  });

  it('withdraws 10 % of the value each year: 1000 × 0.9 × 0.9', () => {
    expect(finalMedian({ kind: 'percent', rate: -0.1, period: 'year' }, 2).finalValue.percentiles[3]).toBeCloseTo(
      810,
      10,
    );
  });

  it('grows an indexed withdrawal with inflation: 1000 − 100 × 1.1 − 100 × 1.1²', () => {
    const projection = finalMedian({ kind: 'amount', amount: -100, period: 'year', inflationIndexed: true }, 2, 0.1);
    expect(projection.finalValue.percentiles[3]).toBeCloseTo(1000 - 110 - 121, 9);
    // The search follows the cash flow: yearly, indexed. Withdrawals W·1.1 and W·1.21 must stay under 1000.
    expect(projection.sustainableWithdrawal).toMatchObject({ period: 'year', inflationIndexed: true });
    expect(projection.sustainableWithdrawal.success95).toBeCloseTo(1000 / (1.1 + 1.21), 9);
  });

  it('stops a path at zero when a withdrawal takes everything: 1000 − 600 = 400, then nothing left', () => {
    const projection = finalMedian({ kind: 'amount', amount: -600, period: 'year' }, 2);
    expect(Array.from(projection.valueBands[3].values.subarray(11, 14))).toEqual([1000, 400, 400]);
    expect(projection.valueBands[3].values[24]).toBe(0);
    expect(projection.probabilityPositive).toBe(0);
    expect(projection.depletedPaths).toBe(3);
    expect(projection.sustainableWithdrawal.success90).toBe(500);
  });
});
