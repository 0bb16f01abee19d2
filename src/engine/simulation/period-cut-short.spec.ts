import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from './portfolio.simulator';

/**
 * A trades every weekday from Monday 2024-01-29 to Friday 2024-02-09; B stops on Wednesday 2024-01-31.
 * Asked periods beyond the data are simulated on the data, and the result says so.
 */
const dates = [
  '2024-01-29',
  '2024-01-30',
  '2024-01-31',
  '2024-02-01',
  '2024-02-02',
  '2024-02-05',
  '2024-02-06',
  '2024-02-07',
  '2024-02-08',
  '2024-02-09',
];
const matrix = mergePriceSeries([
  { ticker: 'A', dates, prices: [10, 11, 12, 12, 15, 15, 16, 16, 17, 18] },
  { ticker: 'B', dates: dates.slice(0, 3), prices: [20, 18, 20] },
]);

function run(command: string) {
  return simulatePortfolio(parseCommandOrThrow(command).command, matrix);
}

describe('a period the prices do not cover', () => {
  it('starts on the first day of the data and says which ticker limited it', () => {
    // Asked from Monday 2024-01-15: ten weekdays (Jan 15–26) have no price, more than the two tolerated.
    const result = run('A-L-100% 2024-01-15 2024-02-09');
    expect(result.dates[0]).toBe('2024-01-29');
    expect(result.warnings).toEqual([
      {
        code: 'PERIOD_STARTS_LATER',
        ticker: 'A',
        date: '2024-01-29',
        askedStart: '2024-01-15',
        askedEnd: '2024-02-09',
        simulatedStart: '2024-01-29',
        simulatedEnd: '2024-02-09',
        message:
          'the prices of A start on 2024-01-29, after the asked start 2024-01-15: the simulation starts on 2024-01-29',
      },
    ]);
    // Nothing else changes: 100 shares of A, 1000 → 1800.
    expect(result.finalNav).toBe(180000);
  });

  it('ends on the last day of the data and says which ticker lasted longest', () => {
    // Asked to Friday 2024-02-16: five weekdays (Feb 12–16) without a price.
    const result = run('A-L-100% 2024-01-29 2024-02-16');
    expect(result.dates[result.dates.length - 1]).toBe('2024-02-09');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'PERIOD_ENDS_EARLIER',
        ticker: 'A',
        date: '2024-02-09',
        simulatedEnd: '2024-02-09',
        message:
          'the prices of A stop on 2024-02-09, before the asked end 2024-02-16: the simulation ends on 2024-02-09',
      }),
    ]);
  });

  it('treats up to two weekdays without prices as holidays, not as a shorter period', () => {
    // Friday 2024-01-26 (one weekday before the data) and Tuesday 2024-02-13 (Monday and Tuesday after it).
    expect(run('A-L-100% 2024-01-26 2024-02-13').warnings).toEqual([]);
    // Wednesday 2024-02-14 is the third weekday without a price.
    expect(run('A-L-100% 2024-01-29 2024-02-14').warnings.map((warning) => warning.code)).toEqual([
      'PERIOD_ENDS_EARLIER',
    ]);
  });

  it('says when one ticker’s prices stop early and its last price is held', () => {
    // B's last price, 20 on Jan 31, is held for the seven weekdays to Feb 9.
    const result = run('A-L-50% B-L-50% 2024-01-29 2024-02-09 capital=1000');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'PRICES_END_EARLY',
        ticker: 'B',
        date: '2024-01-31',
        message: "B's prices stop on 2024-01-31: its last price is held from then to 2024-02-09",
      }),
    ]);
    // 50 A at 18 + 25 B at 20.
    expect(result.finalNav).toBe(1400);
  });
});
