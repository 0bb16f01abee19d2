import { SUMMARY_METRICS, SummaryMetric } from '../batch/batch.kernel';
import {
  MetricAccumulator,
  STUDY_OBJECTIVES,
  STUDY_STATISTIC_METRICS,
  StudyBinEntry,
  StudyEntry,
  StudyObjective,
  StudyStatisticMetric,
} from './study.types';

/** Position of each summary metric in an entry's `summary`. */
export const METRIC = Object.fromEntries(SUMMARY_METRICS.map((metric, m) => [metric, m])) as Record<
  SummaryMetric,
  number
>;

/**
 * Frontier bins: fixed, independent of the data, so every chunk bins alike. Volatility on a log scale from 0.1 %
 * to 1000 % a year (2,000 bins, each 0.46 % wider than the last; values outside go to the end bins), max
 * drawdown depth on 0..100 % (2,000 bins of 0.05 %).
 */
export const FRONTIER_BINS = 2000;
const VOLATILITY_FLOOR = 0.001;
const VOLATILITY_CEILING = 10;
const LOG_VOLATILITY_FLOOR = Math.log(VOLATILITY_FLOOR);
const VOLATILITY_BINS_PER_LOG = FRONTIER_BINS / Math.log(VOLATILITY_CEILING / VOLATILITY_FLOOR);

export function volatilityBin(volatility: number): number {
  if (!(volatility > VOLATILITY_FLOOR)) return 0;
  return Math.min(
    FRONTIER_BINS - 1,
    Math.floor((Math.log(volatility) - LOG_VOLATILITY_FLOOR) * VOLATILITY_BINS_PER_LOG),
  );
}

export function drawdownBin(maxDrawdown: number): number {
  const depth = -maxDrawdown;
  if (!(depth > 0)) return 0;
  return Math.min(FRONTIER_BINS - 1, Math.floor(depth * FRONTIER_BINS));
}

/** Within a bin: higher CAGR, then lower x (volatility or drawdown depth), then lower index. */
export function betterInBin(a: StudyEntry, b: StudyEntry, xMetric: number, xAscending: boolean): boolean {
  const cagrA = a.summary[METRIC.cagr];
  const cagrB = b.summary[METRIC.cagr];
  if (cagrA !== cagrB) return cagrA > cagrB;
  const xa = a.summary[xMetric];
  const xb = b.summary[xMetric];
  if (xa !== xb) return xAscending ? xa < xb : xa > xb;
  return a.index < b.index;
}

/** The volatility frontier's x is volatility (lower is better); the drawdown frontier's is maxDrawdown (higher, i.e. shallower, is better). */
export const FRONTIER_X = { volatility: METRIC.volatility, maxDrawdown: METRIC.maxDrawdown } as const;

export function insertBinEntry(
  bins: Map<number, StudyBinEntry>,
  entry: StudyBinEntry,
  xMetric: number,
  xAscending: boolean,
): void {
  const current = bins.get(entry.bin);
  if (current === undefined || betterInBin(entry, current, xMetric, xAscending)) bins.set(entry.bin, entry);
}

export function sortedBins(bins: Map<number, StudyBinEntry>): StudyBinEntry[] {
  return [...bins.values()].sort((a, b) => a.bin - b.bin);
}

/** Each objective's ranking value (greater is better) and whether a candidate qualifies. */
export interface ObjectiveRule {
  score(summary: Float64Array): number;
  qualifies(summary: Float64Array): boolean;
}

export function objectiveRules(
  maxDrawdownLimit: number | null,
  targetCagr: number | null,
): Record<StudyObjective, ObjectiveRule> {
  return {
    maxSharpe: {
      score: (s) => s[METRIC.sharpe],
      qualifies: (s) => Number.isFinite(s[METRIC.sharpe]),
    },
    minVolatility: {
      score: (s) => -s[METRIC.volatility],
      qualifies: () => true,
    },
    maxCagr: {
      score: (s) => s[METRIC.cagr],
      qualifies: (s) => maxDrawdownLimit === null || s[METRIC.maxDrawdown] >= -maxDrawdownLimit,
    },
    minDrawdown: {
      score: (s) => s[METRIC.maxDrawdown],
      qualifies: (s) => targetCagr === null || s[METRIC.cagr] >= targetCagr,
    },
  };
}

/** Best first: higher score, then lower index (a total order: indices are unique). */
export function compareForObjective(rule: ObjectiveRule, a: StudyEntry, b: StudyEntry): number {
  const difference = rule.score(b.summary) - rule.score(a.summary);
  return difference !== 0 ? difference : a.index - b.index;
}

/** Keeps `list` sorted best first and at most `limit` long; copies the summary only when the entry is kept. */
export function offerTop(
  list: StudyEntry[],
  limit: number,
  rule: ObjectiveRule,
  index: number,
  summary: Float64Array,
): void {
  const probe: StudyEntry = { index, summary };
  if (list.length === limit && compareForObjective(rule, probe, list[list.length - 1]) >= 0) return;
  let position = list.length;
  while (position > 0 && compareForObjective(rule, probe, list[position - 1]) < 0) position--;
  list.splice(position, 0, { index, summary: summary.slice() });
  if (list.length > limit) list.pop();
}

export function emptyTop(): Record<StudyObjective, StudyEntry[]> {
  return Object.fromEntries(STUDY_OBJECTIVES.map((objective) => [objective, []])) as unknown as Record<
    StudyObjective,
    StudyEntry[]
  >;
}

/** Fixed histogram ranges per metric (2,000 bins each); the top edge is inclusive. */
export const HISTOGRAM_RANGES: Record<StudyStatisticMetric, { lower: number; upper: number }> = {
  cagr: { lower: -1, upper: 1 },
  volatility: { lower: 0, upper: 1 },
  sharpe: { lower: -3, upper: 3 },
  sortino: { lower: -5, upper: 5 },
  maxDrawdown: { lower: -1, upper: 0 },
  calmar: { lower: -5, upper: 5 },
};
export const HISTOGRAM_BINS = 2000;

/** Values are summed exactly as integers of 2^−32 (rounded), so sums merge in any order to the same bits. */
const SUM_SCALE = 4294967296;
/** Pending integer-valued doubles stay exact below 2^53: flushed into the bigint before they could pass it. */
const PENDING_LIMIT = 4503599627370496;

export function emptyAccumulator(): MetricAccumulator {
  return {
    count: 0,
    min: Number.POSITIVE_INFINITY,
    max: Number.NEGATIVE_INFINITY,
    scaledSum: 0n,
    below: 0,
    above: 0,
    histogram: new Int32Array(HISTOGRAM_BINS),
  };
}

/** Adds finite values of one metric to an accumulator; `pending` carries the exact double part between calls. */
export class MetricCollector {
  private pending = 0;

  constructor(
    readonly accumulator: MetricAccumulator,
    private readonly lower: number,
    private readonly upper: number,
  ) {}

  /** `raw` must be finite. */
  add(raw: number): void {
    const accumulator = this.accumulator;
    // −0 becomes 0, so extremes do not depend on which of the two came first.
    const value = raw + 0;
    accumulator.count++;
    if (value < accumulator.min) accumulator.min = value;
    if (value > accumulator.max) accumulator.max = value;
    let scaled = Math.round(value * SUM_SCALE);
    if (!Number.isFinite(scaled)) scaled = Math.sign(value) * Number.MAX_VALUE; // |value| above 4e298
    if (Math.abs(scaled) >= PENDING_LIMIT) {
      accumulator.scaledSum += BigInt(scaled);
    } else {
      if (Math.abs(this.pending) >= PENDING_LIMIT) this.flush();
      this.pending += scaled;
    }
    if (value < this.lower) accumulator.below++;
    else if (value > this.upper) accumulator.above++;
    else {
      const bin = Math.floor(((value - this.lower) / (this.upper - this.lower)) * HISTOGRAM_BINS);
      accumulator.histogram[Math.min(HISTOGRAM_BINS - 1, bin)]++;
    }
  }

  flush(): void {
    if (this.pending !== 0) this.accumulator.scaledSum += BigInt(this.pending);
    this.pending = 0;
  }
}

export function mergeAccumulators(accumulators: readonly MetricAccumulator[]): MetricAccumulator {
  const merged = emptyAccumulator();
  for (const accumulator of accumulators) {
    merged.count += accumulator.count;
    if (accumulator.min < merged.min) merged.min = accumulator.min;
    if (accumulator.max > merged.max) merged.max = accumulator.max;
    merged.scaledSum += accumulator.scaledSum;
    merged.below += accumulator.below;
    merged.above += accumulator.above;
    for (let b = 0; b < HISTOGRAM_BINS; b++) merged.histogram[b] += accumulator.histogram[b];
  }
  return merged;
}

export function meanOf(accumulator: MetricAccumulator): number | null {
  return accumulator.count === 0 ? null : Number(accumulator.scaledSum) / SUM_SCALE / accumulator.count;
}

export const STATISTIC_METRICS = STUDY_STATISTIC_METRICS;
