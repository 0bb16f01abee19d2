import {
  DRAWDOWN_AXIS,
  FrontierAxis,
  HISTOGRAM_BINS,
  HISTOGRAM_RANGES,
  meanOf,
  METRIC,
  VOLATILITY_AXIS,
} from './study.accumulators';
import { candidateUnits } from './study.candidates';
import { studyError } from './study.errors';
import { StudyPlan } from './study.plan';
import { studyPortfolio } from './study.portfolio';
import { computeReferencePortfolios } from './study.references';
import {
  MetricAccumulator,
  ReferencePortfolios,
  STUDY_LIMITS,
  STUDY_OBJECTIVES,
  STUDY_PERCENTILES,
  STUDY_STATISTIC_METRICS,
  StudyBinEntry,
  StudyChunkResult,
  StudyDensity,
  StudyEntry,
  StudyMetricStatistics,
  StudyObjective,
  StudyPortfolio,
  StudyResult,
  StudyScatter,
  StudyStatisticMetric,
} from './study.types';

/** Bins of the histograms in a finalised result (each the sum of 20 of the 2,000 fixed bins). */
const DISPLAY_BINS = 100;
const DENSITY_CELLS = 100;

/**
 * The study's answer from the merge of all its chunks: the best portfolios per objective, both frontiers, the
 * statistics and the scatter, each portfolio with its weights and its command. `references` defaults to
 * computing them on the plan. Refuses a merge of another study, or one missing or repeating candidates.
 */
export function finalizeStudy(
  plan: StudyPlan,
  merged: StudyChunkResult,
  options: { references?: ReferencePortfolios | null } = {},
): StudyResult {
  const { study } = plan;
  if (merged.fingerprint !== plan.fingerprint) {
    throw studyError(
      'RESULTS_MISMATCH',
      'fingerprint',
      `these results belong to another study or price data (${merged.fingerprint}, expected ${plan.fingerprint})`,
    );
  }
  if (merged.ranges.length !== 2 || merged.ranges[0] !== 0 || merged.ranges[1] !== study.candidateCount) {
    throw studyError(
      'RESULTS_MISMATCH',
      'ranges',
      `the results cover candidates ${describeRanges(merged.ranges)}, not all of 0..${study.candidateCount}`,
    );
  }
  const unitsCache = new Map<number, Int32Array>();
  const portfolio = (entry: StudyEntry): StudyPortfolio => {
    let units = unitsCache.get(entry.index);
    if (!units) {
      units = candidateUnits(study, entry.index);
      unitsCache.set(entry.index, units);
    }
    return studyPortfolio(study, entry.index, units, entry.summary);
  };
  const top = Object.fromEntries(
    STUDY_OBJECTIVES.map((objective) => [objective, merged.top[objective].map(portfolio)]),
  ) as Record<StudyObjective, StudyPortfolio[]>;
  const { dates } = plan.simulation;
  return {
    fingerprint: plan.fingerprint,
    tickers: study.tickers,
    start: study.start,
    end: study.end,
    firstDate: dates[0],
    lastDate: dates[dates.length - 1],
    days: dates.length,
    method: study.method,
    seed: study.seed,
    candidateCount: study.candidateCount,
    valid: merged.valid,
    maxDrawdownLimit: study.maxDrawdownLimit,
    targetCagr: study.targetCagr,
    best: Object.fromEntries(STUDY_OBJECTIVES.map((objective) => [objective, top[objective][0] ?? null])) as Record<
      StudyObjective,
      StudyPortfolio | null
    >,
    top,
    frontier: thin(nonDominated(merged.frontier, VOLATILITY_AXIS)).map(portfolio),
    drawdownFrontier: thin(nonDominated(merged.drawdownFrontier, DRAWDOWN_AXIS)).map(portfolio),
    statistics: Object.fromEntries(
      STUDY_STATISTIC_METRICS.map((metric) => [metric, metricStatistics(metric, merged.statistics[metric])]),
    ) as Record<StudyStatisticMetric, StudyMetricStatistics>,
    scatter: merged.scatter,
    density: densityOf(merged.scatter),
    references: options.references === undefined ? computeReferencePortfolios(plan) : options.references,
  };
}

/**
 * The kept entries no other kept entry dominates (lower or equal risk with a higher CAGR), by risk ascending:
 * a subset of the candidates' non-dominated set, holding its lowest-risk point and, for every bin with a
 * non-dominated candidate, one at least as good.
 */
export function nonDominated(entries: readonly StudyBinEntry[], axis: FrontierAxis): StudyBinEntry[] {
  const ordered = [...entries].sort(
    (a, b) =>
      axis.risk(a.summary) - axis.risk(b.summary) ||
      b.summary[METRIC.cagr] - a.summary[METRIC.cagr] ||
      a.index - b.index,
  );
  const kept: StudyBinEntry[] = [];
  let bestCagr = Number.NEGATIVE_INFINITY;
  for (const entry of ordered) {
    const cagr = entry.summary[METRIC.cagr];
    if (cagr > bestCagr) {
      kept.push(entry);
      bestCagr = cagr;
    }
  }
  return kept;
}

/** At most STUDY_LIMITS.maxFrontierPoints, evenly spaced along the frontier, both ends kept. */
function thin<T>(points: readonly T[]): T[] {
  const limit = STUDY_LIMITS.maxFrontierPoints;
  if (points.length <= limit) return [...points];
  return Array.from({ length: limit }, (_, k) => points[Math.round((k * (points.length - 1)) / (limit - 1))]);
}

function metricStatistics(metric: StudyStatisticMetric, accumulator: MetricAccumulator): StudyMetricStatistics {
  const { lower, upper } = HISTOGRAM_RANGES[metric];
  const group = HISTOGRAM_BINS / DISPLAY_BINS;
  const counts = Array.from({ length: DISPLAY_BINS }, (_, d) => {
    let sum = 0;
    for (let b = d * group; b < (d + 1) * group; b++) sum += accumulator.histogram[b];
    return sum;
  });
  const empty = accumulator.count === 0;
  return {
    count: accumulator.count,
    min: empty ? null : accumulator.min,
    max: empty ? null : accumulator.max,
    mean: meanOf(accumulator),
    percentiles: STUDY_PERCENTILES.map((p) => percentileOf(accumulator, p, lower, upper)),
    histogram: { lower, upper, counts, below: accumulator.below, above: accumulator.above },
  };
}

/**
 * The p-th percentile (rank p/100 × (count − 1), as numpy's default) located in the fixed histogram and
 * interpolated within its bin; ranks below or above the histogram's range give the minimum or maximum.
 */
function percentileOf(accumulator: MetricAccumulator, p: number, lower: number, upper: number): number | null {
  if (accumulator.count === 0) return null;
  const rank = (p / 100) * (accumulator.count - 1);
  if (rank < accumulator.below) return accumulator.min;
  const width = (upper - lower) / HISTOGRAM_BINS;
  let cumulative = accumulator.below;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const count = accumulator.histogram[b];
    if (rank < cumulative + count) {
      const value = lower + width * (b + (rank - cumulative + 0.5) / count);
      return Math.min(accumulator.max, Math.max(accumulator.min, value));
    }
    cumulative += count;
  }
  return accumulator.max;
}

function densityOf(scatter: StudyScatter): StudyDensity {
  const total = scatter.index.length;
  const range = (values: Float32Array) => {
    let lower = Number.POSITIVE_INFINITY;
    let upper = Number.NEGATIVE_INFINITY;
    for (const value of values) {
      if (value < lower) lower = value;
      if (value > upper) upper = value;
    }
    if (total === 0) return { lower: 0, upper: 0 };
    return { lower, upper };
  };
  const volatility = range(scatter.volatility);
  const cagr = range(scatter.cagr);
  const counts = new Int32Array(DENSITY_CELLS * DENSITY_CELLS);
  const cell = (value: number, { lower, upper }: { lower: number; upper: number }) =>
    upper > lower ? Math.min(DENSITY_CELLS - 1, Math.floor(((value - lower) / (upper - lower)) * DENSITY_CELLS)) : 0;
  for (let p = 0; p < total; p++) {
    counts[cell(scatter.cagr[p], cagr) * DENSITY_CELLS + cell(scatter.volatility[p], volatility)]++;
  }
  return { volatility, cagr, columns: DENSITY_CELLS, rows: DENSITY_CELLS, counts, total };
}

function describeRanges(ranges: readonly number[]): string {
  if (ranges.length === 0) return 'none';
  const parts: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) parts.push(`${ranges[i]}..${ranges[i + 1]}`);
  return parts.join(', ');
}
