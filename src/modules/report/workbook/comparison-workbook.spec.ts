import ExcelJS from 'exceljs';
import type { ComparisonOutcome } from '../../../engine';
import { buildComparisonWorkbook, columnLetters, dailyColumn } from './comparison-workbook';

type Member = ComparisonOutcome['members'][number];

/** A member as the engine gives it, with only what the workbook reads filled in. */
function member(name: string, dates: string[], value: number[], sharpe: number): Member {
  const dailyReturn = value.map((v, i) => (i === 0 ? 0 : v / value[i - 1] - 1));
  let peak = 0;
  const drawdown = value.map((v) => {
    peak = Math.max(peak, v);
    return v / peak - 1;
  });
  return {
    name,
    command: `${name}-L-100% ${dates[0]} ${dates[dates.length - 1]}`,
    canonical: `${name}-L-100% ${dates[0]} ${dates[dates.length - 1]}`,
    asked: { start: dates[0], end: dates[dates.length - 1] },
    covered: { start: dates[0], end: dates[dates.length - 1] },
    simulated: { start: dates[0], end: dates[dates.length - 1] },
    finalValue: value[value.length - 1],
    metrics: { sharpe, cagr: 0.1 } as unknown as Member['metrics'],
    warnings: [],
    series: { dates, value, drawdown, dailyReturn },
  };
}

// Own periods: A trades 2020-01-02, 03, 06; B from the 3rd to the 7th. The union is 4 days; A has no value on the
// 7th and B none on the 2nd, so those cells stay empty. B's drawdown on the 6th: 95 / 100 − 1 (the doubles the engine computes,
// written as they are).
const outcome = {
  period: {
    mode: 'own',
    start: '2020-01-03',
    end: '2020-01-06',
    startSetBy: [1],
    endSetBy: [0],
    statement: 'each portfolio is simulated on its own period',
    notes: [],
  },
  members: [
    member('A', ['2020-01-02', '2020-01-03', '2020-01-06'], [100_000, 101_000, 102_010], 1.5),
    member('B', ['2020-01-03', '2020-01-06', '2020-01-07'], [100_000, 95_000, 96_900], 0.5),
  ],
  correlation: {
    commonDates: 2,
    observations: 1,
    matrix: [
      [1, null],
      [null, 1],
    ],
  },
  best: [{ metric: 'sharpe', direction: 'higher', members: [0], value: 1.5 }],
} as ComparisonOutcome;

describe('the comparison workbook', () => {
  it('names spreadsheet columns as Excel does', () => {
    expect([1, 26, 27, 31, 52, 53, 702, 703].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AE',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    // Member 9 (the tenth) has its value in column 2 + 27 = 29 (AC), its drawdown in 31 (AE).
    expect([dailyColumn(0, 'value'), dailyColumn(9, 'value'), dailyColumn(9, 'drawdown')]).toEqual([2, 29, 31]);
  });

  it('writes the members on the union of their days, empty where a member has no day', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(await buildComparisonWorkbook(outcome, new Date(0))).buffer);
    const daily = workbook.getWorksheet('Daily')!;
    const rows = [2, 3, 4, 5].map((n) => (daily.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [new Date('2020-01-02T00:00:00Z'), 100_000, 0, 0],
      [new Date('2020-01-03T00:00:00Z'), 101_000, 101_000 / 100_000 - 1, 0, 100_000, 0, 0],
      [
        new Date('2020-01-06T00:00:00Z'),
        102_010,
        102_010 / 101_000 - 1,
        0,
        95_000,
        95_000 / 100_000 - 1,
        95_000 / 100_000 - 1,
      ],
      [
        new Date('2020-01-07T00:00:00Z'),
        undefined,
        undefined,
        undefined,
        96_900,
        96_900 / 95_000 - 1,
        96_900 / 100_000 - 1,
      ],
    ]);
    const summary = workbook.getWorksheet('Summary')!;
    let sharpeRow: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Sharpe ratio') sharpeRow = row;
    });
    expect((sharpeRow!.values as unknown[]).slice(1)).toEqual(['Sharpe ratio', 1.5, 0.5, 'A']);
    expect((sharpeRow!.getCell(2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE2EFDA');
    expect((sharpeRow!.getCell(3).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    const correlation = workbook.getWorksheet('Correlation')!;
    expect((correlation.getRow(2).values as unknown[]).slice(1)).toEqual(['A', 1]);
    expect((correlation.getRow(3).values as unknown[]).slice(1)).toEqual(['B', undefined, 1]);
  });
});
