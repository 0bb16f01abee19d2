/**
 * Performance metrics of one daily return series. Ratios are plain fractions (0.12 = 12%).
 * A metric that is undefined for the series (e.g. Sortino with no losing day) is NaN.
 * Conventions and formulas: docs/metrics.md.
 */
export interface PerformanceMetrics {
  /** First and last date of the return series (the day after the start, and the end). */
  startDate: string;
  endDate: string;
  /** Number of daily returns N. */
  tradingDays: number;
  /** N / 252. */
  years: number;
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  /** Deepest fall from a running peak (negative). */
  maxDrawdown: number;
  /** Last date at the peak before the deepest drawdown (the start date when it begins on day one). */
  maxDrawdownPeakDate: string | null;
  /** Date of the lowest point of the deepest drawdown. */
  maxDrawdownTroughDate: string | null;
  /** First date back at the peak, or null if not recovered by the end. */
  maxDrawdownRecoveryDate: string | null;
  /** QuantStats' duration: calendar days from the first to the last day under water, inclusive. */
  maxDrawdownDays: number;
  /** The longest drawdown, in the same calendar-day convention. */
  longestDrawdownDays: number;
  calmar: number;
  bestDay: number;
  worstDay: number;
  bestMonth: number;
  worstMonth: number;
  bestYear: number;
  worstYear: number;
  /** Share of calendar months with a positive compounded return, among months with a non-zero one. */
  positiveMonths: number;
  skew: number;
  /** Excess kurtosis (0 for a normal distribution). */
  kurtosis: number;
  /** Historical 95% daily VaR: the 5% quantile of daily returns (linear interpolation). */
  valueAtRisk95: number;
  /** Historical 95% daily CVaR: the mean of the returns at or below that quantile. */
  conditionalValueAtRisk95: number;
  /** QuantStats' default (variance-covariance) 95% VaR: mean + σ × Φ⁻¹(0.05). */
  parametricValueAtRisk95: number;
  /** QuantStats' default (Gaussian expected shortfall) 95% CVaR. */
  parametricConditionalValueAtRisk95: number;
  ulcerIndex: number;
  /** Against the benchmark; null without one. */
  benchmark: BenchmarkMetrics | null;
}

export interface BenchmarkMetrics {
  ticker: string;
  beta: number;
  /** QuantStats' alpha: (mean(r) − β·mean(b)) × 252, no risk-free adjustment. */
  alpha: number;
  correlation: number;
  rSquared: number;
  /** Annualised: sample standard deviation of (r − b) × √252. */
  trackingError: number;
  /** QuantStats' information ratio: mean(r − b) / std(r − b), daily, not annualised. */
  informationRatio: number;
  /** Ratio of geometric mean returns on days the benchmark rose. */
  upCapture: number;
  /** Ratio of geometric mean returns on days the benchmark fell. */
  downCapture: number;
}
