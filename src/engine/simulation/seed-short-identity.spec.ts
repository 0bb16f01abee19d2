import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { simulatePortfolio } from './portfolio.simulator';

describe("the seed's long and short results", () => {
  it('A 50% long, B 50% short: the short leg is worth 0.5 × (2 − P_t/P_0) of capital', () => {
    // Shares: A 50, B −25; cash 1000 − 500 + 500 = 1000.
    const result = simulateTwoAssets('A-L-50% B-S-50% 2024-01-29 2024-02-02 capital=1000');
    expect(Array.from(result.nav)).toEqual([1000, 1100, 1100, 975, 1250]);
    const a = [10, 11, 12, 12, 15];
    const b = [20, 18, 20, 25, 20];
    for (let t = 0; t < 5; t++) {
      const seed = 1000 * (0.5 * (a[t] / a[0]) + 0.5 * (2 - b[t] / b[0]));
      expect(result.nav[t]).toBeCloseTo(seed, 12);
    }
  });

  it('holds the identity on 33 years of real prices, buy and hold', () => {
    const matrix = samplePrices();
    const { command } = parseCommandOrThrow('AAPL-L-30% MSFT-S-50% KO-L-20% 1990-01-01 2022-12-31');
    const result = simulatePortfolio(command, matrix);
    const width = matrix.tickers.length;
    const column = (ticker: string) => matrix.tickerIndex.get(ticker)!;
    const price = (t: number, ticker: string) => matrix.values[t * width + column(ticker)];
    expect(result.dates.length).toBe(8313);
    for (let t = 0; t < result.dates.length; t++) {
      const seed =
        100000 *
        (0.3 * (price(t, 'AAPL') / price(0, 'AAPL')) +
          0.5 * (2 - price(t, 'MSFT') / price(0, 'MSFT')) +
          0.2 * (price(t, 'KO') / price(0, 'KO')));
      const error = Math.abs(result.nav[t] - seed);
      if (error > 1e-9 * Math.abs(seed))
        throw new Error(`day ${result.dates[t]}: NAV ${result.nav[t]} vs seed ${seed}`);
    }
    // A 50% short of a stock that rose ~600-fold wipes the portfolio out: the engine says so.
    expect(result.finalNav).toBeLessThan(0);
    expect(result.warnings).toEqual([
      'the portfolio value reached zero or below; returns after that point are not meaningful',
    ]);
  });
});
