import { expectWeights, simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { listTrades } from './portfolio.simulator';

describe('band rebalancing at 8 points, A 50% and B 50%, capital 1000', () => {
  // A's weight drifts 55%, 54.5%, 49.0%, then 60% on day 4: only day 4 breaches 50% ± 8.
  const result = simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=band:8%');

  it('rebalances only on the day a weight leaves the band', () => {
    expect(listTrades(result).filter((trade) => trade.date !== '2024-01-29')).toEqual([
      {
        date: '2024-02-02',
        ticker: 'A',
        shares: 625 / 15 - 50,
        price: 15,
        value: (625 / 15 - 50) * 15,
        fee: 0,
        reason: 'band',
      },
      { date: '2024-02-02', ticker: 'B', shares: 31.25 - 25, price: 20, value: 125, fee: 0, reason: 'band' },
    ]);
    expectWeights(result, 3, [600 / 1225, 625 / 1225, 0]);
    expectWeights(result, 4, [0.5, 0.5, 0]);
  });

  it('leaves the value unchanged without fees', () => {
    expect(Array.from(result.nav)).toEqual([1000, 1000, 1100, 1225, 1250]);
  });

  it('does not trade with a wider band', () => {
    expect(
      simulateTwoAssets('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000 rebalance=band:10%').trades.count,
    ).toBe(2);
  });
});
