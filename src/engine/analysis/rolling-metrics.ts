import { PERIODS_PER_YEAR } from '../metrics/metrics.calculator';
import { AnalysisError, requireInteger } from './analysis.errors';
import { RollingSeries, RollingSeriesWriter } from './rolling-series';

/** The standard windows, in trading days: 6, 12 and 36 months of 21 trading days. */
export const ROLLING_WINDOWS = Object.freeze({ sixMonths: 126, twelveMonths: 252, thirtySixMonths: 756 });
export const DEFAULT_ROLLING_WINDOWS: readonly number[] = Object.freeze([126, 252, 756]);
export const ROLLING_LIMITS = Object.freeze({ minWindow: 2, maxWindow: 12_600, maxWindows: 8 });

export interface RollingMetricsInput {
  /** Daily returns on the run's calendar rows; row 0 (the start) has no return and is ignored, as in `computeMetrics`. */
  returns: Float64Array;
  /** Annual risk-free rate as a fraction, de-annualised as (1 + rf)^(1/252) − 1 for Sharpe and Sortino. */
  riskFreeRate: number;
  /** The benchmark's daily returns on the same rows, for beta and correlation. */
  benchmarkReturns?: Float64Array | null;
  /** Window lengths in trading days (each from 2 to 12,600); default 126, 252 and 756. */
  windows?: readonly number[];
}

/** Every rolling metric for one window length. Value i belongs to the window ending on row `firstRow + i`. */
export interface RollingWindowMetrics {
  /** Window length in daily returns (trading days). */
  readonly window: number;
  /**
   * Calendar row of the first value: the first window is returns 1..window, ending on row `window`.
   * When the series has fewer returns than the window, `count` is 0 and every series is empty.
   */
  readonly firstRow: number;
  readonly count: number;
  /** Compounded return of the window; annualised, (Π(1 + r))^(252/window) − 1, when the window is longer than 252 days. */
  readonly return: RollingSeries;
  /** QuantStats `rolling_volatility`: sample std × √252. */
  readonly volatility: RollingSeries;
  /** QuantStats `rolling_sharpe`: mean(r − rf_d) / std(r − rf_d) × √252; undefined for a flat window. */
  readonly sharpe: RollingSeries;
  /** QuantStats `rolling_sortino`: mean(r − rf_d) / √(Σ min(r − rf_d, 0)² / window) × √252; undefined with no loss. */
  readonly sortino: RollingSeries;
  /** Deepest fall within the window (≤ 0), its starting value counting as a peak, as QuantStats `max_drawdown` of the window. */
  readonly maxDrawdown: RollingSeries;
  /** QuantStats `rolling_greeks` beta, cov(r, b) / var(b); 0 where var(b) or var(r) is 0 (as its chart and `greeks`). Null without a benchmark. */
  readonly beta: RollingSeries | null;
  /** pandas `r.rolling(window).corr(b)`; undefined where either side is flat. Null without a benchmark. */
  readonly correlation: RollingSeries | null;
}

export interface RollingMetrics {
  /** Number of daily returns in the series (rows − 1). */
  readonly returnCount: number;
  readonly windows: readonly RollingWindowMetrics[];
}

/**
 * Rolling metrics of a daily return series for each window length, in O(n) per window.
 *
 * Each window of w returns is split at a multiple of w into a suffix of one block and a prefix
 * of the next (van Herk / Gil-Werman): one forward and one backward pass per block give every
 * prefix and suffix aggregate, and each window combines two. The aggregates are exact merges —
 * Welford means and centred sums of squares (merged by Chan's formula), plain sums of downside
 * squares, growth with its running high, low and worst peak-to-trough ratio — so no value
 * carries rounding from outside its own window, and a flat window has exactly zero variance.
 *
 * A window containing a non-finite return or a loss of 100 % or more (a return ≤ −1: the value
 * after it is not meaningful) has every metric undefined; a non-finite benchmark return makes
 * only beta and correlation undefined.
 */
export function computeRollingMetrics(input: RollingMetricsInput): RollingMetrics {
  const windows = validateWindows(input.windows ?? DEFAULT_ROLLING_WINDOWS);
  const series = prepareSeries(input.returns, input.benchmarkReturns ?? null);
  const dailyRiskFree = input.riskFreeRate > 0 ? Math.pow(1 + input.riskFreeRate, 1 / PERIODS_PER_YEAR) - 1 : 0;
  const scratch = new BlockAggregates(series.count, series.benchmark !== null);
  return {
    returnCount: series.count,
    windows: windows.map((window) => rollingWindow(series, window, dailyRiskFree, scratch)),
  };
}

function validateWindows(windows: readonly number[]): number[] {
  if (!Array.isArray(windows) || windows.length === 0 || windows.length > ROLLING_LIMITS.maxWindows) {
    throw new AnalysisError(
      'INVALID_OPTION',
      'windows',
      `windows must list 1 to ${ROLLING_LIMITS.maxWindows} window lengths in trading days`,
    );
  }
  return windows.map((window) => requireInteger('windows', window, ROLLING_LIMITS.minWindow, ROLLING_LIMITS.maxWindow));
}

interface PreparedSeries {
  count: number;
  /** returns[1..], with non-finite values and losses of 100 % or more replaced by 0. */
  returns: Float64Array;
  benchmark: Float64Array | null;
  /** badPrefix[k]: how many of the first k returns are non-finite or ≤ −1. */
  badPrefix: Int32Array;
  badBenchmarkPrefix: Int32Array | null;
}

function prepareSeries(rowReturns: Float64Array, rowBenchmark: Float64Array | null): PreparedSeries {
  const count = Math.max(0, rowReturns.length - 1);
  if (rowBenchmark !== null && rowBenchmark.length !== rowReturns.length) {
    throw new AnalysisError(
      'INVALID_OPTION',
      'benchmarkReturns',
      `benchmarkReturns must have one entry per row (${rowReturns.length}), got ${rowBenchmark.length}`,
    );
  }
  const returns = new Float64Array(count);
  const badPrefix = new Int32Array(count + 1);
  for (let j = 0; j < count; j++) {
    const r = rowReturns[j + 1];
    const bad = !Number.isFinite(r) || r <= -1;
    returns[j] = bad ? 0 : r;
    badPrefix[j + 1] = badPrefix[j] + (bad ? 1 : 0);
  }
  if (rowBenchmark === null) return { count, returns, benchmark: null, badPrefix, badBenchmarkPrefix: null };
  const benchmark = new Float64Array(count);
  const badBenchmarkPrefix = new Int32Array(count + 1);
  for (let j = 0; j < count; j++) {
    const b = rowBenchmark[j + 1];
    const bad = !Number.isFinite(b);
    benchmark[j] = bad ? 0 : b;
    badBenchmarkPrefix[j + 1] = badBenchmarkPrefix[j] + (bad ? 1 : 0);
  }
  return { count, returns, benchmark, badPrefix, badBenchmarkPrefix };
}

/**
 * Prefix and suffix aggregates within blocks of one window length, position by position:
 * `prefix*[j]` covers [start of j's block, j], `suffix*[j]` covers [j, end of j's block].
 * Growth aggregates start from an equity of 1 before the segment (which counts as a peak).
 */
class BlockAggregates {
  readonly prefixMean: Float64Array;
  readonly prefixM2: Float64Array;
  readonly prefixDownside: Float64Array;
  readonly prefixGrowth: Float64Array;
  readonly prefixLow: Float64Array;
  readonly prefixWorst: Float64Array;
  readonly suffixMean: Float64Array;
  readonly suffixM2: Float64Array;
  readonly suffixDownside: Float64Array;
  readonly suffixGrowth: Float64Array;
  readonly suffixHigh: Float64Array;
  readonly suffixWorst: Float64Array;
  readonly prefixBenchmarkMean: Float64Array | null;
  readonly prefixBenchmarkM2: Float64Array | null;
  readonly prefixComoment: Float64Array | null;
  readonly suffixBenchmarkMean: Float64Array | null;
  readonly suffixBenchmarkM2: Float64Array | null;
  readonly suffixComoment: Float64Array | null;

  constructor(count: number, withBenchmark: boolean) {
    const array = () => new Float64Array(count);
    this.prefixMean = array();
    this.prefixM2 = array();
    this.prefixDownside = array();
    this.prefixGrowth = array();
    this.prefixLow = array();
    this.prefixWorst = array();
    this.suffixMean = array();
    this.suffixM2 = array();
    this.suffixDownside = array();
    this.suffixGrowth = array();
    this.suffixHigh = array();
    this.suffixWorst = array();
    this.prefixBenchmarkMean = withBenchmark ? array() : null;
    this.prefixBenchmarkM2 = withBenchmark ? array() : null;
    this.prefixComoment = withBenchmark ? array() : null;
    this.suffixBenchmarkMean = withBenchmark ? array() : null;
    this.suffixBenchmarkM2 = withBenchmark ? array() : null;
    this.suffixComoment = withBenchmark ? array() : null;
  }

  fill(series: PreparedSeries, window: number, dailyRiskFree: number): void {
    for (let start = 0; start < series.count; start += window) {
      const end = Math.min(series.count, start + window) - 1;
      this.fillPrefixes(series, start, end, dailyRiskFree);
      this.fillSuffixes(series, start, end, dailyRiskFree);
    }
  }

  private fillPrefixes(series: PreparedSeries, start: number, end: number, dailyRiskFree: number): void {
    const x = series.returns;
    const y = series.benchmark;
    let k = 0;
    let mean = 0;
    let m2 = 0;
    let downside = 0;
    let growth = 1;
    let high = 1;
    let low = 1;
    let worst = 1;
    let benchmarkMean = 0;
    let benchmarkM2 = 0;
    let comoment = 0;
    for (let j = start; j <= end; j++) {
      k++;
      const r = x[j];
      const d = r - mean;
      mean += d / k;
      m2 += d * (r - mean);
      const excess = r - dailyRiskFree;
      if (excess < 0) downside += excess * excess;
      growth *= 1 + r;
      if (growth > high) high = growth;
      if (growth < low) low = growth;
      const ratio = growth / high;
      if (ratio < worst) worst = ratio;
      this.prefixMean[j] = mean;
      this.prefixM2[j] = m2;
      this.prefixDownside[j] = downside;
      this.prefixGrowth[j] = growth;
      this.prefixLow[j] = low;
      this.prefixWorst[j] = worst;
      if (y !== null) {
        const b = y[j];
        const db = b - benchmarkMean;
        benchmarkMean += db / k;
        benchmarkM2 += db * (b - benchmarkMean);
        comoment += d * (b - benchmarkMean);
        this.prefixBenchmarkMean![j] = benchmarkMean;
        this.prefixBenchmarkM2![j] = benchmarkM2;
        this.prefixComoment![j] = comoment;
      }
    }
  }

  private fillSuffixes(series: PreparedSeries, start: number, end: number, dailyRiskFree: number): void {
    const x = series.returns;
    const y = series.benchmark;
    let k = 0;
    let mean = 0;
    let m2 = 0;
    let downside = 0;
    let growth = 1;
    let high = 1;
    let low = 1;
    let worst = 1;
    let benchmarkMean = 0;
    let benchmarkM2 = 0;
    let comoment = 0;
    for (let j = end; j >= start; j--) {
      k++;
      const r = x[j];
      const d = r - mean;
      mean += d / k;
      m2 += d * (r - mean);
      const excess = r - dailyRiskFree;
      if (excess < 0) downside += excess * excess;
      // Prepend the factor f = 1 + r to the segment after it: that segment's equity is scaled by
      // f, its own start (equity f) follows the new start (equity 1).
      const factor = 1 + r;
      const firstStep = factor < 1 ? factor : 1;
      const acrossStart = (factor * low) / (factor > 1 ? factor : 1);
      if (firstStep < worst) worst = firstStep;
      if (acrossStart < worst) worst = acrossStart;
      high = Math.max(1, factor * high);
      low = Math.min(1, factor * low);
      growth *= factor;
      this.suffixMean[j] = mean;
      this.suffixM2[j] = m2;
      this.suffixDownside[j] = downside;
      this.suffixGrowth[j] = growth;
      this.suffixHigh[j] = high;
      this.suffixWorst[j] = worst;
      if (y !== null) {
        const b = y[j];
        const db = b - benchmarkMean;
        benchmarkMean += db / k;
        benchmarkM2 += db * (b - benchmarkMean);
        comoment += d * (b - benchmarkMean);
        this.suffixBenchmarkMean![j] = benchmarkMean;
        this.suffixBenchmarkM2![j] = benchmarkM2;
        this.suffixComoment![j] = comoment;
      }
    }
  }
}

function rollingWindow(
  series: PreparedSeries,
  window: number,
  dailyRiskFree: number,
  blocks: BlockAggregates,
): RollingWindowMetrics {
  const count = Math.max(0, series.count - window + 1);
  const withBenchmark = series.benchmark !== null;
  const returns = new RollingSeriesWriter(count);
  const volatility = new RollingSeriesWriter(count);
  const sharpe = new RollingSeriesWriter(count);
  const sortino = new RollingSeriesWriter(count);
  const maxDrawdown = new RollingSeriesWriter(count);
  const beta = withBenchmark ? new RollingSeriesWriter(count) : null;
  const correlation = withBenchmark ? new RollingSeriesWriter(count) : null;
  if (count > 0) blocks.fill(series, window, dailyRiskFree);

  const annualise = Math.sqrt(PERIODS_PER_YEAR);
  const growthExponent = window > PERIODS_PER_YEAR ? PERIODS_PER_YEAR / window : 1;
  for (let i = 0; i < count; i++) {
    const first = i;
    const last = i + window - 1;
    if (series.badPrefix[last + 1] - series.badPrefix[first] > 0) {
      for (const writer of [returns, volatility, sharpe, sortino, maxDrawdown, beta, correlation]) {
        writer?.markUndefined(i);
      }
      continue;
    }
    const w = combineWindow(blocks, first, last, window);
    const std = Math.sqrt(w.m2 / (window - 1));
    const excessMean = w.mean - dailyRiskFree;
    returns.set(i, growthExponent === 1 ? w.growth - 1 : Math.pow(w.growth, growthExponent) - 1);
    volatility.set(i, std * annualise);
    if (std > 0) sharpe.set(i, (excessMean / std) * annualise);
    else sharpe.markUndefined(i);
    if (w.downside > 0) sortino.set(i, (excessMean / Math.sqrt(w.downside / window)) * annualise);
    else sortino.markUndefined(i);
    maxDrawdown.set(i, Math.min(0, w.worst - 1));
    if (beta !== null && correlation !== null) {
      if (series.badBenchmarkPrefix![last + 1] - series.badBenchmarkPrefix![first] > 0) {
        beta.markUndefined(i);
        correlation.markUndefined(i);
        continue;
      }
      // A flat portfolio has beta 0 (its co-moment is exactly 0); a flat benchmark gives 0 as QuantStats fills it.
      beta.set(i, w.benchmarkM2 > 0 ? w.comoment / w.benchmarkM2 : 0);
      if (w.benchmarkM2 > 0 && w.m2 > 0) correlation.set(i, w.comoment / Math.sqrt(w.m2 * w.benchmarkM2));
      else correlation.markUndefined(i);
    }
  }
  return {
    window,
    firstRow: window,
    count,
    return: returns.finish(),
    volatility: volatility.finish(),
    sharpe: sharpe.finish(),
    sortino: sortino.finish(),
    maxDrawdown: maxDrawdown.finish(),
    beta: beta?.finish() ?? null,
    correlation: correlation?.finish() ?? null,
  };
}

interface WindowAggregate {
  mean: number;
  m2: number;
  downside: number;
  growth: number;
  worst: number;
  benchmarkM2: number;
  comoment: number;
}

const windowAggregate: WindowAggregate = {
  mean: 0,
  m2: 0,
  downside: 0,
  growth: 1,
  worst: 1,
  benchmarkM2: 0,
  comoment: 0,
};

/** The window [first, last]: one whole block, or a block's suffix followed by the next block's prefix. */
function combineWindow(blocks: BlockAggregates, first: number, last: number, window: number): WindowAggregate {
  const out = windowAggregate;
  const hasBenchmark = blocks.suffixComoment !== null;
  if (first % window === 0) {
    out.mean = blocks.suffixMean[first];
    out.m2 = blocks.suffixM2[first];
    out.downside = blocks.suffixDownside[first];
    out.growth = blocks.suffixGrowth[first];
    out.worst = blocks.suffixWorst[first];
    out.benchmarkM2 = hasBenchmark ? blocks.suffixBenchmarkM2![first] : 0;
    out.comoment = hasBenchmark ? blocks.suffixComoment![first] : 0;
    return out;
  }
  // Chan et al.'s merge of two (count, mean, centred sum of squares) summaries.
  const countA = window - (first % window);
  const countB = window - countA;
  const weight = (countA * countB) / window;
  const delta = blocks.prefixMean[last] - blocks.suffixMean[first];
  out.mean = blocks.suffixMean[first] + (delta * countB) / window;
  out.m2 = blocks.suffixM2[first] + blocks.prefixM2[last] + delta * delta * weight;
  out.downside = blocks.suffixDownside[first] + blocks.prefixDownside[last];
  const growthA = blocks.suffixGrowth[first];
  out.growth = growthA * blocks.prefixGrowth[last];
  // Worst ratio: within the suffix, within the prefix, or a peak in the suffix and a trough in the prefix.
  const across = (growthA * blocks.prefixLow[last]) / blocks.suffixHigh[first];
  out.worst = Math.min(blocks.suffixWorst[first], blocks.prefixWorst[last], across);
  if (hasBenchmark) {
    const benchmarkDelta = blocks.prefixBenchmarkMean![last] - blocks.suffixBenchmarkMean![first];
    out.benchmarkM2 =
      blocks.suffixBenchmarkM2![first] + blocks.prefixBenchmarkM2![last] + benchmarkDelta * benchmarkDelta * weight;
    out.comoment = blocks.suffixComoment![first] + blocks.prefixComoment![last] + delta * benchmarkDelta * weight;
  } else {
    out.benchmarkM2 = 0;
    out.comoment = 0;
  }
  return out;
}
