import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { StoredSummary, TradeRow } from '../../history/history.types';
import type { SimulationSeries } from '../../history/simulation-series.codec';
import { addLineCharts, LineChartSpec } from './chart-parts';
import { excelDate } from './excel-date';
import { computeDrawdownEpisodes } from '../../../engine';
import { calendarReturns, yearlyPriceReturns } from './period-returns';
import { writeRollingSheet } from './rolling-sheet';

/** Everything a report shows: the simulation as submitted and its stored result. */
export interface ReportContent {
  simulationId: string;
  command: string;
  canonical: string;
  startDate: string;
  endDate: string;
  /** Every option as the command language writes it (formatOptions), defaults marked. */
  options: { name: string; value: string; isDefault: boolean }[];
  metrics: { portfolio: Record<string, unknown>; benchmark: Record<string, unknown> | null };
  summary: StoredSummary;
  series: SimulationSeries;
  trades: readonly TradeRow[];
  benchmarkTicker: string | null;
  generatedAt: Date;
}

export const SHEETS = ['Summary', 'Daily', 'Monthly', 'Annual', 'Drawdowns', 'Rolling', 'Trades', 'Charts'] as const;

export const TRADE_HEADERS = ['Date', 'Ticker', 'Side', 'Shares', 'Price', 'Value', 'Fee', 'Reason'] as const;

export const DAILY_FIXED_HEADERS = [
  'Date',
  'Portfolio value',
  'Daily return',
  'Cumulative return',
  'Drawdown',
  'Benchmark close',
  'Benchmark value (same cash flows)',
] as const;

export const MONTH_HEADERS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const PCT = '0.00%';
const RATIO = '0.00';
const MONEY = '#,##0.00';
const DATE = 'yyyy-mm-dd';
const WEIGHT = '0.00%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

export type Format = 'pct' | 'ratio' | 'int' | 'date' | 'money' | 'text';
export const NUM_FMT: Record<Format, string | undefined> = {
  pct: PCT,
  ratio: RATIO,
  int: '0',
  date: undefined,
  money: MONEY,
  text: undefined,
};

/** Every metric of docs/metrics.md, in the order an analyst reads them, with its format. */
export const METRIC_ROWS: readonly { key: string; label: string; format: Format }[] = [
  { key: 'startDate', label: 'First return date', format: 'text' },
  { key: 'endDate', label: 'Last return date', format: 'text' },
  { key: 'tradingDays', label: 'Trading days', format: 'int' },
  { key: 'years', label: 'Years (days / 252)', format: 'ratio' },
  { key: 'totalReturn', label: 'Total return', format: 'pct' },
  { key: 'cagr', label: 'CAGR', format: 'pct' },
  { key: 'volatility', label: 'Volatility (annualised)', format: 'pct' },
  { key: 'sharpe', label: 'Sharpe ratio', format: 'ratio' },
  { key: 'sortino', label: 'Sortino ratio', format: 'ratio' },
  { key: 'maxDrawdown', label: 'Max drawdown', format: 'pct' },
  { key: 'maxDrawdownPeakDate', label: 'Max drawdown peak', format: 'text' },
  { key: 'maxDrawdownTroughDate', label: 'Max drawdown trough', format: 'text' },
  { key: 'maxDrawdownRecoveryDate', label: 'Max drawdown recovery', format: 'text' },
  { key: 'maxDrawdownDays', label: 'Max drawdown duration (calendar days)', format: 'int' },
  { key: 'longestDrawdownDays', label: 'Longest drawdown (calendar days)', format: 'int' },
  { key: 'calmar', label: 'Calmar ratio', format: 'ratio' },
  { key: 'bestDay', label: 'Best day', format: 'pct' },
  { key: 'worstDay', label: 'Worst day', format: 'pct' },
  { key: 'bestMonth', label: 'Best month', format: 'pct' },
  { key: 'worstMonth', label: 'Worst month', format: 'pct' },
  { key: 'bestYear', label: 'Best year', format: 'pct' },
  { key: 'worstYear', label: 'Worst year', format: 'pct' },
  { key: 'positiveMonths', label: 'Positive months', format: 'pct' },
  { key: 'skew', label: 'Skew', format: 'ratio' },
  { key: 'kurtosis', label: 'Excess kurtosis', format: 'ratio' },
  { key: 'valueAtRisk95', label: 'Daily VaR 95% (historical)', format: 'pct' },
  { key: 'conditionalValueAtRisk95', label: 'Daily CVaR 95% (historical)', format: 'pct' },
  { key: 'parametricValueAtRisk95', label: 'Daily VaR 95% (parametric)', format: 'pct' },
  { key: 'parametricConditionalValueAtRisk95', label: 'Daily CVaR 95% (parametric)', format: 'pct' },
  { key: 'ulcerIndex', label: 'Ulcer index', format: 'ratio' },
];

/** Statistics of the portfolio against its benchmark (metrics.portfolio.benchmark). */
export const RELATIVE_METRIC_ROWS: readonly { key: string; label: string; format: Format }[] = [
  { key: 'beta', label: 'Beta', format: 'ratio' },
  { key: 'alpha', label: 'Alpha (annualised)', format: 'pct' },
  { key: 'correlation', label: 'Correlation', format: 'ratio' },
  { key: 'rSquared', label: 'R²', format: 'ratio' },
  { key: 'trackingError', label: 'Tracking error (annualised)', format: 'pct' },
  { key: 'informationRatio', label: 'Information ratio (daily)', format: 'ratio' },
  { key: 'upCapture', label: 'Up capture', format: 'ratio' },
  { key: 'downCapture', label: 'Down capture', format: 'ratio' },
];

/** The summary's money figures, in the order the Results section lists them. */
type SummaryMoneyField = 'initialCapital' | 'finalValue' | 'netContributions' | 'totalFees' | 'moneyWeightedReturn';

const SUMMARY_ROWS: readonly { key: SummaryMoneyField; label: string; format: Format }[] = [
  { key: 'initialCapital', label: 'Initial capital', format: 'money' },
  { key: 'finalValue', label: 'Final value', format: 'money' },
  { key: 'netContributions', label: 'Net contributions', format: 'money' },
  { key: 'totalFees', label: 'Total fees', format: 'money' },
  { key: 'moneyWeightedReturn', label: 'Money-weighted return (annualised)', format: 'pct' },
];

/** What the prices of a series measure, in words. */
const KIND_WORDS: Record<string, string> = { 'total-return': 'total return', 'price-only': 'price only' };

// Where the workbook's sheets and tests have read it from.
export { excelDate };

/** A number cell when finite; empty otherwise (a metric undefined for the series is stored as null). */
export const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * A weight as the API serves it: stored as float32, so printed to its 7 significant digits (0.05, not the
 * float64 widening 0.05000000074505806, whose extra digits are noise and, over 170,000 cells, 700 KB).
 */
function storedWeight(value: number): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(7)) : null;
}

/** The house header: white bold text on the dark blue fill. */
export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
}

/** Column widths that fit the longest text of each column (numbers count as 12 characters). */
export function fitColumns(sheet: ExcelJS.Worksheet, rows: unknown[][], min = 8, max = 80): void {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, index) => {
      const length = typeof value === 'string' ? value.length : value === null || value === undefined ? 0 : 12;
      widths[index] = Math.max(widths[index] ?? min, Math.min(max, length + 2));
    });
  }
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
}

export type ProgressCallback = (phase: string, percent: number) => Promise<void>;

/**
 * Writes the report workbook (Summary, Daily, Monthly, Annual, Drawdowns, Rolling, Trades, Charts) with exceljs' streaming
 * writer — each daily row is committed as it is written, so a 33-year series never sits in memory as cell
 * objects — then adds the native line charts to the package (see chart-parts.ts). Every value is a number
 * cell holding the stored result's own double; formats only change how Excel shows it.
 */
export async function buildReportWorkbook(content: ReportContent, progress?: ProgressCallback): Promise<Buffer> {
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
  workbook.created = content.generatedAt;

  const { series } = content;
  const days = series.dates.length;
  const hasBenchmark = series.benchmark !== null;

  writeSummary(workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] }), content);
  await progress?.('writing daily rows', 20);
  writeDaily(workbook.addWorksheet('Daily', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), content);
  await progress?.('writing monthly and annual returns', 60);
  writeMonthly(workbook.addWorksheet('Monthly', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), content);
  writeAnnual(workbook.addWorksheet('Annual', { views: [{ state: 'frozen', ySplit: 1 }] }), content);
  writeDrawdowns(workbook.addWorksheet('Drawdowns', { views: [{ state: 'frozen', ySplit: 1 }] }), content);
  writeRollingSheet(workbook.addWorksheet('Rolling', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }), content);
  writeTrades(workbook.addWorksheet('Trades', { views: [{ state: 'frozen', ySplit: 1 }] }), content.trades);
  const charts = workbook.addWorksheet('Charts');
  charts.getColumn(1).width = 12;
  charts.addRow(['Charts read their data from the Daily sheet.']).commit();
  charts.commit();
  await workbook.commit();
  await finished;

  await progress?.('drawing charts', 80);
  const last = days + 1;
  // About a dozen labels on the date axis, whatever the period.
  const spanYears = days > 0 ? Number(series.dates[days - 1].slice(0, 4)) - Number(series.dates[0].slice(0, 4)) + 1 : 1;
  const dateLabels: LineChartSpec['dateLabels'] =
    spanYears <= 3 ? { every: 3, unit: 'months' } : { every: Math.ceil(spanYears / 12), unit: 'years' };
  const valueSeries = [
    { name: `'Daily'!$B$1`, values: `'Daily'!$B$2:$B$${last}`, colour: '1F4E79' },
    ...(hasBenchmark ? [{ name: `'Daily'!$G$1`, values: `'Daily'!$G$2:$G$${last}`, colour: 'C55A11' }] : []),
  ];
  const specs: LineChartSpec[] = [
    {
      title: hasBenchmark
        ? `Portfolio value vs ${content.benchmarkTicker} with the same cash flows`
        : 'Portfolio value',
      categories: `'Daily'!$A$2:$A$${last}`,
      series: valueSeries,
      valueFormat: '#,##0',
      dateLabels,
      from: { col: 0, row: 2 },
      to: { col: 14, row: 24 },
    },
    {
      title: 'Drawdown',
      categories: `'Daily'!$A$2:$A$${last}`,
      series: [{ name: `'Daily'!$E$1`, values: `'Daily'!$E$2:$E$${last}`, colour: 'C00000' }],
      valueFormat: '0%',
      dateLabels,
      from: { col: 0, row: 26 },
      to: { col: 14, row: 44 },
    },
  ];
  return addLineCharts(Buffer.concat(chunks), 'Charts', specs);
}

/** A warning as stored: the engine's structured one, or the plain text older results kept. */
function warningCells(warning: unknown): string[] {
  if (typeof warning === 'string') return ['Warning', warning];
  const { code, message } = (warning ?? {}) as { code?: unknown; message?: unknown };
  return [typeof code === 'string' ? code : 'Warning', typeof message === 'string' ? message : JSON.stringify(warning)];
}

/** One row of the Summary sheet: its cells, the number format of the cells after the first, and bold or not. */
interface SummaryRow {
  values: unknown[];
  format?: Format;
  bold: boolean;
}

const line = (values: unknown[], format?: Format): SummaryRow => ({ values, format, bold: false });
const heading = (values: unknown[]): SummaryRow => ({ values, bold: true });
const BLANK_LINE: SummaryRow = line([]);

/** How the Summary names a series: its ticker with what its prices measure ("IDX (price only)"). */
type SeriesLabel = (ticker: string | null) => string;

/**
 * The Summary sheet: the report's facts and warnings, the options, the data sources, the results, every metric
 * beside the benchmark's, and the statistics against the benchmark, each section built by its own step.
 */
function writeSummary(sheet: ExcelJS.Worksheet, content: ReportContent): void {
  const facts = content.summary;
  const kinds = new Map((facts.dataSources ?? []).map((one) => [one.ticker, KIND_WORDS[one.kind] ?? one.kind]));
  const seriesLabel: SeriesLabel = (ticker) =>
    kinds.has(ticker ?? '') ? `${ticker} (${kinds.get(ticker ?? '')})` : (ticker ?? 'Benchmark');
  const benchmarkColumn = content.metrics.benchmark ? [`Benchmark: ${seriesLabel(content.benchmarkTicker)}`] : [];
  // Rows are gathered first: the streaming writer emits column widths with the first row.
  const rows = [
    ...reportFactRows(content, facts),
    ...warningRows(facts.warnings ?? []),
    ...noteRows(facts.notes ?? []),
    ...optionRows(content.options),
    ...dataSourceRows(content, facts.sources ?? {}, kinds),
    ...resultRows(content.summary, facts.benchmark, seriesLabel),
    ...interestAndRealRows(facts, facts.simulatedStart ?? content.series.dates[0]),
    ...metricRows(content, seriesLabel),
    ...relativeMetricRows(content, seriesLabel),
  ];
  writeSummaryRows(sheet, ['Item', 'Portfolio', ...benchmarkColumn], rows);
}

/** What was simulated, when and from which command. */
function reportFactRows(content: ReportContent, facts: StoredSummary): SummaryRow[] {
  const dates = content.series.dates;
  const simulatedStart = facts.simulatedStart ?? dates[0];
  const simulatedEnd = facts.simulatedEnd ?? dates[dates.length - 1];
  return [
    heading(['Report']),
    line(['Simulation id', content.simulationId]),
    line(['Command', content.command]),
    line(['Canonical form', content.canonical]),
    line(['Period requested', `${content.startDate} to ${content.endDate}`]),
    line(['Period simulated', `${simulatedStart} to ${simulatedEnd}`]),
    ...(facts.depletedOn ? [line(['Depleted on', facts.depletedOn])] : []),
    line(['Trading days in the series', dates.length], 'int'),
    line(['Generated at (UTC)', content.generatedAt.toISOString().replace('T', ' ').slice(0, 19)]),
  ];
}

/** Before any number: what the person must know to read them (nothing without a warning). */
function warningRows(warnings: readonly unknown[]): SummaryRow[] {
  if (warnings.length === 0) return [];
  return [BLANK_LINE, heading(['Warnings']), ...warnings.map((warning) => line(warningCells(warning)))];
}

/** What the engine did that the numbers do not show (synthetic tickers built, borrowing costs, splices). */
function noteRows(notes: readonly { code: string; message: string }[]): SummaryRow[] {
  if (notes.length === 0) return [];
  return [BLANK_LINE, heading(['Notes']), ...notes.map((note) => line([note.code, note.message]))];
}

function optionRows(options: ReportContent['options']): SummaryRow[] {
  return [
    BLANK_LINE,
    heading(['Options', 'As written']),
    ...options.map((option) => line([option.name, option.isDefault ? `${option.value} (default)` : option.value])),
  ];
}

/** Each ticker's source, what its prices measure, and the dates it covers (the benchmark's own first and last). */
function dataSourceRows(
  content: ReportContent,
  sources: Record<string, string>,
  kinds: ReadonlyMap<string, string>,
): SummaryRow[] {
  const dates = content.series.dates;
  const whole = { from: dates[0], to: dates[dates.length - 1] };
  const benchmarkPrices = content.series.benchmark;
  return [
    BLANK_LINE,
    heading(['Data sources', 'Source', 'Prices', 'From', 'To']),
    ...Object.entries(sources).map(([ticker, source]) => {
      const { from, to } =
        ticker === content.benchmarkTicker && benchmarkPrices ? pricedSpan(benchmarkPrices, dates) : whole;
      return line([ticker, source, kinds.get(ticker) ?? '', from, to]);
    }),
  ];
}

/** The first and last dates with a finite price (the first date when none has one). */
function pricedSpan(prices: Float64Array, dates: readonly string[]): { from: string; to: string } {
  const first = prices.findIndex((price) => Number.isFinite(price));
  let last = prices.length - 1;
  while (last > 0 && !Number.isFinite(prices[last])) last -= 1;
  return { from: dates[Math.max(0, first)], to: dates[last] };
}

/** Capital, final value, flows and fees, and the benchmark invested with the same cash flows. */
function resultRows(
  summary: StoredSummary,
  benchmark: StoredSummary['benchmark'],
  seriesLabel: SeriesLabel,
): SummaryRow[] {
  const rows = [
    BLANK_LINE,
    heading(['Results']),
    ...SUMMARY_ROWS.map(({ key, label, format }) => line([label, numberOrNull(summary[key])], format)),
  ];
  if (benchmark) {
    const label = seriesLabel(benchmark.ticker);
    rows.push(line([`${label}: final value with the same cash flows`, numberOrNull(benchmark.finalValue)], 'money'));
    rows.push(line([`${label}: money-weighted return`, numberOrNull(benchmark.moneyWeightedReturn)], 'pct'));
    if (benchmark.depletedOn) rows.push(line([`${label}: depleted on`, benchmark.depletedOn]));
  }
  return rows;
}

/** Still under Results: interest on cash and loans, and the result in money of the first day (inflation=). */
function interestAndRealRows(facts: StoredSummary, simulatedStart: string): SummaryRow[] {
  const rows: SummaryRow[] = [];
  if (facts.cashInterest) {
    rows.push(line(['Interest earned on cash', numberOrNull(facts.cashInterest.earned)], 'money'));
    rows.push(line(['Interest paid on loans', numberOrNull(facts.cashInterest.paid)], 'money'));
  }
  const real = facts.realReturns;
  if (real) {
    rows.push(line([`Inflation over the period (${real.inflation})`, numberOrNull(real.cumulativeInflation)], 'pct'));
    rows.push(line([`Real final value (money of ${simulatedStart})`, numberOrNull(real.finalValue)], 'money'));
    rows.push(line(['Real total return', numberOrNull(real.totalReturn)], 'pct'));
    rows.push(line(['Real CAGR', numberOrNull(real.cagr)], 'pct'));
  }
  return rows;
}

/** Every metric of the portfolio, with the benchmark's beside it when there is one. */
function metricRows(content: ReportContent, seriesLabel: SeriesLabel): SummaryRow[] {
  const { portfolio, benchmark } = content.metrics;
  return [
    BLANK_LINE,
    heading(['Metrics', 'Portfolio', ...(benchmark ? [seriesLabel(content.benchmarkTicker)] : [])]),
    ...METRIC_ROWS.map(({ key, label, format }) => {
      const value = (source: Record<string, unknown>) =>
        format === 'text' ? ((source[key] as string | null) ?? '') : numberOrNull(source[key]);
      return line([label, value(portfolio), ...(benchmark ? [value(benchmark)] : [])], format);
    }),
  ];
}

/** Beta, alpha, capture and the rest against the benchmark (nothing without one). */
function relativeMetricRows(content: ReportContent, seriesLabel: SeriesLabel): SummaryRow[] {
  const relative = content.metrics.portfolio.benchmark as Record<string, unknown> | null | undefined;
  if (!relative) return [];
  return [
    BLANK_LINE,
    heading([`Against ${seriesLabel(content.benchmarkTicker)}`]),
    ...RELATIVE_METRIC_ROWS.map(({ key, label, format }) => line([label, numberOrNull(relative[key])], format)),
  ];
}

/** The styled header, then each row with its number format on the cells after the label, committed as written. */
function writeSummaryRows(sheet: ExcelJS.Worksheet, headers: string[], rows: readonly SummaryRow[]): void {
  fitColumns(sheet, [headers, ...rows.map((row) => row.values)], 10, 70);
  const header = sheet.addRow(headers);
  styleHeader(header);
  header.commit();
  for (const { values, format, bold } of rows) {
    const row = sheet.addRow(values);
    const numFmt = format ? NUM_FMT[format] : undefined;
    if (numFmt) for (let c = 2; c <= values.length; c += 1) row.getCell(c).numFmt = numFmt;
    if (bold) row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
}

/** Every trade: buys and sells in absolute shares and value, the fee and why it happened. */
function writeTrades(sheet: ExcelJS.Worksheet, trades: readonly TradeRow[]): void {
  const formats = [DATE, undefined, undefined, '#,##0.000000', MONEY, MONEY, MONEY, undefined];
  sheet.columns = TRADE_HEADERS.map((header, index) => ({
    key: String(index),
    width: index === 0 ? 12 : Math.max(12, header.length + 2),
  }));
  // Shared style objects, and none on the text columns: fewer cells to style.
  const styled = formats.flatMap((numFmt, index) =>
    numFmt ? [{ column: index + 1, style: Object.freeze({ numFmt }) }] : [],
  );
  const header = sheet.getRow(1);
  header.values = [...TRADE_HEADERS];
  styleHeader(header);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: trades.length + 1, column: TRADE_HEADERS.length } };
  for (const trade of trades) {
    const row = sheet.addRow([
      excelDate(trade.date),
      trade.ticker,
      trade.shares >= 0 ? 'buy' : 'sell',
      Math.abs(trade.shares),
      trade.price,
      Math.abs(trade.value),
      trade.fee,
      trade.reason ?? '',
    ]);
    for (const { column, style } of styled) row.getCell(column).style = style;
    row.commit();
  }
  sheet.commit();
}

function writeDaily(sheet: ExcelJS.Worksheet, content: ReportContent): void {
  const { series } = content;
  const assets = [...series.tickers, 'CASH'];
  const headers = [...DAILY_FIXED_HEADERS, ...assets.map((ticker) => `Weight ${ticker}`)];
  const formats = [DATE, MONEY, PCT, PCT, PCT, MONEY, MONEY, ...assets.map(() => WEIGHT)];
  sheet.columns = headers.map((header, index) => ({
    key: String(index),
    width: index === 0 ? 12 : Math.max(12, header.length + 2),
  }));
  // One style object per column, shared by its cells: exceljs caches a style's id by object, so sharing
  // saves serialising a style for each of the ~230,000 cells of a 33-year, 20-asset report.
  const styles: Partial<ExcelJS.Style>[] = formats.map((numFmt) => Object.freeze({ numFmt }));
  const header = sheet.getRow(1);
  header.values = headers;
  styleHeader(header);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: series.dates.length + 1, column: headers.length } };

  const benchmark = series.benchmark;
  // The benchmark as an investment with the portfolio's cash flows; results stored before it was kept show
  // the closes rebased to the portfolio's first value instead.
  const benchmarkValue = series.benchmarkValue;
  const firstBenchmark = benchmark ? benchmark.find((price) => Number.isFinite(price)) : undefined;
  const rebase = benchmark && firstBenchmark !== undefined ? series.nav[0] / firstBenchmark : NaN;
  const columns = assets.length;
  const values: (number | null)[] = new Array<number | null>(headers.length);
  for (let i = 0; i < series.dates.length; i += 1) {
    values[0] = excelDate(series.dates[i]);
    values[1] = numberOrNull(series.nav[i]);
    values[2] = numberOrNull(series.dailyReturn[i]);
    values[3] = numberOrNull(series.cumulativeReturn[i]);
    values[4] = numberOrNull(series.drawdown[i]);
    values[5] = benchmark ? numberOrNull(benchmark[i]) : null;
    values[6] = benchmarkValue
      ? numberOrNull(benchmarkValue[i])
      : benchmark
        ? numberOrNull(benchmark[i] * rebase)
        : null;
    for (let c = 0; c < columns; c += 1) values[7 + c] = storedWeight(series.weights[i * columns + c]);
    const row = sheet.addRow(values);
    for (let c = 0; c < styles.length; c += 1) row.getCell(c + 1).style = styles[c];
    row.commit();
  }
  sheet.commit();
}

function writeMonthly(sheet: ExcelJS.Worksheet, content: ReportContent): void {
  const years = calendarReturns(content.series.dates, content.series.dailyReturn);
  sheet.columns = ['Year', ...MONTH_HEADERS, 'Year total'].map((_, index) => ({
    key: String(index),
    width: index === 0 ? 8 : 10,
    style: index === 0 ? {} : { numFmt: PCT },
  }));
  const header = sheet.getRow(1);
  header.values = ['Year', ...MONTH_HEADERS, 'Year total'];
  styleHeader(header);
  header.commit();
  for (const year of years) {
    const row = sheet.addRow([year.year, ...year.months.map((value) => numberOrNull(value)), year.total]);
    row.getCell(14).font = { bold: true };
    row.commit();
  }
  if (years.length > 0) {
    const colourScale = (ref: string): ExcelJS.ConditionalFormattingOptions => ({
      ref,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'num', value: 0 }, { type: 'max' }],
          color: [{ argb: 'FFF8696B' }, { argb: 'FFFFFFFF' }, { argb: 'FF63BE7B' }],
        },
      ],
    });
    sheet.addConditionalFormatting(colourScale(`B2:M${years.length + 1}`));
    sheet.addConditionalFormatting(colourScale(`N2:N${years.length + 1}`));
  }
  sheet.commit();
}

function writeAnnual(sheet: ExcelJS.Worksheet, content: ReportContent): void {
  const { series } = content;
  const years = calendarReturns(series.dates, series.dailyReturn);
  const benchmark = series.benchmark ? yearlyPriceReturns(series.dates, series.benchmark) : null;
  const headers = ['Year', 'Portfolio', ...(benchmark ? [content.benchmarkTicker ?? 'Benchmark', 'Difference'] : [])];
  sheet.columns = headers.map((header, index) => ({
    key: String(index),
    width: Math.max(12, header.length + 2),
    style: index === 0 ? {} : { numFmt: PCT },
  }));
  const header = sheet.getRow(1);
  header.values = headers;
  styleHeader(header);
  header.commit();
  for (const year of years) {
    const versus = benchmark?.get(year.year);
    sheet
      .addRow([
        year.year,
        year.total,
        ...(benchmark ? [numberOrNull(versus), versus === undefined ? null : year.total - versus] : []),
      ])
      .commit();
  }
  sheet.commit();
}

/** The ten deepest drawdown episodes, from the engine's computeDrawdownEpisodes (the API's and the tearsheet's). */
function writeDrawdowns(sheet: ExcelJS.Worksheet, content: ReportContent): void {
  const { episodes } = computeDrawdownEpisodes({ dates: content.series.dates, drawdown: content.series.drawdown });
  const headers = [
    'Rank',
    'Start',
    'Trough',
    'Recovery',
    'Depth',
    'Length (trading days)',
    'To trough (trading days)',
    'Recovery (trading days)',
    'Under water (calendar days)',
  ];
  const formats = ['0', DATE, DATE, DATE, PCT, '0', '0', '0', '0'];
  sheet.columns = headers.map((header, index) => ({
    key: String(index),
    width: Math.max(12, header.length + 2),
    style: { numFmt: formats[index] },
  }));
  const header = sheet.getRow(1);
  header.values = headers;
  styleHeader(header);
  header.commit();
  episodes.forEach((episode, index) => {
    sheet
      .addRow([
        index + 1,
        excelDate(episode.peakDate),
        excelDate(episode.troughDate),
        episode.recoveryDate ? excelDate(episode.recoveryDate) : 'not recovered',
        episode.depth,
        episode.tradingDays,
        episode.tradingDaysToTrough,
        episode.tradingDaysToRecovery,
        episode.underwaterDays,
      ])
      .commit();
  });
  sheet.commit();
}
