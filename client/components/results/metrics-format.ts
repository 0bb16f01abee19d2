import type { PerformanceMetrics, Schemas } from '../../lib/api/client';
import { formatInteger, formatPercent, formatRatio, formatSignedPercent } from '../../lib/format/numbers';

export type RelativeMetrics = Schemas['RelativeMetricsDto'];

/** How a metric reads: a share, a signed return, a ratio, a count of days, a day. */
export type MetricFormat = 'percent' | 'return' | 'ratio' | 'precise' | 'days' | 'count' | 'years' | 'day';

export interface MetricField<Key extends string> {
  key: Key;
  label: string;
  format: MetricFormat;
  /** What the number means, when the label alone could mislead. */
  hint?: string;
  /** What a missing value means, when it means something ("not recovered"); otherwise a dash. */
  missing?: string;
}

type PortfolioKey = Exclude<keyof PerformanceMetrics, 'benchmark'>;
type RelativeKey = Exclude<keyof RelativeMetrics, 'ticker'>;

export interface MetricGroup {
  title: string;
  fields: MetricField<PortfolioKey>[];
}

/** Every field of PerformanceMetricsDto, grouped as an investor reads them (docs/metrics.md has the formulas). */
export const METRIC_GROUPS: MetricGroup[] = [
  {
    title: 'Period',
    fields: [
      { key: 'startDate', label: 'First day with a return', format: 'day' },
      { key: 'endDate', label: 'Last day', format: 'day' },
      { key: 'tradingDays', label: 'Trading days', format: 'count', hint: 'number of daily returns' },
      { key: 'years', label: 'Years', format: 'years', hint: 'trading days ÷ 252' },
    ],
  },
  {
    title: 'Returns',
    fields: [
      { key: 'totalReturn', label: 'Total return', format: 'return' },
      { key: 'cagr', label: 'CAGR', format: 'percent', hint: 'compound annual growth rate' },
      { key: 'bestDay', label: 'Best day', format: 'return' },
      { key: 'worstDay', label: 'Worst day', format: 'return' },
      { key: 'bestMonth', label: 'Best month', format: 'return' },
      { key: 'worstMonth', label: 'Worst month', format: 'return' },
      { key: 'bestYear', label: 'Best year', format: 'return' },
      { key: 'worstYear', label: 'Worst year', format: 'return' },
      { key: 'positiveMonths', label: 'Positive months', format: 'percent', hint: 'share of months that gained' },
    ],
  },
  {
    title: 'Risk',
    fields: [
      { key: 'volatility', label: 'Volatility', format: 'percent', hint: 'annualised' },
      { key: 'sharpe', label: 'Sharpe ratio', format: 'ratio' },
      { key: 'sortino', label: 'Sortino ratio', format: 'ratio' },
      { key: 'calmar', label: 'Calmar ratio', format: 'ratio', hint: 'CAGR ÷ |max drawdown|' },
      { key: 'valueAtRisk95', label: 'Value at risk 95%', format: 'return', hint: 'historical, daily' },
      { key: 'conditionalValueAtRisk95', label: 'Expected shortfall 95%', format: 'return', hint: 'historical, daily' },
      { key: 'parametricValueAtRisk95', label: 'Value at risk 95% (normal)', format: 'return', hint: 'daily' },
      {
        key: 'parametricConditionalValueAtRisk95',
        label: 'Expected shortfall 95% (normal)',
        format: 'return',
        hint: 'daily',
      },
    ],
  },
  {
    title: 'Drawdowns',
    fields: [
      { key: 'maxDrawdown', label: 'Max drawdown', format: 'percent', hint: 'deepest fall from a running peak' },
      { key: 'maxDrawdownPeakDate', label: 'Max drawdown peak', format: 'day' },
      { key: 'maxDrawdownTroughDate', label: 'Max drawdown trough', format: 'day' },
      { key: 'maxDrawdownRecoveryDate', label: 'Max drawdown recovery', format: 'day', missing: 'not recovered' },
      { key: 'maxDrawdownDays', label: 'Max drawdown length', format: 'days', hint: 'calendar days under water' },
      { key: 'longestDrawdownDays', label: 'Longest drawdown', format: 'days', hint: 'calendar days' },
      { key: 'ulcerIndex', label: 'Ulcer index', format: 'precise' },
    ],
  },
  {
    title: 'Distribution',
    fields: [
      { key: 'skew', label: 'Skew', format: 'precise', hint: 'of daily returns' },
      { key: 'kurtosis', label: 'Excess kurtosis', format: 'precise', hint: 'of daily returns' },
    ],
  },
];

/** How the portfolio moved with the benchmark (metrics.portfolio.benchmark). */
export const RELATIVE_FIELDS: MetricField<RelativeKey>[] = [
  { key: 'beta', label: 'Beta', format: 'ratio' },
  { key: 'alpha', label: 'Alpha', format: 'return', hint: 'annualised' },
  { key: 'correlation', label: 'Correlation', format: 'ratio' },
  { key: 'rSquared', label: 'R²', format: 'ratio' },
  { key: 'trackingError', label: 'Tracking error', format: 'percent', hint: 'annualised' },
  { key: 'informationRatio', label: 'Information ratio', format: 'precise', hint: 'daily, not annualised' },
  { key: 'upCapture', label: 'Up capture', format: 'ratio' },
  { key: 'downCapture', label: 'Down capture', format: 'ratio' },
];

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A `YYYY-MM-DD` day in the person's locale ("9 Oct 2007"), read as a calendar day (no time zone shift). */
export function formatDay(day: string | null | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '—';
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** A metric's value as text (not for `day`, which renders a <time>). */
export function formatMetric(value: number | string | null | undefined, format: MetricFormat): string {
  if (format === 'day') return formatDay(typeof value === 'string' ? value : null);
  const number = typeof value === 'number' ? value : null;
  switch (format) {
    case 'percent':
      return formatPercent(number);
    case 'return':
      return formatSignedPercent(number);
    case 'ratio':
      return formatRatio(number);
    case 'precise':
      return formatRatio(number, 3);
    case 'years':
      return formatRatio(number, 1);
    case 'count':
      return formatInteger(number);
    case 'days':
      return number === null || !Number.isFinite(number) ? '—' : `${formatInteger(number)} days`;
  }
}
