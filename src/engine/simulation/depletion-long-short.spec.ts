import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { listTrades, simulatePortfolio } from './portfolio.simulator';

/** L is flat at 10; S triples and more in three days: a 50% short of it takes the portfolio below zero. */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01'];
const matrix = mergePriceSeries([
  { ticker: 'L', dates, prices: [10, 10, 10, 10] },
  { ticker: 'S', dates, prices: [20, 30, 70, 40] },
]);

describe('a long/short portfolio whose value crosses zero: L 50% long, S 50% short, capital 1000', () => {
  // Shares: L 50, S −25; cash 1000 − 500 + 500 = 1000. Value = 1000 + 500 − 25 × S:
  // day 1: 1500 − 750 = 750; day 2: 1500 − 1750 = −250, at or below zero: depleted.
  const result = simulatePortfolio(
    parseCommandOrThrow('L-L-50% S-S-50% 2024-01-29 2024-02-01 capital=1000').command,
    matrix,
  );

  it('is depleted on the day its value reaches zero or below, and worth 0 from then on', () => {
    expect(result.depletedOn).toBe('2024-01-31');
    expect(Array.from(result.nav)).toEqual([1000, 750, 0, 0]);
    // Not −250 / 750 − 1 (−1.33, a product below zero and a NaN CAGR): the loss is capped at everything.
    expect(Array.from(result.dailyReturn)).toEqual([0, 750 / 1000 - 1, -1, 0]);
  });

  it('closes both positions: sells the long, buys back the short', () => {
    expect(listTrades(result).slice(2)).toEqual([
      { date: '2024-01-31', ticker: 'L', shares: -50, price: 10, value: -500, fee: 0, reason: 'depletion' },
      { date: '2024-01-31', ticker: 'S', shares: 25, price: 70, value: 1750, fee: 0, reason: 'depletion' },
    ]);
  });

  it('gives finite metrics: −100% total, −100% a year, a −100% drawdown', () => {
    expect(result.metrics.totalReturn).toBe(-1);
    expect(result.metrics.cagr).toBe(-1);
    expect(result.metrics.maxDrawdown).toBe(-1);
    expect(result.metrics.worstDay).toBe(-1);
    // Returns −0.25, −1, 0: mean −5/12; deviations 1/6, −7/12, 5/12, squares summing to 78/144, so the
    // sample std is √(39/144) = √39/12; volatility √39/12 × √252, Sharpe (−5/12)/(√39/12) × √252 = −5√252/√39.
    expect(result.metrics.volatility).toBeCloseTo((Math.sqrt(39) / 12) * Math.sqrt(252), 13);
    expect(result.metrics.sharpe).toBeCloseTo((-5 / Math.sqrt(39)) * Math.sqrt(252), 13);
    expect(result.warnings[0]).toEqual(
      expect.objectContaining({
        code: 'DEPLETED',
        date: '2024-01-31',
        message:
          'the portfolio was depleted on 2024-01-31: its value reached −250, so every position was closed there ' +
          'and nothing was invested or withdrawn after; its value is 0 from then on',
      }),
    );
  });
});
