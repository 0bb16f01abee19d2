import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/** Wednesday to the next Monday: 1, 1 and 3 calendar days between closes. */
const dates = ['2024-01-31', '2024-02-01', '2024-02-02', '2024-02-05'];
const matrix = mergePriceSeries([{ ticker: 'U', dates, prices: [100, 110, 99, 108.9] }]);

describe('a 2× synthetic paying financing at the cash= rate plus a spread, and an expense ratio', () => {
  // U?L=2&E=0.73&SP=0.4 with cash=3.2%: per calendar day the borrowed L − 1 = 1 costs (3.2% + 0.4%) / 360
  // = 0.0001 (actual/360) and the expense ratio 0.73% / 365 = 0.00002 (actual/365): 0.00012 a day.
  //   day 1 (1 day):  2 × 10%  − 0.00012 =  0.19988
  //   day 2 (1 day):  2 × −10% − 0.00012 = −0.20012
  //   day 3 (3 days): 2 × 10%  − 0.00036 =  0.19964
  // Value 1000 × 1.19988 × 0.79988 × 1.19964. The portfolio's own cash is 0, so cash= earns nothing there.
  const command = parseCommandOrThrow('U?L=2&E=0.73&SP=0.4-L-100% 2024-01-31 2024-02-05 capital=1000 cash=3.2%');
  const result = simulatePortfolio(command.command, matrix);

  it('is written in its canonical form (SP=0.4 is the default)', () => {
    expect(command.canonical).toBe('U?L=2&E=0.73-L-100% 2024-01-31 2024-02-05 capital=1000 cash=3.2%');
  });

  it('charges financing on the borrowed part and the expense ratio by calendar days', () => {
    const expected = [1000, 1000 * 1.19988, 1000 * 1.19988 * 0.79988, 1000 * 1.19988 * 0.79988 * 1.19964];
    result.nav.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 9));
    expect(result.dailyReturn[3]).toBeCloseTo(0.19964, 12);
  });

  it('names the base rate it used: the cash= rate', () => {
    expect(result.synthetics[0].baseRate).toEqual({ kind: 'constant', percent: 3.2 });
    const note = result.notes.find((one) => one.code === 'SYNTHETIC');
    expect(note?.message).toBe(
      "U?L=2&E=0.73 is 2× U's daily return, reset daily, minus an expense ratio of 0.73% a year and the financing " +
        'of the borrowed 100% at the cash= rate of 3.2% a year + a spread of 0.4% a year, actual/360',
    );
  });
});
