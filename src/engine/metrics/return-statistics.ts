/**
 * The distribution of the daily returns r_1 … r_N (`returns[1..n]`; row 0 has no return): mean, sample
 * standard deviation, bias-corrected skew and excess kurtosis, best and worst day, and the downside deviation
 * of the excess returns r − rf_d over all N (QuantStats' Sortino). Two passes: the sum, then the centred
 * moments, summed in row order (docs/metrics.md, "Floating point").
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

export function returnStatistics(returns: Float64Array, n: number, dailyRiskFree: number): ReturnStatistics {
  let sum = 0;
  let bestDay = Number.NEGATIVE_INFINITY;
  let worstDay = Number.POSITIVE_INFINITY;
  for (let t = 1; t <= n; t++) {
    const r = returns[t];
    sum += r;
    if (r > bestDay) bestDay = r;
    if (r < worstDay) worstDay = r;
  }
  const mean = sum / n;

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
  }
  return {
    mean,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN,
    downsideDeviation: Math.sqrt(downsideSquares / n),
    skew: sampleSkew(n, m2, m3),
    kurtosis: sampleExcessKurtosis(n, m2, m4),
    bestDay,
    worstDay,
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
