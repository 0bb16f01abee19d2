import type { DailyTotals } from './calendar-statistics';
import type { TailCandidates } from './tail-risk';

/**
 * The distribution of the daily returns r_1 … r_N (`returns[1..n]`; row 0 has no return): mean, sample
 * standard deviation, bias-corrected skew and excess kurtosis, best and worst day, and the downside deviation
 * of the excess returns r − rf_d over all N (QuantStats' Sortino). From the daily totals (summed in row order by
 * the calendar pass), then one pass for the centred moments, summed in row order (docs/metrics.md,
 * "Floating point").
 */
export interface ReturnStatistics {
  mean: number;
  /** Sample standard deviation (ddof 1); NaN for a single return. */
  std: number;
  /** √(Σ min(r − rf_d, 0)² / N). */
  downsideDeviation: number;
  skew: number;
  kurtosis: number;
  bestDay: number;
  worstDay: number;
}

/**
 * The distribution; the moments' pass also gathers into `tail` the returns at or below mean − σ̃ (σ̃ the population
 * standard deviation from the raw totals: it only chooses which returns historicalTail searches first, so its
 * rounding changes no result).
 */
export function returnStatistics(
  returns: Float64Array,
  n: number,
  dailyRiskFree: number,
  totals: DailyTotals,
  tail: TailCandidates,
): ReturnStatistics {
  const mean = totals.sum / n;
  const roughStd = Math.sqrt(Math.max(0, totals.sumOfSquares / n - mean * mean));
  const tailLimit = mean - roughStd;
  const candidates = tail.values;
  let candidateCount = 0;

  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let downsideSquares = 0;
  for (let t = 1; t <= n; t++) {
    const r = returns[t];
    const d = r - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
    // Branch-free: about half the days are below rf, in no predictable order; adding 0 changes no bit.
    const shortfall = Math.min(r - dailyRiskFree, 0);
    downsideSquares += shortfall * shortfall;
    if (r <= tailLimit) candidates[candidateCount++] = r;
  }
  tail.count = candidateCount;
  return {
    mean,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN,
    downsideDeviation: Math.sqrt(downsideSquares / n),
    skew: sampleSkew(n, m2, m3),
    kurtosis: sampleExcessKurtosis(n, m2, m4),
    bestDay: totals.bestDay,
    worstDay: totals.worstDay,
  };
}

/** Bias-corrected sample skewness G1, as pandas' Series.skew(); 0 without dispersion. */
export function sampleSkew(n: number, m2: number, m3: number): number {
  if (n < 3) return Number.NaN;
  if (m2 === 0) return 0;
  return ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** Bias-corrected sample excess kurtosis G2, as pandas' Series.kurtosis(); 0 without dispersion. */
export function sampleExcessKurtosis(n: number, m2: number, m4: number): number {
  if (n < 4) return Number.NaN;
  if (m2 === 0) return 0;
  const numerator = n * (n + 1) * (n - 1) * m4;
  const denominator = (n - 2) * (n - 3) * m2 * m2;
  const adjustment = (3 * (n - 1) * (n - 1)) / ((n - 2) * (n - 3));
  return numerator / denominator - adjustment;
}
