import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';

describe('a 1% fee with monthly rebalancing, A 50% and B 50%, capital 1000', () => {
  // Day 0 buys 1000 of stock: fee 10 from cash (cash −10), NAV 990.
  // Day 3: 1225 − 10 = 1215 rebalanced to 607.5 each: A 50 → 50.625 (+7.5), B 25 → 24.3 (−17.5);
  // traded 25, fee 0.25, cash −10 + 10 − 0.25 = −0.25, NAV 1214.75.
  // Day 4: −0.25 + 50.625·15 + 24.3·20 = 1245.125.
  const result = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=monthly fee=1%');

  it('takes fees from cash on traded value', () => {
    expect(result.nav[0]).toBe(990);
    expect(result.nav[1]).toBe(990);
    expect(result.nav[2]).toBe(1090);
    expect(result.nav[3]).toBeCloseTo(1214.75, 10);
    expect(result.nav[4]).toBeCloseTo(1245.125, 10);
    expect(result.totalFees).toBeCloseTo(10.25, 12);
    expect(Array.from(result.trades.fee)).toEqual([5, 5, 0.075, expect.closeTo(0.175, 12)]);
  });

  it('counts the entry fee in the first daily return (its base is the capital)', () => {
    expect(result.dailyReturn[1]).toBeCloseTo(-0.01, 15);
    expect(result.dailyReturn[2]).toBeCloseTo(1090 / 990 - 1, 15);
    expect(result.dailyReturn[3]).toBeCloseTo(1214.75 / 1090 - 1, 12);
    expect(result.metrics.totalReturn).toBeCloseTo(0.245125, 12);
    expect(result.drawdown[1]).toBeCloseTo(-0.01, 15);
    expect(result.metrics.maxDrawdown).toBeCloseTo(-0.01, 15);
    expect(result.metrics.maxDrawdownPeakDate).toBe('2024-01-29');
    expect(result.metrics.maxDrawdownTroughDate).toBe('2024-01-30');
    expect(result.metrics.maxDrawdownRecoveryDate).toBe('2024-01-31');
    expect(result.metrics.maxDrawdownDays).toBe(1);
  });
});
