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

  it('holds the identity on 33 years of real prices, buy and hold, until the value reaches zero', () => {
    const matrix = samplePrices();
    const { command } = parseCommandOrThrow('AAPL-L-30% MSFT-S-50% KO-L-20% 1990-01-01 2022-12-31');
    const result = simulatePortfolio(command, matrix);
    const width = matrix.tickers.length;
    const column = (ticker: string) => matrix.tickerIndex.get(ticker)!;
    const price = (t: number, ticker: string) => matrix.values[t * width + column(ticker)];
    expect(result.dates.length).toBe(8313);
    // A 50% short of a stock that rose ~600-fold wipes the portfolio out: from the first day the seed's value
    // is zero or below, the portfolio is depleted and worth 0.
    let depleted = -1;
    for (let t = 0; t < result.dates.length; t++) {
      const seed =
        100000 *
        (0.3 * (price(t, 'AAPL') / price(0, 'AAPL')) +
          0.5 * (2 - price(t, 'MSFT') / price(0, 'MSFT')) +
          0.2 * (price(t, 'KO') / price(0, 'KO')));
      if (depleted < 0 && seed <= 0) depleted = t;
      const expected = depleted >= 0 ? 0 : seed;
      const error = Math.abs(result.nav[t] - expected);
      if (error > 1e-9 * Math.abs(expected))
        throw new Error(`day ${result.dates[t]}: NAV ${result.nav[t]} vs seed ${seed}`);
    }
    expect(result.dates[depleted]).toBe('1992-01-02');
    expect(result.depletedOn).toBe('1992-01-02');
    expect(result.finalNav).toBe(0);
    expect(result.dailyReturn[depleted]).toBe(-1);
    expect(result.metrics.totalReturn).toBe(-1);
    expect(result.metrics.cagr).toBe(-1);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['DEPLETED']);
  });
});
