import { expectWeights, simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { listTrades } from './portfolio.simulator';

describe('monthly rebalancing, A 50% and B 50%, capital 1000', () => {
  // Day 3 (2024-02-01) opens February: 1225 is split 612.5 / 612.5 → A 612.5/12, B 612.5/25 = 24.5 shares.
  const result = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=monthly');

  it('rebalances on the first trading day of the new month only', () => {
    expect(listTrades(result).filter((trade) => trade.date !== '2024-01-29')).toEqual([
      {
        date: '2024-02-01',
        ticker: 'A',
        shares: 612.5 / 12 - 50,
        price: 12,
        value: (612.5 / 12 - 50) * 12,
        fee: 0,
        reason: 'rebalance',
      },
      { date: '2024-02-01', ticker: 'B', shares: -0.5, price: 25, value: -12.5, fee: 0, reason: 'rebalance' },
    ]);
    expectWeights(result, 3, [0.5, 0.5, 0]);
  });

  it('values the new shares afterwards', () => {
    expect(Array.from(result.nav.subarray(0, 4))).toEqual([1000, 1000, 1100, 1225]);
    expect(result.nav[4]).toBeCloseTo((612.5 / 12) * 15 + 24.5 * 20, 10);
    expect(result.nav[4]).toBeCloseTo(1255.625, 10);
  });

  it('does not rebalance weekly within one ISO week, and rebalances daily every day', () => {
    const weekly = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=weekly');
    expect(weekly.trades.count).toBe(2);
    const daily = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=daily');
    expect(Array.from(daily.trades.dayIndex)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // Each day starts at 50/50: NAV_t = NAV_{t-1} × (½·A_t/A_{t-1} + ½·B_t/B_{t-1}).
    expect(daily.nav[1]).toBeCloseTo(1000 * (0.5 * 1.1 + 0.5 * 0.9), 10);
    expect(daily.nav[4]).toBeCloseTo(
      1000 * 1.0 * ((0.5 * 12) / 11 + (0.5 * 20) / 18) * (0.5 + 0.5 * 1.25) * (0.5 * 1.25 + 0.5 * 0.8),
      10,
    );
  });
});
