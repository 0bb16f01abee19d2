import { parseCommand } from './command.parser';

const POSITIONS = 'AAPL-L-100%';

function errorsOf(text: string) {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected errors for ${text}`);
  return result.errors.map((error) => [error.code, error.column, error.message, error.hint]);
}

describe('start and end dates', () => {
  it('reads the first date as the start and the second as the end', () => {
    const result = parseCommand(`${POSITIONS} 1999-12-31 2000-02-29`);
    expect(result.ok && [result.command.start, result.command.end]).toEqual(['1999-12-31', '2000-02-29']);
  });

  it('reports dates not written YYYY-MM-DD, suggesting the ISO spelling', () => {
    expect(errorsOf(`${POSITIONS} 2020/1/5 31.12.2021`)).toEqual([
      ['DATE_INVALID', 13, '2020/1/5: dates are written YYYY-MM-DD (column 13)', 'write 2020-01-05'],
      [
        'DATE_INVALID',
        22,
        '31.12.2021: dates are written YYYY-MM-DD (column 22)',
        'write the year first with four digits, then month and day with two: YYYY-MM-DD',
      ],
    ]);
  });

  it('reports dates that are not on the calendar', () => {
    expect(errorsOf(`${POSITIONS} 2021-02-29 2021-13-01`)).toEqual([
      ['DATE_INVALID', 13, '2021-02-29: 2021-02-29 is not a calendar date (column 13)', '2021-02 has 28 days'],
      [
        'DATE_INVALID',
        24,
        '2021-13-01: 2021-13-01 is not a calendar date (column 24)',
        'the month is between 01 and 12',
      ],
    ]);
  });

  it('reports years outside 1900-2100', () => {
    expect(errorsOf(`${POSITIONS} 1899-12-31 2101-01-01`)).toEqual([
      ['DATE_OUT_OF_RANGE', 13, '1899-12-31: year 1899 is outside 1900-2100 (column 13)', 'check the year'],
      ['DATE_OUT_OF_RANGE', 24, '2101-01-01: year 2101 is outside 1900-2100 (column 24)', 'check the year'],
    ]);
  });

  it('requires the start before the end', () => {
    expect(errorsOf(`${POSITIONS} 2023-01-01 2020-01-01`)).toEqual([
      [
        'DATE_ORDER',
        24,
        '2020-01-01: the end date is not after the start date 2023-01-01 (column 24)',
        'swap them: 2020-01-01 2023-01-01',
      ],
    ]);
    expect(errorsOf(`${POSITIONS} 2020-01-01 2020-01-01`)).toEqual([
      [
        'DATE_ORDER',
        24,
        '2020-01-01: the end date is not after the start date 2020-01-01 (column 24)',
        'use a later end date',
      ],
    ]);
  });

  it('reports missing dates at the end of the command', () => {
    expect(errorsOf(POSITIONS)).toEqual([
      [
        'MISSING_DATE',
        12,
        'missing start and end dates (column 12)',
        'add two dates after the positions, e.g. 2020-01-01 2023-01-01',
      ],
    ]);
    expect(errorsOf(`${POSITIONS} 2020-01-01  `)).toEqual([
      ['MISSING_DATE', 23, 'missing end date (column 23)', 'add the end date after the start date, e.g. 2023-01-01'],
    ]);
  });

  it('reports every date after the second', () => {
    expect(errorsOf(`${POSITIONS} 2020-01-01 2021-01-01 2022-01-01 2023-01-01`)).toEqual([
      [
        'EXTRA_DATE',
        35,
        '2022-01-01: a command has exactly two dates (column 35)',
        'remove this date; the first date is the start, the second the end',
      ],
      [
        'EXTRA_DATE',
        46,
        '2023-01-01: a command has exactly two dates (column 46)',
        'remove this date; the first date is the start, the second the end',
      ],
    ]);
  });
});
