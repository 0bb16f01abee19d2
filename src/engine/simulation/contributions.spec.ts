import { expectWeights, simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { listTrades } from './portfolio.simulator';

describe('contributions of 100 a month, buy and hold, A 50% and B 50%, capital 1000', () => {
  // February's contribution enters on day 3 and buys 50 of each: A +50/12 shares, B +2 shares.
  const result = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 contribute=100/month');

  it('invests the contribution at target weights on the first trading day of the period', () => {
    expect(result.flows).toEqual([
      { date: '2024-01-29', amount: 1000 },
      { date: '2024-02-01', amount: 100 },
    ]);
    expect(listTrades(result).slice(2)).toEqual([
      { date: '2024-02-01', ticker: 'A', shares: 50 / 12, price: 12, value: 50, fee: 0, reason: 'contribution' },
      { date: '2024-02-01', ticker: 'B', shares: 2, price: 25, value: 50, fee: 0, reason: 'contribution' },
    ]);
    expect(Array.from(result.nav)).toEqual([1000, 1000, 1100, 1325, 1352.5]);
    expect(result.netContributions).toBe(100);
    expectWeights(result, 3, [650 / 1325, 675 / 1325, 0]);
  });

  it('keeps returns time-weighted: the contribution is not a gain', () => {
    expect(result.dailyReturn[3]).toBeCloseTo(1225 / 1100 - 1, 15);
    expect(result.dailyReturn[4]).toBeCloseTo(1352.5 / 1325 - 1, 15);
  });

  it('reports the money-weighted return (XIRR, days/365)', () => {
    // scipy.optimize.brentq on 1352.5·(1+r)^(−4/365) − 1000 − 100·(1+r)^(−3/365) = 0
    expect(result.moneyWeightedReturn).toBeCloseTo(552599092.1745031, 3);
  });

  it('sells at target weights for a withdrawal', () => {
    const withdrawal = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 contribute=-100/month');
    expect(listTrades(withdrawal).slice(2)).toEqual([
      { date: '2024-02-01', ticker: 'A', shares: -50 / 12, price: 12, value: -50, fee: 0, reason: 'withdrawal' },
      { date: '2024-02-01', ticker: 'B', shares: -2, price: 25, value: -50, fee: 0, reason: 'withdrawal' },
    ]);
    expect(Array.from(withdrawal.nav)).toEqual([1000, 1000, 1100, 1125, 1147.5]);
    expect(withdrawal.netContributions).toBe(-100);
    expect(withdrawal.dailyReturn[3]).toBeCloseTo(1225 / 1100 - 1, 15);
  });
});
