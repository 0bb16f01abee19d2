import { CASH_TICKER } from '../engine/command/command.types';
import { BenchmarkMetrics, PerformanceMetrics } from '../engine/metrics/metrics.types';
import { SimulationResult } from '../engine/simulation/simulation.types';

export type Format = 'percent' | 'ratio' | 'text' | 'days';

export const ROWS: readonly [string, keyof PerformanceMetrics, Format][] = [
  ['Total return', 'totalReturn', 'percent'],
  ['CAGR', 'cagr', 'percent'],
  ['Volatility (ann.)', 'volatility', 'percent'],
  ['Sharpe', 'sharpe', 'ratio'],
  ['Sortino', 'sortino', 'ratio'],
  ['Calmar', 'calmar', 'ratio'],
  ['Max drawdown', 'maxDrawdown', 'percent'],
  ['Max drawdown peak', 'maxDrawdownPeakDate', 'text'],
  ['Max drawdown trough', 'maxDrawdownTroughDate', 'text'],
  ['Max drawdown recovery', 'maxDrawdownRecoveryDate', 'text'],
  ['Max drawdown duration', 'maxDrawdownDays', 'days'],
  ['Longest drawdown', 'longestDrawdownDays', 'days'],
  ['Ulcer index', 'ulcerIndex', 'ratio'],
  ['Best day', 'bestDay', 'percent'],
  ['Worst day', 'worstDay', 'percent'],
  ['Best month', 'bestMonth', 'percent'],
  ['Worst month', 'worstMonth', 'percent'],
  ['Best year', 'bestYear', 'percent'],
  ['Worst year', 'worstYear', 'percent'],
  ['Positive months', 'positiveMonths', 'percent'],
  ['Skew', 'skew', 'ratio'],
  ['Kurtosis (excess)', 'kurtosis', 'ratio'],
  ['VaR 95% daily (historical)', 'valueAtRisk95', 'percent'],
  ['CVaR 95% daily (historical)', 'conditionalValueAtRisk95', 'percent'],
  ['VaR 95% daily (normal)', 'parametricValueAtRisk95', 'percent'],
  ['CVaR 95% daily (normal)', 'parametricConditionalValueAtRisk95', 'percent'],
];

const BENCHMARK_ROWS: readonly [string, keyof BenchmarkMetrics, Format][] = [
  ['Beta', 'beta', 'ratio'],
  ['Alpha (ann.)', 'alpha', 'percent'],
  ['Correlation', 'correlation', 'ratio'],
  ['R²', 'rSquared', 'ratio'],
  ['Tracking error (ann.)', 'trackingError', 'percent'],
  ['Information ratio (daily)', 'informationRatio', 'ratio'],
  ['Up capture', 'upCapture', 'ratio'],
  ['Down capture', 'downCapture', 'ratio'],
];

export function formatValue(value: unknown, format: Format): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  switch (format) {
    case 'percent':
      return `${(value * 100).toFixed(2)}%`;
    case 'ratio':
      return value.toFixed(3);
    case 'days':
      return `${value} days`;
    default:
      return String(value);
  }
}

export function formatMoney(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Left column labels, right-aligned values; a benchmark column when there is one. */
export function formatMetricsTable(result: SimulationResult): string {
  const benchmark = result.benchmarkMetrics;
  const header = ['Metric', 'Portfolio', ...(benchmark ? [result.command.options.benchmark ?? 'Benchmark'] : [])];
  const rows: string[][] = ROWS.map(([label, key, format]) => [
    label,
    formatValue(result.metrics[key], format),
    ...(benchmark ? [formatValue(benchmark[key], format)] : []),
  ]);
  if (result.metrics.benchmark) {
    rows.push([`vs ${result.metrics.benchmark.ticker}`, '', ...(benchmark ? [''] : [])]);
    for (const [label, key, format] of BENCHMARK_ROWS) {
      rows.push([`  ${label}`, formatValue(result.metrics.benchmark[key], format), ...(benchmark ? [''] : [])]);
    }
  }
  if (result.moneyWeightedReturn !== null) {
    rows.push([
      'Money-weighted return (ann.)',
      formatValue(result.moneyWeightedReturn, 'percent'),
      ...(benchmark ? [''] : []),
    ]);
  }
  const real = result.realReturns;
  if (real !== null) {
    rows.push(['Real total return', formatValue(real.totalReturn, 'percent'), ...(benchmark ? [''] : [])]);
    rows.push(['Real CAGR', formatValue(real.cagr, 'percent'), ...(benchmark ? [''] : [])]);
  }
  return textTable(header, rows);
}

/** A plain-text table: the first column left-aligned, the others right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) => Math.max(header[column].length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A few sentences a person reads first. */
export function formatSummary(result: SimulationResult): string {
  const { metrics, command } = result;
  const holdings = command.positions
    .map((position) =>
      position.ticker === CASH_TICKER
        ? `${position.weightPercent}% ${position.side === 'S' ? 'borrowed' : 'cash'}`
        : `${position.ticker} ${position.weightPercent}% ${position.side === 'L' ? 'long' : 'short'}`,
    )
    .join(', ');
  const start = result.dates[0];
  const end = result.dates[result.dates.length - 1];
  // What must be read before any number comes first: depletion, a shorter period, prices held flat.
  const lines = result.warnings.map((warning) => `Warning[${warning.code}]: ${warning.message}.`);
  if (result.warnings.some((warning) => warning.code.startsWith('PERIOD_'))) {
    lines.push(`Simulated ${start} to ${end} (asked ${command.start} to ${command.end}).`);
  }
  lines.push(
    `${formatMoney(command.options.capital)} invested on ${start} in ${holdings}` +
      ` is worth ${formatMoney(result.finalNav)} on ${end}` +
      (result.netContributions !== 0 ? ` after ${formatMoney(result.netContributions)} of net contributions` : '') +
      '.',
    `Time-weighted return ${formatValue(metrics.totalReturn, 'percent')} in total, ${formatValue(metrics.cagr, 'percent')} a year` +
      ` with ${formatValue(metrics.volatility, 'percent')} volatility (Sharpe ${formatValue(metrics.sharpe, 'ratio')})` +
      (result.depletedOn ? `, counting the depletion on ${result.depletedOn} as a total loss.` : '.'),
  );
  if (metrics.maxDrawdown < 0) {
    lines.push(
      `Worst fall ${formatValue(metrics.maxDrawdown, 'percent')} from the peak of ${metrics.maxDrawdownPeakDate} to ${metrics.maxDrawdownTroughDate}, ` +
        (metrics.maxDrawdownRecoveryDate
          ? `recovered on ${metrics.maxDrawdownRecoveryDate}.`
          : 'not recovered by the end.'),
    );
  }
  if (result.totalFees > 0) lines.push(`Fees paid: ${formatMoney(result.totalFees)}.`);
  const benchmark = result.benchmarkRun;
  if (benchmark) {
    lines.push(
      `${benchmark.ticker} with the same cash flows is worth ${formatMoney(benchmark.finalNav)} on ${end}` +
        (benchmark.moneyWeightedReturn !== null
          ? ` (money-weighted ${formatValue(benchmark.moneyWeightedReturn, 'percent')} a year)`
          : '') +
        (benchmark.depletedOn ? `, depleted on ${benchmark.depletedOn}` : '') +
        '.',
    );
    // An index ticker is a price index: its dividends are not in it, while the stocks' adjusted closes include theirs.
    if (benchmark.ticker.startsWith('^')) {
      lines.push(
        `${benchmark.ticker} is a price index (price only, no dividends); the stocks' prices are total return.`,
      );
    }
  }
  // Leverage, interest, synthetic tickers, splices and real returns: what the numbers were made of.
  for (const note of result.notes) lines.push(`Note[${note.code}]: ${note.message}.`);
  return lines.join('\n');
}
