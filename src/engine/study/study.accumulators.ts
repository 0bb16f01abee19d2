import { SUMMARY_METRICS, SummaryMetric } from '../batch/batch.kernel';
import { MetricAccumulator, StudyBinEntry, StudyEntry, StudyObjective, StudyStatisticMetric } from './study.types';

/** Position of each summary metric in an entry's `summary`. */
export const METRIC = Object.fromEntries(SUMMARY_METRICS.map((metric, m) => [metric, m])) as Record<
  SummaryMetric,
  number
>;

/**
 * Frontier bins: fixed, independent of the data, so every chunk bins alike. Volatility on a log scale from 0.1 %
 * to 1000 % a year (2,000 bins, each 0.46 % wider than the last; values outside go to the end bins), max
 * drawdown depth on 0..100 % (2,000 bins of 0.05 %). Each bin keeps two candidates: its highest CAGR and its
 * lowest risk (so the frontier's low-risk end is the exact minimum, not a bin's best).
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

/** A frontier's x axis: its risk (lower is better) and the fixed bin of a risk. */
export interface FrontierAxis {
  risk(summary: Float64Array): number;
  bin(summary: Float64Array): number;
}

export const VOLATILITY_AXIS: FrontierAxis = {
  risk: (summary) => summary[METRIC.volatility],
  bin: (summary) => volatilityBin(summary[METRIC.volatility]),
};

/** Risk is the drawdown's depth, −maxDrawdown. */
export const DRAWDOWN_AXIS: FrontierAxis = {
  risk: (summary) => -summary[METRIC.maxDrawdown],
  bin: (summary) => drawdownBin(summary[METRIC.maxDrawdown]),
};

/** Whether `a` should replace `b` as its bin's kept entry of that kind (a total order: indices are unique). */
function replaces(axis: FrontierAxis, a: StudyBinEntry, b: StudyBinEntry): boolean {
  const cagrA = a.summary[METRIC.cagr];
  const cagrB = b.summary[METRIC.cagr];
  const riskA = axis.risk(a.summary);
  const riskB = axis.risk(b.summary);
  if (a.lowestRisk) {
    if (riskA !== riskB) return riskA < riskB;
    if (cagrA !== cagrB) return cagrA > cagrB;
  } else {
    if (cagrA !== cagrB) return cagrA > cagrB;
    if (riskA !== riskB) return riskA < riskB;
  }
  return a.index < b.index;
}

function frontierKey(entry: StudyBinEntry): number {
  return entry.bin * 2 + (entry.lowestRisk ? 1 : 0);
}

/** Keeps `entry` if it beats its bin's entry of the same kind. */
export function keepInFrontier(frontier: Map<number, StudyBinEntry>, axis: FrontierAxis, entry: StudyBinEntry): void {
  const key = frontierKey(entry);
  const current = frontier.get(key);
  if (current === undefined || replaces(axis, entry, current)) frontier.set(key, entry);
}

/** Offers a candidate as both kinds of its bin; copies the summary only when it is kept. */
export function offerToFrontier(
  frontier: Map<number, StudyBinEntry>,
  axis: FrontierAxis,
  index: number,
  summary: Float64Array,
): void {
  const bin = axis.bin(summary);
  for (const lowestRisk of [false, true]) {
    const probe: StudyBinEntry = { index, summary, bin, lowestRisk };
    const current = frontier.get(frontierKey(probe));
    if (current === undefined || replaces(axis, probe, current)) {
      frontier.set(frontierKey(probe), { ...probe, summary: summary.slice() });
    }
  }
}

/** Entries by bin, the lowest-risk entry after the highest-CAGR one. */
export function frontierEntries(frontier: Map<number, StudyBinEntry>): StudyBinEntry[] {
  return [...frontier.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
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
  return { maxSharpe: [], minVolatility: [], maxCagr: [], minDrawdown: [] };
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
