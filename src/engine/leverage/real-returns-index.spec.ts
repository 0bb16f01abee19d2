import { parseCommandOrThrow } from '../command/command.parser';
import { TWO_ASSET_DATES } from '../__fixtures__/two-assets.fixture';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/** A and a price index CPI published on three of the five days (carried forward between). */
const matrix = mergePriceSeries([
  { ticker: 'A', dates: TWO_ASSET_DATES, prices: [10, 11, 12, 12, 15] },
  { ticker: 'CPI', dates: ['2024-01-29', '2024-01-31', '2024-02-02'], prices: [100, 101, 102] },
]);

describe('real returns deflated by a price index: A 100%, inflation=CPI, capital 1000', () => {
  // Nominal: 1000 → 1500 (+50%) over N = 4 daily returns. Prices rose 102 / 100 − 1 = 2%.
  // Real final value 1500 × 100 / 102; real growth 1.5 / 1.02; real CAGR (1.5 / 1.02)^(252/4) − 1.
  const result = simulatePortfolio(
    parseCommandOrThrow('A-L-100% 2024-01-29 2024-02-02 capital=1000 inflation=cpi').command,
    matrix,
  );

  it('keeps the nominal result and adds the real one', () => {
    expect(result.finalNav).toBe(1500);
    expect(result.realReturns).toEqual({
      inflation: { kind: 'index', ticker: 'CPI' },
      priceLevelStart: 100,
      priceLevelEnd: 102,
      cumulativeInflation: expect.closeTo(0.02, 15),
      annualInflation: expect.closeTo(1.02 ** 63 - 1, 12),
      finalValue: expect.closeTo(1500 / 1.02, 10),
      totalReturn: expect.closeTo(1.5 / 1.02 - 1, 14),
      cagr: expect.closeTo((1.5 / 1.02) ** 63 - 1, 6),
    });
    expect(result.notes.map((note) => note.code)).toEqual(['INFLATION']);
  });
});
