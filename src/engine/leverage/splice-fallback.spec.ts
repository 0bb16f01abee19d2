import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/** OLD trades all five days; NEW starts on day 2 (2024-01-31). */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
const matrix = mergePriceSeries([
  { ticker: 'OLD', dates, prices: [50, 55, 60, 66, 60] },
  { ticker: 'NEW', dates: dates.slice(2), prices: [120, 132, 120] },
]);

describe('a young ticker filled backward by an older one: NEW?FB=OLD, capital 1000', () => {
  // Spliced on returns: before NEW's first price (120 on day 2) NEW is OLD scaled to meet it, 120 × OLD_t / 60:
  // day 0: 120 × 50 / 60 = 100, day 1: 120 × 55 / 60 = 110; from day 2 NEW's own 120, 132, 120.
  // Value 1000 × series / 100: 1000, 1100, 1200, 1320, 1200.
  const result = simulatePortfolio(
    parseCommandOrThrow('new?fb=old-L-100% 2024-01-29 2024-02-02 capital=1000').command,
    matrix,
  );

  it("uses OLD's returns before NEW's first price and NEW's own after", () => {
    const expected = [1000, 1100, 1200, 1320, 1200];
    result.nav.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 10));
  });

  it('says from which date each source was used', () => {
    expect(result.synthetics[0].sources).toEqual([
      { source: 'OLD', from: '2024-01-29', to: '2024-01-30' },
      { source: 'NEW', from: '2024-01-31', to: '2024-02-02' },
    ]);
    expect(result.notes).toEqual([
      {
        code: 'SPLICE',
        ticker: 'NEW?FB=OLD',
        message:
          'NEW?FB=OLD is spliced on returns: OLD from 2024-01-29 to 2024-01-30, then NEW from 2024-01-31 to 2024-02-02',
      },
    ]);
  });
});
