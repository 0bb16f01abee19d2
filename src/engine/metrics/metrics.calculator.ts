import { BenchmarkMetrics, PerformanceMetrics } from './metrics.types';

/** Trading days per year, for annualising (QuantStats' default). */
export const PERIODS_PER_YEAR = 252;
/** Φ⁻¹(0.05), the standard normal 5% quantile (scipy.stats.norm.ppf(0.05)). */
const NORMAL_QUANTILE_05 = -1.6448536269514729;
const NORMAL_DENSITY_AT_QUANTILE_05 = Math.exp(-0.5 * NORMAL_QUANTILE_05 * NORMAL_QUANTILE_05) / Math.sqrt(2 * Math.PI);
const TAIL = 0.05;

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

let selectionScratch = new Float64Array(0);

/** All metrics of one return series, in a few tight passes (see docs/metrics.md). */
export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const { returns, dayNumber, monthKey, year, dates } = input;
  const rows = returns.length;
  const n = rows - 1;
  if (n < 1) throw new RangeError('metrics need at least one daily return');

  // Pass 1: compounding, drawdowns (QuantStats' equity 1 + (Π(1+r) − 1), baseline 1 at row 0),
  // best and worst day, calendar month and year returns.
  let sum = 0;
  let rawSquares = 0;
  let growth = 1;
  let peak = 1;
  let bestDay = Number.NEGATIVE_INFINITY;
  let worstDay = Number.POSITIVE_INFINITY;
  let maxDrawdown = 0;
  let ulcerSquares = 0;
  let inDrawdown = false;
  let periodStart = 0;
  let periodMin = 0;
  let periodValley = 0;
  let worstStart = -1;
  let worstValley = -1;
  let worstEnd = -1;
  let worstPeriodMin = 0;
  let worstRecovered = false;
  let longestDays = 0;
  let monthGrowth = 1;
  let yearGrowth = 1;
  let bestMonth = Number.NEGATIVE_INFINITY;
  let worstMonth = Number.POSITIVE_INFINITY;
  let bestYear = Number.NEGATIVE_INFINITY;
  let worstYear = Number.POSITIVE_INFINITY;
  let positiveMonthCount = 0;
  let nonZeroMonthCount = 0;

  for (let t = 1; t <= n; t++) {
    const r = returns[t];
    sum += r;
    rawSquares += r * r;
    if (r > bestDay) bestDay = r;
    if (r < worstDay) worstDay = r;
    growth *= 1 + r;
    const equity = 1 + (growth - 1);
    // At or above the running peak the drawdown is exactly 0: skip the division.
    let drawdown = 0;
    if (equity >= peak) peak = equity;
    else drawdown = equity / peak - 1;
    if (drawdown < maxDrawdown) maxDrawdown = drawdown;
    ulcerSquares += drawdown * drawdown;
    if (drawdown < 0) {
      if (!inDrawdown) {
        inDrawdown = true;
        periodStart = t;
        periodMin = drawdown;
        periodValley = t;
      } else if (drawdown < periodMin) {
        periodMin = drawdown;
        periodValley = t;
      }
    } else if (inDrawdown) {
      // Back at the peak: the period ran from periodStart to the day before (QuantStats' "end").
      inDrawdown = false;
      const days = dayNumber[t - 1] - dayNumber[periodStart] + 1;
      if (days > longestDays) longestDays = days;
      if (periodMin < worstPeriodMin) {
        worstPeriodMin = periodMin;
        worstStart = periodStart;
        worstValley = periodValley;
        worstEnd = t - 1;
        worstRecovered = true;
      }
    }

    monthGrowth *= 1 + r;
    yearGrowth *= 1 + r;
    if (t === n || monthKey[t + 1] !== monthKey[t]) {
      const monthReturn = monthGrowth - 1;
      if (monthReturn > bestMonth) bestMonth = monthReturn;
      if (monthReturn < worstMonth) worstMonth = monthReturn;
      if (monthReturn !== 0) nonZeroMonthCount++;
      if (monthReturn > 0) positiveMonthCount++;
      monthGrowth = 1;
    }
    if (t === n || year[t + 1] !== year[t]) {
      const yearReturn = yearGrowth - 1;
      if (yearReturn > bestYear) bestYear = yearReturn;
      if (yearReturn < worstYear) worstYear = yearReturn;
      yearGrowth = 1;
    }
  }
  if (inDrawdown) {
    const days = dayNumber[n] - dayNumber[periodStart] + 1;
    if (days > longestDays) longestDays = days;
    if (periodMin < worstPeriodMin) {
      worstStart = periodStart;
      worstValley = periodValley;
      worstEnd = n;
      worstRecovered = false;
    }
  }

  const mean = sum / n;
  const dailyRiskFree = input.riskFreeRate > 0 ? Math.pow(1 + input.riskFreeRate, 1 / PERIODS_PER_YEAR) - 1 : 0;

  // Pass 2: centred moments, the downside deviation of excess returns, and the candidates for the
  // 5% tail: returns below mean − σ/2 (σ roughly, from raw sums), which nearly always hold it.
  if (selectionScratch.length < n) selectionScratch = new Float64Array(n);
  const candidates = selectionScratch;
  const roughStd = Math.sqrt(Math.max(0, rawSquares / n - mean * mean));
  const candidateLimit = mean - 0.5 * roughStd;
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
    const excess = r - dailyRiskFree;
    if (excess < 0) downsideSquares += excess * excess;
    if (r <= candidateLimit) candidates[candidateCount++] = r;
  }
  const std = n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN;
  const excessMean = mean - dailyRiskFree;
  const downside = Math.sqrt(downsideSquares / n);

  const totalReturn = growth - 1;
  const years = n / PERIODS_PER_YEAR;
  // A product at or below zero (a depleted run) has lost everything: −100% a year, not NaN.
  const cagr = growth <= 0 ? -1 : Math.pow(growth, 1 / years) - 1;
  const { quantile, tailMean } = historicalTail(returns, n, candidateCount);

  const peakRow = worstStart > 0 ? worstStart - 1 : -1;
  return {
    startDate: dates[1],
    endDate: dates[n],
    tradingDays: n,
    years,
    totalReturn,
    cagr,
    volatility: std * Math.sqrt(PERIODS_PER_YEAR),
    sharpe: std > 0 ? (excessMean / std) * Math.sqrt(PERIODS_PER_YEAR) : Number.NaN,
    sortino: downside > 0 ? (excessMean / downside) * Math.sqrt(PERIODS_PER_YEAR) : Number.NaN,
    maxDrawdown,
    maxDrawdownPeakDate: peakRow >= 0 ? dates[peakRow] : null,
    maxDrawdownTroughDate: worstValley > 0 ? dates[worstValley] : null,
    maxDrawdownRecoveryDate: worstStart > 0 && worstRecovered ? dates[worstEnd + 1] : null,
    maxDrawdownDays: worstStart > 0 ? dayNumber[worstEnd] - dayNumber[worstStart] + 1 : 0,
    longestDrawdownDays: longestDays,
    calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : Number.NaN,
    bestDay,
    worstDay,
    bestMonth,
    worstMonth,
    bestYear,
    worstYear,
    positiveMonths: nonZeroMonthCount > 0 ? positiveMonthCount / nonZeroMonthCount : 0,
    skew: sampleSkew(n, m2, m3),
    kurtosis: sampleExcessKurtosis(n, m2, m4),
    valueAtRisk95: quantile,
    conditionalValueAtRisk95: tailMean,
    parametricValueAtRisk95: mean + std * NORMAL_QUANTILE_05,
    parametricConditionalValueAtRisk95: std > 0 ? mean - (std * NORMAL_DENSITY_AT_QUANTILE_05) / TAIL : mean,
    ulcerIndex: n > 1 ? Math.sqrt(ulcerSquares / (n - 1)) : Number.NaN,
    benchmark: input.benchmarkReturns
      ? benchmarkMetrics(returns, input.benchmarkReturns, n, mean, input.benchmarkTicker ?? '')
      : null,
  };
}

/** Bias-corrected sample skewness G1, as pandas' Series.skew(). */
function sampleSkew(n: number, m2: number, m3: number): number {
  if (n < 3) return Number.NaN;
  if (m2 === 0) return 0;
  return ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** Bias-corrected sample excess kurtosis G2, as pandas' Series.kurtosis(). */
function sampleExcessKurtosis(n: number, m2: number, m4: number): number {
  if (n < 4) return Number.NaN;
  if (m2 === 0) return 0;
  const numerator = n * (n + 1) * (n - 1) * m4;
  const denominator = (n - 2) * (n - 3) * m2 * m2;
  const adjustment = (3 * (n - 1) * (n - 1)) / ((n - 2) * (n - 3));
  return numerator / denominator - adjustment;
}

/**
 * The 5% quantile of returns[1..n] with linear interpolation (numpy's default), found by
 * selection in O(n) rather than a sort, and the mean of the returns at or below it.
 * `selectionScratch[0..candidateCount)` holds every return <= some limit; when they are enough
 * to contain the two order statistics needed, the exact answer lies among them (every other
 * return is larger), so only they are searched. Otherwise all returns are.
 */
function historicalTail(
  returns: Float64Array,
  n: number,
  candidateCount: number,
): { quantile: number; tailMean: number } {
  const position = (n - 1) * TAIL;
  const lowIndex = Math.floor(position);
  const fraction = position - lowIndex;
  const values = selectionScratch;
  let count = candidateCount;
  if (count < Math.min(n, lowIndex + 2)) {
    for (let i = 0; i < n; i++) values[i] = returns[i + 1];
    count = n;
  }
  const low = quickSelect(values, count, lowIndex);
  let high = low;
  if (fraction > 0 && lowIndex + 1 < n) {
    // After selection every value right of lowIndex is >= low: the next order statistic is their minimum.
    high = Number.POSITIVE_INFINITY;
    for (let i = lowIndex + 1; i < count; i++) if (values[i] < high) high = values[i];
  }
  const difference = high - low;
  const quantile = fraction < 0.5 ? low + difference * fraction : high - difference * (1 - fraction);
  // Every return at or below the quantile is among the searched values.
  let tailSum = 0;
  let tailCount = 0;
  for (let i = 0; i < count; i++) {
    const r = values[i];
    if (r <= quantile) {
      tailSum += r;
      tailCount++;
    }
  }
  return { quantile, tailMean: tailCount > 0 ? tailSum / tailCount : Number.NaN };
}

/** Hoare-partition selection: afterwards values[k] is the k-th smallest of values[0..n). */
function quickSelect(values: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot keeps sorted or reversed inputs linear.
    let a = values[left];
    let b = values[mid];
    let c = values[right];
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    const pivot = b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}

function benchmarkMetrics(
  returns: Float64Array,
  benchmark: Float64Array,
  n: number,
  mean: number,
  ticker: string,
): BenchmarkMetrics {
  let benchmarkSum = 0;
  for (let t = 1; t <= n; t++) benchmarkSum += benchmark[t];
  const benchmarkMean = benchmarkSum / n;
  const activeMean = mean - benchmarkMean;
  let covariance = 0;
  let benchmarkSquares = 0;
  let returnSquares = 0;
  let activeSquares = 0;
  let upReturnLog = 0;
  let upBenchmarkLog = 0;
  let upCount = 0;
  let downReturnLog = 0;
  let downBenchmarkLog = 0;
  let downCount = 0;
  for (let t = 1; t <= n; t++) {
    const r = returns[t];
    const b = benchmark[t];
    const dr = r - mean;
    const db = b - benchmarkMean;
    covariance += dr * db;
    benchmarkSquares += db * db;
    returnSquares += dr * dr;
    const active = r - b - activeMean;
    activeSquares += active * active;
    if (b > 0) {
      upReturnLog += Math.log1p(r);
      upBenchmarkLog += Math.log1p(b);
      upCount++;
    } else if (b < 0) {
      downReturnLog += Math.log1p(r);
      downBenchmarkLog += Math.log1p(b);
      downCount++;
    }
  }
  const beta = benchmarkSquares > 0 ? covariance / benchmarkSquares : Number.NaN;
  const correlation = covariance / Math.sqrt(benchmarkSquares * returnSquares);
  const activeStd = n > 1 ? Math.sqrt(activeSquares / (n - 1)) : Number.NaN;
  const captureRatio = (returnLog: number, benchmarkLog: number, count: number) =>
    count > 0 ? Math.expm1(returnLog / count) / Math.expm1(benchmarkLog / count) : Number.NaN;
  return {
    ticker,
    // QuantStats fills an undefined beta or alpha with 0.
    beta: Number.isNaN(beta) ? 0 : beta,
    alpha: Number.isNaN(beta) ? 0 : (mean - beta * benchmarkMean) * PERIODS_PER_YEAR,
    correlation,
    rSquared: correlation * correlation,
    trackingError: activeStd * Math.sqrt(PERIODS_PER_YEAR),
    informationRatio: activeStd > 0 ? activeMean / activeStd : 0,
    upCapture: captureRatio(upReturnLog, upBenchmarkLog, upCount),
    downCapture: captureRatio(downReturnLog, downBenchmarkLog, downCount),
  };
}
