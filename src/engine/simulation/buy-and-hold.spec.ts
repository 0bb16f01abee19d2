import { expectWeights, simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { listTrades } from './portfolio.simulator';

describe('buy and hold, A 50% long and B 50% long, capital 1000', () => {
  // Shares on day 0: A 500/10 = 50, B 500/20 = 25, cash 0. NAV_t = 50·A_t + 25·B_t.
  const result = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000');

  it('values the fixed shares every day', () => {
    expect(Array.from(result.nav)).toEqual([1000, 1000, 1100, 1225, 1250]);
  });

  it('reports daily, cumulative returns and drawdown', () => {
    expect(Array.from(result.dailyReturn)).toEqual([0, 0, 0.10000000000000009, 1225 / 1100 - 1, 1250 / 1225 - 1]);
    expect(result.cumulativeReturn[4]).toBeCloseTo(0.25, 14);
    expect(Array.from(result.drawdown)).toEqual([0, 0, 0, 0, 0]);
  });

  it('reports weights over time with cash last', () => {
    expectWeights(result, 0, [0.5, 0.5, 0]);
    expectWeights(result, 3, [600 / 1225, 625 / 1225, 0]);
  });

  it('trades only on the first day', () => {
    expect(listTrades(result)).toEqual([
      { date: '2024-01-29', ticker: 'A', shares: 50, price: 10, value: 500, fee: 0, reason: 'initial' },
      { date: '2024-01-29', ticker: 'B', shares: 25, price: 20, value: 500, fee: 0, reason: 'initial' },
    ]);
    expect(result.totalFees).toBe(0);
    expect(result.moneyWeightedReturn).toBeNull();
  });

  it('computes the metrics of the four daily returns', () => {
    const { metrics } = result;
    expect(metrics.startDate).toBe('2024-01-30');
    expect(metrics.endDate).toBe('2024-02-02');
    expect(metrics.tradingDays).toBe(4);
    expect(metrics.totalReturn).toBeCloseTo(0.25, 14);
    expect(metrics.cagr).toBeCloseTo(Math.pow(1.25, 252 / 4) - 1, 6);
    expect(metrics.maxDrawdown).toBe(0);
    expect(metrics.maxDrawdownPeakDate).toBeNull();
    expect(metrics.bestDay).toBeCloseTo(1225 / 1100 - 1, 15);
    expect(metrics.worstDay).toBe(0);
    // January: 1000 → 1100; February: 1100 → 1250.
    expect(metrics.worstMonth).toBeCloseTo(0.1, 15);
    expect(metrics.bestMonth).toBeCloseTo(1250 / 1100 - 1, 15);
    expect(metrics.positiveMonths).toBe(1);
    expect(metrics.sortino).toBeNaN();
  });
});
