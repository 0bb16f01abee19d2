import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ComparisonOutcome } from '../../../engine';
import { addLineCharts, type LineChartSpec } from './chart-parts';
import { excelDate, type Format, METRIC_ROWS, NUM_FMT, numberOrNull, styleHeader } from './report-workbook';

export const COMPARISON_SHEETS = ['Summary', 'Daily', 'Correlation', 'Charts'] as const;

/** The three columns each member has on the Daily sheet, in order. */
export const COMPARISON_DAILY_COLUMNS = ['value', 'daily return', 'drawdown'] as const;

const PCT = '0.00%';
const MONEY = '#,##0.00';
const DATE = 'yyyy-mm-dd';
const BEST_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
/** One colour per member (at most 10), the same on both charts. */
const MEMBER_COLOURS = [
  '1F4E79',
  'C55A11',
  '548235',
  '7030A0',
  'BF9000',
  'C00000',
  '2E75B6',
  '833C0B',
  '00B0F0',
  '7F7F7F',
];
/**
 * How long the writer runs before it lets other work in: a 10-member, 33-year workbook is about a second of CPU,
 * and the event loop must keep answering other requests meanwhile.
 */
const SLICE_MS = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `yieldToEventLoop` once `SLICE_MS` have passed since the last time it did. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}

/** A spreadsheet column's letters from its 1-based number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The Daily sheet's column (1-based) of a member's value, daily return or drawdown. */
export const dailyColumn = (member: number, what: (typeof COMPARISON_DAILY_COLUMNS)[number]): number =>
  2 + member * 3 + COMPARISON_DAILY_COLUMNS.indexOf(what);

/**
 * The comparison workbook: Summary (the members side by side, metrics in rows, the best of each ranked row
 * marked), Daily (every member's value, daily return and drawdown on the union of their days), Correlation (the
 * matrix of daily returns) and Charts (the values and the drawdowns overlaid, native Excel line charts reading the
 * Daily sheet). Written with exceljs' streaming writer in slices of a few milliseconds, yielding to the event loop
 * between them, so a large workbook built on a request does not hold other requests up.
 */
export async function buildComparisonWorkbook(outcome: ComparisonOutcome, generatedAt: Date): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 6 } },
  });
  workbook.creator = 'PortoFino';
  workbook.created = generatedAt;
  const pause = slicer();

  writeSummary(
    workbook.addWorksheet('Summary', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }),
    outcome,
    generatedAt,
  );
  const days = await writeDaily(
    workbook.addWorksheet('Daily', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }),
    outcome,
    pause,
  );
  writeCorrelation(
    workbook.addWorksheet('Correlation', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }),
    outcome,
  );
  const charts = workbook.addWorksheet('Charts');
  charts.getColumn(1).width = 12;
  charts.addRow(['Charts read their data from the Daily sheet.']).commit();
  charts.commit();
  await workbook.commit();
  await finished;
  await yieldToEventLoop();
  return addLineCharts(Buffer.concat(chunks), 'Charts', chartSpecs(outcome, days));
}

/** The two overlaid charts: every member's value, every member's drawdown. */
function chartSpecs(outcome: ComparisonOutcome, days: string[]): LineChartSpec[] {
  const last = days.length + 1;
  const spanYears = days.length > 0 ? Number(days[days.length - 1].slice(0, 4)) - Number(days[0].slice(0, 4)) + 1 : 1;
  const dateLabels: LineChartSpec['dateLabels'] =
    spanYears <= 3 ? { every: 3, unit: 'months' } : { every: Math.ceil(spanYears / 12), unit: 'years' };
  const seriesOf = (what: 'value' | 'drawdown') =>
    outcome.members.map((_, index) => {
      const column = columnLetters(dailyColumn(index, what));
      return {
        name: `'Daily'!$${column}$1`,
        values: `'Daily'!$${column}$2:$${column}$${last}`,
        colour: MEMBER_COLOURS[index % MEMBER_COLOURS.length],
      };
    });
  const categories = `'Daily'!$A$2:$A$${last}`;
  return [
    {
      title: 'Portfolio values',
      categories,
      series: seriesOf('value'),
      valueFormat: '#,##0',
      dateLabels,
      from: { col: 0, row: 2 },
      to: { col: 16, row: 26 },
    },
    {
      title: 'Drawdowns',
      categories,
      series: seriesOf('drawdown'),
      valueFormat: '0%',
      dateLabels,
      from: { col: 0, row: 28 },
      to: { col: 16, row: 48 },
    },
  ];
}

interface SummaryRow {
  values: unknown[];
  format?: Format;
  bold?: boolean;
  /** Columns (1-based) holding a best value of the row. */
  best?: number[];
}

/** The comparison's facts, then every member side by side: its command, period, final value and metrics. */
function writeSummary(sheet: ExcelJS.Worksheet, outcome: ComparisonOutcome, generatedAt: Date): void {
  const { members, period } = outcome;
  const names = members.map((member) => member.name);
  const best = new Map(outcome.best.map((one) => [one.metric, one.members]));
  const rows: SummaryRow[] = [
    { values: ['Comparison', names.join(' vs ')] },
    { values: ['Period', period.statement] },
    ...period.notes.map((note) => ({ values: ['Note', note.message] })),
    ...members.flatMap((member) =>
      member.warnings.map((warning) => ({ values: [`Warning (${member.name})`, warning.message] })),
    ),
    { values: ['Generated at (UTC)', generatedAt.toISOString().replace('T', ' ').slice(0, 19)] },
    { values: [] },
    { values: ['Members', ...names, 'Best'], bold: true },
    { values: ['Command', ...members.map((member) => member.command)] },
    {
      values: ['Period simulated', ...members.map((member) => `${member.simulated.start} to ${member.simulated.end}`)],
    },
    { values: ['Final value', ...members.map((member) => numberOrNull(member.finalValue))], format: 'money' },
    ...METRIC_ROWS.map(({ key, label, format }) => {
      const winners = best.get(key) ?? [];
      const values = members.map((member) => {
        const value = (member.metrics as unknown as Record<string, unknown>)[key];
        return format === 'text' ? (typeof value === 'string' ? value : '') : numberOrNull(value);
      });
      return {
        values: [label, ...values, winners.map((index) => names[index]).join(', ')],
        format,
        best: winners.map((index) => index + 2),
      };
    }),
  ];
  sheet.columns = [
    { key: 'label', width: 38 },
    ...names.map((name) => ({ key: name, width: Math.max(16, Math.min(40, name.length + 4)) })),
    { key: 'best', width: 24 },
  ];
  const header = sheet.addRow(['Item', ...names, 'Best']);
  styleHeader(header);
  header.commit();
  const bestFont: Partial<ExcelJS.Font> = { bold: true };
  for (const { values, format, bold, best: bestColumns } of rows) {
    const row = sheet.addRow(values);
    const numFmt = format ? NUM_FMT[format] : undefined;
    if (numFmt) for (let c = 2; c <= names.length + 1; c += 1) row.getCell(c).numFmt = numFmt;
    if (bold) row.font = { bold: true };
    for (const column of bestColumns ?? []) {
      row.getCell(column).fill = BEST_FILL;
      row.getCell(column).font = bestFont;
    }
    row.commit();
  }
  sheet.commit();
}

/**
 * One row per day any member has (the union: with `period: own` the members' days differ), each member's value,
 * daily return and drawdown, empty on a day it does not have. Returns the days written.
 */
async function writeDaily(
  sheet: ExcelJS.Worksheet,
  outcome: ComparisonOutcome,
  pause: () => Promise<void>,
): Promise<string[]> {
  const { members } = outcome;
  const days = unionOfDays(members.map((member) => member.series.dates));
  await pause();
  const headers = [
    'Date',
    ...members.flatMap((member) => COMPARISON_DAILY_COLUMNS.map((what) => `${member.name} ${what}`)),
  ];
  sheet.columns = headers.map((header, index) => ({
    key: String(index),
    width: index === 0 ? 12 : Math.max(12, Math.min(40, header.length + 2)),
  }));
  // One frozen style object per column, shared by its cells (exceljs caches a style's id by object).
  const styles: Partial<ExcelJS.Style>[] = headers.map((_, index) =>
    Object.freeze({ numFmt: index === 0 ? DATE : (index - 1) % 3 === 0 ? MONEY : PCT }),
  );
  const header = sheet.getRow(1);
  header.values = headers;
  styleHeader(header);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: days.length + 1, column: headers.length } };

  // Each member's dates are sorted: one cursor per member walks them alongside the union.
  const cursors = members.map(() => 0);
  const values: (number | null)[] = new Array<number | null>(headers.length);
  for (const day of days) {
    values[0] = excelDate(day);
    members.forEach((member, m) => {
      const { series } = member;
      const at = cursors[m];
      const has = series.dates[at] === day;
      values[1 + m * 3] = has ? numberOrNull(series.value[at]) : null;
      values[2 + m * 3] = has ? numberOrNull(series.dailyReturn[at]) : null;
      values[3 + m * 3] = has ? numberOrNull(series.drawdown[at]) : null;
      if (has) cursors[m] = at + 1;
    });
    const row = sheet.addRow(values);
    for (let c = 0; c < styles.length; c += 1) row.getCell(c + 1).style = styles[c];
    row.commit();
    await pause();
  }
  sheet.commit();
  return days;
}

/** Every day any member has, in order; on the common period (the usual case) simply the members' own days. */
function unionOfDays(dates: readonly (readonly string[])[]): string[] {
  const [first = [], ...others] = dates;
  const same = others.every((own) => own.length === first.length && own.every((day, index) => day === first[index]));
  return same ? [...first] : [...new Set(dates.flat())].sort();
}

/** The correlation matrix of the members' daily returns, as the API gives it (empty where undefined). */
function writeCorrelation(sheet: ExcelJS.Worksheet, outcome: ComparisonOutcome): void {
  const names = outcome.members.map((member) => member.name);
  const { matrix, commonDates, observations } = outcome.correlation;
  sheet.columns = [
    { key: 'member', width: 24 },
    ...names.map((name) => ({ key: name, width: Math.max(12, Math.min(40, name.length + 2)) })),
  ];
  const header = sheet.addRow(['Correlation of daily returns', ...names]);
  styleHeader(header);
  header.commit();
  names.forEach((name, i) => {
    const row = sheet.addRow([name, ...matrix[i].map((value) => numberOrNull(value))]);
    for (let c = 2; c <= names.length + 1; c += 1) row.getCell(c).numFmt = '0.000';
    row.commit();
  });
  sheet.addRow([]).commit();
  sheet
    .addRow([
      `Pearson correlations of the members' daily returns on the ${commonDates} dates every member has ` +
        `(${observations} returns); empty where undefined (a constant series).`,
    ])
    .commit();
  sheet.commit();
}
