import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/** U goes up 10%, down 10%, up 10% on consecutive days: 100, 110, 99, 108.9. */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01'];
const matrix = mergePriceSeries([{ ticker: 'U', dates, prices: [100, 110, 99, 108.9] }]);

describe('a 2× daily-reset synthetic over an up-down-up path, no costs: U?L=2&E=0&SP=0, capital 1000', () => {
  // Daily returns of U: +10%, −10%, +10%; doubled and reset daily: +20%, −20%, +20%.
  // Value 1000 → 1200 → 960 → 1152: +15.2%, while U gained 8.9% (2 × 8.9% = 17.8%: the daily reset
  // loses on the round trip, 1.2 × 0.8 = 0.96). Nothing is borrowed in the portfolio: the fund is levered.
  const result = simulatePortfolio(
    parseCommandOrThrow('U?L=2&E=0&SP=0-L-100% 2024-01-29 2024-02-01 capital=1000').command,
    matrix,
  );

  it('doubles each daily return', () => {
    expect(result.tickers).toEqual(['U?L=2&E=0&SP=0']);
    const expected = [1000, 1200, 960, 1152];
    result.nav.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 9));
    expect(result.metrics.totalReturn).toBeCloseTo(0.152, 12);
  });

  it('says what the synthetic is and that its financing base rate is 0 without cash=', () => {
    expect(result.synthetics).toEqual([
      {
        ticker: 'U?L=2&E=0&SP=0',
        base: 'U',
        leverage: 2,
        expensePercent: 0,
        spreadPercent: 0,
        baseRate: { kind: 'constant', percent: 0 },
        fallback: null,
        sources: [{ source: 'U', from: '2024-01-29', to: '2024-02-01' }],
      },
    ]);
    expect(result.notes.map((note) => note.code)).toEqual(['SYNTHETIC']);
    expect(result.notes[0].message).toContain("2× U's daily return, reset daily");
    expect(result.notes[0].message).toContain('a base rate of 0% (no cash= rate given');
  });
});
