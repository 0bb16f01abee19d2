import type { PerformanceMetrics } from '../metrics/metrics.types';
import type { BestOfMetric, MetricDirection } from './comparison.types';

type RankedMetric = {
  [K in keyof PerformanceMetrics]: PerformanceMetrics[K] extends number ? K : never;
}[keyof PerformanceMetrics];

/**
 * Which way is better for each metric a comparison ranks. Drawdowns, worst periods and VaR are negative returns:
 * the higher (closer to zero) the better. Metrics with no better side (trading days, skew, kurtosis) are not ranked.
 */
export const METRIC_DIRECTIONS: Readonly<Partial<Record<RankedMetric, MetricDirection>>> = Object.freeze({
  totalReturn: 'higher',
  cagr: 'higher',
  volatility: 'lower',
  sharpe: 'higher',
  sortino: 'higher',
  maxDrawdown: 'higher',
  maxDrawdownDays: 'lower',
  longestDrawdownDays: 'lower',
  calmar: 'higher',
  bestDay: 'higher',
  worstDay: 'higher',
  bestMonth: 'higher',
  worstMonth: 'higher',
  bestYear: 'higher',
  worstYear: 'higher',
  positiveMonths: 'higher',
  valueAtRisk95: 'higher',
  conditionalValueAtRisk95: 'higher',
  parametricValueAtRisk95: 'higher',
  parametricConditionalValueAtRisk95: 'higher',
  ulcerIndex: 'lower',
});

/**
 * The best member of each ranked metric (in METRIC_DIRECTIONS' order), from each member's metrics (missing, null
 * or non-finite values take no part). Equal best values are all listed; a metric no member has is left out.
 */
export function bestMembers(
  metrics: readonly Partial<Record<string, number | null>>[],
  directions: Readonly<Partial<Record<string, MetricDirection>>> = METRIC_DIRECTIONS,
): BestOfMetric[] {
  const best: BestOfMetric[] = [];
  for (const [metric, direction] of Object.entries(directions)) {
    if (!direction) continue;
    let value: number | null = null;
    let members: number[] = [];
    metrics.forEach((one, member) => {
      const candidate = one[metric];
      if (typeof candidate !== 'number' || !Number.isFinite(candidate)) return;
      const better = value === null || (direction === 'higher' ? candidate > value : candidate < value);
      if (better) {
        value = candidate;
        members = [member];
      } else if (candidate === value) members.push(member);
    });
    if (value !== null) best.push({ metric, direction, members, value });
  }
  return best;
}
