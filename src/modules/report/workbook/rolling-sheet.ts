import type ExcelJS from 'exceljs';
import {
  analyseSeries,
  DEFAULT_OPTIONS,
  DEFAULT_ROLLING_WINDOWS,
  parseCommand,
  rollingValueAt,
  RollingSeries,
  RollingWindowMetrics,
} from '../../../engine';
import type { SimulationSeries } from '../../history/simulation-series.codec';
import { excelDate } from './excel-date';

const PCT = '0.00%';
const RATIO = '0.00';
const DATE = 'yyyy-mm-dd';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/** What the Rolling sheet reads: the stored series and the command (for its risk-free rate). */
export interface RollingSheetContent {
  canonical: string;
  series: SimulationSeries;
  benchmarkTicker: string | null;
}

/** A window's name in words: 126 → "6m", 252 → "12m", 756 → "36m", any other length in trading days. */
export function windowLabel(window: number): string {
  return window % 21 === 0 ? `${window / 21}m` : `${window}d`;
}

interface RollingColumn {
  header: string;
  format: string;
  series: RollingSeries;
  metrics: RollingWindowMetrics;
}

function columnsOf(
  window: RollingWindowMetrics,
  benchmark: RollingWindowMetrics | null,
  benchmarkName: string,
): RollingColumn[] {
  const label = windowLabel(window.window);
  const of = (header: string, format: string, series: RollingSeries, metrics: RollingWindowMetrics) => ({
    header: `${label} ${header}`,
    format,
    series,
    metrics,
  });
  return [
    of(window.window > 252 ? 'return (annualised)' : 'return', PCT, window.return, window),
    of('volatility', PCT, window.volatility, window),
    of('Sharpe', RATIO, window.sharpe, window),
    of('Sortino', RATIO, window.sortino, window),
    of('max drawdown', PCT, window.maxDrawdown, window),
    ...(window.beta && window.correlation
      ? [of('beta', RATIO, window.beta, window), of('correlation', RATIO, window.correlation, window)]
      : []),
    ...(benchmark
      ? [
          of(`${benchmarkName} return`, PCT, benchmark.return, benchmark),
          of(`${benchmarkName} volatility`, PCT, benchmark.volatility, benchmark),
          of(`${benchmarkName} Sharpe`, RATIO, benchmark.sharpe, benchmark),
        ]
      : []),
  ];
}

/** Rows of the last trading day of each month (and the last day of the series). */
function monthEndRows(dates: readonly string[]): number[] {
  const rows: number[] = [];
  for (let row = 0; row < dates.length; row++) {
    if (row === dates.length - 1 || dates[row].slice(0, 7) !== dates[row + 1].slice(0, 7)) rows.push(row);
  }
  return rows;
}

/**
 * The Rolling sheet: the 6-, 12- and 36-month rolling metrics (return, volatility, Sharpe, Sortino, max drawdown,
 * beta and correlation with a benchmark, and the benchmark's own return, volatility and Sharpe) on the last trading
 * day of each month — a value for every window ending then, from the engine's computeRollingMetrics over the daily
 * series. Month ends keep the sheet to ~400 rows for 33 years (daily values are in the API and the tearsheet).
 */
export function writeRollingSheet(
  sheet: ExcelJS.Worksheet,
  content: RollingSheetContent,
  windows: readonly number[] = DEFAULT_ROLLING_WINDOWS,
): void {
  const { series } = content;
  const parsed = parseCommand(content.canonical);
  const options = parsed.ok ? parsed.command.options : DEFAULT_OPTIONS;
  const analysis = analyseSeries(
    {
      dates: series.dates,
      dailyReturn: series.dailyReturn,
      drawdown: series.drawdown,
      benchmarkCloses: series.benchmark,
      riskFreeRate: options.riskFreePercent / 100,
    },
    { windows },
  );
  const benchmarkName = content.benchmarkTicker ?? 'benchmark';
  const columns = analysis.rolling.windows.flatMap((window, index) =>
    columnsOf(window, analysis.benchmarkRolling?.windows[index] ?? null, benchmarkName),
  );
  sheet.columns = [
    { key: 'date', width: 12, style: { numFmt: DATE } },
    ...columns.map((column, index) => ({
      key: String(index),
      width: Math.max(10, column.header.length + 2),
      style: { numFmt: column.format },
    })),
  ];
  const header = sheet.getRow(1);
  header.values = ['Month end', ...columns.map((column) => column.header)];
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  header.commit();

  const shortest = Math.min(...windows);
  for (const row of monthEndRows(series.dates)) {
    if (row < shortest) continue;
    const date = series.dates[row];
    sheet
      .addRow([
        excelDate(date),
        ...columns.map(({ series: values, metrics }) => {
          const i = row - metrics.firstRow;
          return i >= 0 && i < metrics.count ? rollingValueAt(values, i) : null;
        }),
      ])
      .commit();
  }
  sheet.commit();
}
