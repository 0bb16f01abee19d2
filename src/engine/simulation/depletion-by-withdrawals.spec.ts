import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { PerformanceMetrics } from '../metrics/metrics.types';
import { listTrades } from './portfolio.simulator';

/** Every number of a metrics object, nested ones included. */
function numbersOf(metrics: PerformanceMetrics): number[] {
  const values: number[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'number') values.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(metrics);
  return values;
}

describe('withdrawals larger than the portfolio: A 100%, capital 1000, 2000 a month withdrawn', () => {
  // 100 shares of A: 1000, 1100, 1200 on days 0–2. On Feb 1 (day 3) A is 12, the portfolio is worth 1200 and
  // February's 2000 cannot be covered: the 1200 left is paid out, the shares are sold, the value is 0.
  const result = simulateTwoAssets('A-L-100% 2024-01-29 2024-02-02 capital=1000 contribute=-2000/month');

  it('is depleted on the day the withdrawal exceeds its value, and worth 0 after', () => {
    expect(result.depletedOn).toBe('2024-02-01');
    expect(Array.from(result.nav)).toEqual([1000, 1100, 1200, 0, 0]);
    expect(result.finalNav).toBe(0);
  });

  it('pays out what was left, then no further flows', () => {
    expect(result.flows).toEqual([
      { date: '2024-01-29', amount: 1000 },
      { date: '2024-02-01', amount: -1200 },
    ]);
    expect(result.netContributions).toBe(-1200);
  });

  it('closes the positions at that close, with no fee', () => {
    expect(listTrades(result)).toEqual([
      { date: '2024-01-29', ticker: 'A', shares: 100, price: 10, value: 1000, fee: 0, reason: 'initial' },
      { date: '2024-02-01', ticker: 'A', shares: -100, price: 12, value: -1200, fee: 0, reason: 'depletion' },
    ]);
    expect(Array.from(result.weights.subarray(3 * 2))).toEqual([0, 0, 0, 0]);
  });

  it('counts the depletion as a total loss: −100% that day, total return and CAGR −100%', () => {
    // r = 1100/1000 − 1, 1200/1100 − 1, then −1 and 0.
    expect(Array.from(result.dailyReturn)).toEqual([0, 1100 / 1000 - 1, 1200 / 1100 - 1, -1, 0]);
    expect(result.metrics.totalReturn).toBe(-1);
    expect(result.metrics.cagr).toBe(-1);
    expect(result.metrics.maxDrawdown).toBe(-1);
    expect(result.metrics.maxDrawdownTroughDate).toBe('2024-02-01');
    expect(result.metrics.maxDrawdownRecoveryDate).toBeNull();
    // Calmar: −1 / |−1|.
    expect(result.metrics.calmar).toBe(-1);
    expect(numbersOf(result.metrics).every(Number.isFinite)).toBe(true);
  });

  it('reports the money-weighted return of what was actually paid in and out', () => {
    // 1000 in on Jan 29, 1200 out on Feb 1 (3 days), nothing at the end: (1.2)^(365/3) − 1.
    expect(result.moneyWeightedReturn).toBeCloseTo(Math.pow(1.2, 365 / 3) - 1, -1);
    expect(result.moneyWeightedReturn! / (Math.pow(1.2, 365 / 3) - 1)).toBeCloseTo(1, 9);
  });

  it('says so first among the warnings', () => {
    expect(result.warnings).toEqual([
      {
        code: 'DEPLETED',
        ticker: null,
        date: '2024-02-01',
        askedStart: '2024-01-29',
        askedEnd: '2024-02-02',
        simulatedStart: '2024-01-29',
        simulatedEnd: '2024-02-02',
        message:
          'the portfolio was depleted on 2024-02-01: a withdrawal of 2,000 exceeded its value of 1,200, so every ' +
          'position was closed there and nothing was invested or withdrawn after; its value is 0 from then on',
      },
    ]);
  });
});
