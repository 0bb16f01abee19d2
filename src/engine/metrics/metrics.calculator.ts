import { benchmarkStatistics } from './benchmark-statistics';
import { calendarStatisticsAndDailyTotals } from './calendar-statistics';
import { drawdownStatistics } from './drawdown-statistics';
import { PerformanceMetrics } from './metrics.types';
import { PERIODS_PER_YEAR } from './periods';
import { returnStatistics } from './return-statistics';
import { historicalTail, parametricTail, tailCandidates } from './tail-risk';

export { PERIODS_PER_YEAR } from './periods';

const ANNUALISE_VOLATILITY = Math.sqrt(PERIODS_PER_YEAR);

/**
 * A daily return series on a calendar. Arrays have one entry per calendar row; row 0 is the
 * start (no return), so `returns[0]` is ignored and the series is returns[1..D-1].
 */
export interface MetricsInput {
  dates: readonly string[];
  /** Calendar day numbers (days since 1970-01-01) of each row. */
  dayNumber: Int32Array;
  monthKey: Int32Array;
  year: Int32Array;
  returns: Float64Array;
  /** Annual risk-free rate as a fraction (0.02); de-annualised as (1 + rf)^(1/252) − 1. */
  riskFreeRate: number;
  benchmarkReturns?: Float64Array | null;
  benchmarkTicker?: string | null;
}

/**
 * All metrics of one return series (docs/metrics.md), as a pipeline of independent steps, each a pure function
 * over the series with its own tests: the distribution of returns, the drawdowns of the equity curve, calendar
 * months and years, the tail (historical and parametric), and the comparison with a benchmark. The ratios that
 * combine them (CAGR, Sharpe, Sortino, Calmar) are assembled here.
 */
export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const { returns, dates } = input;
  const n = returns.length - 1;
  if (n < 1) throw new RangeError('metrics need at least one daily return');
  const dailyRiskFree = dailyRate(input.riskFreeRate);

  // Three passes over the returns: calendar periods with the daily totals, the centred moments with the tail's
  // candidates, the drawdowns; then a selection among the candidates.
  const { calendar, totals } = calendarStatisticsAndDailyTotals(returns, input.monthKey, input.year, n);
  const candidates = tailCandidates(n);
  const distribution = returnStatistics(returns, n, dailyRiskFree, totals, candidates);
  const drawdowns = drawdownStatistics(returns, input.dayNumber, n);
  const { mean, std } = distribution;
  const historical = historicalTail(returns, n, candidates);
  const parametric = parametricTail(mean, std);
  const benchmark = input.benchmarkReturns
    ? benchmarkStatistics(returns, input.benchmarkReturns, n, mean, input.benchmarkTicker ?? '')
    : null;

  const years = n / PERIODS_PER_YEAR;
  const { growth, maxDrawdown } = drawdowns;
  // A product at or below zero (a depleted run) has lost everything: −100% a year, not NaN.
  const cagr = growth <= 0 ? -1 : Math.pow(growth, 1 / years) - 1;
  const excessMean = mean - dailyRiskFree;
  const { downsideDeviation } = distribution;
  const dateOf = (row: number) => (row >= 0 ? dates[row] : null);
  return {
    startDate: dates[1],
    endDate: dates[n],
    tradingDays: n,
    years,
    totalReturn: growth - 1,
    cagr,
    volatility: std * ANNUALISE_VOLATILITY,
    sharpe: std > 0 ? (excessMean / std) * ANNUALISE_VOLATILITY : Number.NaN,
    sortino: downsideDeviation > 0 ? (excessMean / downsideDeviation) * ANNUALISE_VOLATILITY : Number.NaN,
    maxDrawdown,
    maxDrawdownPeakDate: dateOf(drawdowns.peakRow),
    maxDrawdownTroughDate: dateOf(drawdowns.troughRow),
    maxDrawdownRecoveryDate: dateOf(drawdowns.recoveryRow),
    maxDrawdownDays: drawdowns.maxDrawdownDays,
    longestDrawdownDays: drawdowns.longestDrawdownDays,
    calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : Number.NaN,
    bestDay: distribution.bestDay,
    worstDay: distribution.worstDay,
    bestMonth: calendar.bestMonth,
    worstMonth: calendar.worstMonth,
    bestYear: calendar.bestYear,
    worstYear: calendar.worstYear,
    positiveMonths: calendar.positiveMonths,
    skew: distribution.skew,
    kurtosis: distribution.kurtosis,
    valueAtRisk95: historical.valueAtRisk,
    conditionalValueAtRisk95: historical.conditionalValueAtRisk,
    parametricValueAtRisk95: parametric.valueAtRisk,
    parametricConditionalValueAtRisk95: parametric.conditionalValueAtRisk,
    ulcerIndex: drawdowns.ulcerIndex,
    benchmark,
  };
}

/** QuantStats' de-annualised risk-free rate (1 + rf)^(1/252) − 1, subtracted only when rf > 0. */
export function dailyRate(annualRate: number): number {
  return annualRate > 0 ? Math.pow(1 + annualRate, 1 / PERIODS_PER_YEAR) - 1 : 0;
}
