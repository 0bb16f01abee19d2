import {
  compareForObjective,
  DRAWDOWN_AXIS,
  FrontierAxis,
  frontierEntries,
  keepInFrontier,
  mergeAccumulators,
  objectiveRules,
  ObjectiveRule,
  VOLATILITY_AXIS,
} from './study.accumulators';
import { studyError } from './study.errors';
import {
  MetricAccumulator,
  STUDY_OBJECTIVES,
  STUDY_STATISTIC_METRICS,
  StudyBinEntry,
  StudyChunkResult,
  StudyEntry,
  StudyObjective,
  StudyScatter,
  StudyStatisticMetric,
} from './study.types';

/**
 * Merges chunk results (or merged results) of one study into one. Every part is a commutative, associative
 * reduction with a total order for ties — per-bin best, top N by score then index, sums of counts, exact
 * integer sums, extremes, index-ordered scatter — so any grouping and any order of merges gives the identical
 * result. Refuses results of another study or price data, and overlapping candidate ranges (a chunk twice).
 */
export function mergeStudyResults(results: readonly StudyChunkResult[]): StudyChunkResult {
  if (results.length === 0) throw studyError('RESULTS_MISMATCH', 'results', 'nothing to merge');
  const [first] = results;
  for (const result of results) {
    if (result.fingerprint !== first.fingerprint) {
      throw studyError(
        'RESULTS_MISMATCH',
        'fingerprint',
        `results of different studies or price data cannot merge (${first.fingerprint} and ${result.fingerprint})`,
      );
    }
    if (result.topN !== first.topN || result.scatter.stride !== first.scatter.stride) {
      throw studyError('RESULTS_MISMATCH', 'topN', 'results with different topN or scatter strides cannot merge');
    }
  }
  // Rules only need the thresholds' effect already applied: entries in the lists all qualified.
  const rules = objectiveRules(null, null);
  return {
    fingerprint: first.fingerprint,
    topN: first.topN,
    ranges: mergeRanges(results.map((result) => result.ranges)),
    evaluated: results.reduce((sum, result) => sum + result.evaluated, 0),
    valid: results.reduce((sum, result) => sum + result.valid, 0),
    frontier: mergeFrontiers(
      results.map((result) => result.frontier),
      VOLATILITY_AXIS,
    ),
    drawdownFrontier: mergeFrontiers(
      results.map((result) => result.drawdownFrontier),
      DRAWDOWN_AXIS,
    ),
    top: Object.fromEntries(
      STUDY_OBJECTIVES.map((objective) => [
        objective,
        mergeTop(
          results.map((result) => result.top[objective]),
          rules[objective],
          first.topN,
        ),
      ]),
    ) as Record<StudyObjective, StudyEntry[]>,
    statistics: Object.fromEntries(
      STUDY_STATISTIC_METRICS.map((metric) => [
        metric,
        mergeAccumulators(results.map((result) => result.statistics[metric])),
      ]),
    ) as Record<StudyStatisticMetric, MetricAccumulator>,
    scatter: mergeScatter(
      results.map((result) => result.scatter),
      first.scatter.stride,
    ),
  };
}

/** Sorted, coalesced [from, to) pairs; an overlap means some candidates were counted twice. */
function mergeRanges(rangeLists: readonly number[][]): number[] {
  const pairs: [number, number][] = [];
  for (const list of rangeLists) for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, to] of pairs) {
    if (from === to) continue;
    const last = merged.length - 1;
    if (merged.length > 0 && from < merged[last]) {
      throw studyError(
        'RESULTS_MISMATCH',
        'ranges',
        `candidates ${from}..${Math.min(to, merged[last])} appear in two results`,
      );
    }
    if (merged.length > 0 && from === merged[last]) merged[last] = to;
    else merged.push(from, to);
  }
  return merged;
}

function mergeFrontiers(lists: readonly StudyBinEntry[][], axis: FrontierAxis): StudyBinEntry[] {
  const frontier = new Map<number, StudyBinEntry>();
  for (const list of lists) for (const entry of list) keepInFrontier(frontier, axis, entry);
  return frontierEntries(frontier);
}

function mergeTop(lists: readonly StudyEntry[][], rule: ObjectiveRule, limit: number): StudyEntry[] {
  return lists
    .flat()
    .sort((a, b) => compareForObjective(rule, a, b))
    .slice(0, limit);
}

/** Index-ordered scatters merged into one (a linear merge per input: chunks rarely interleave). */
function mergeScatter(scatters: readonly StudyScatter[], stride: number): StudyScatter {
  const inputs = scatters.filter((scatter) => scatter.index.length > 0).sort((a, b) => a.index[0] - b.index[0]);
  let merged: StudyScatter = inputs[0] ?? emptyScatter(stride);
  for (let k = 1; k < inputs.length; k++) merged = mergeTwoScatters(merged, inputs[k], stride);
  return merged;
}

function emptyScatter(stride: number): StudyScatter {
  return {
    stride,
    index: new Int32Array(0),
    volatility: new Float32Array(0),
    cagr: new Float32Array(0),
    sharpe: new Float32Array(0),
    maxDrawdown: new Float32Array(0),
  };
}

function mergeTwoScatters(a: StudyScatter, b: StudyScatter, stride: number): StudyScatter {
  const length = a.index.length + b.index.length;
  const out: StudyScatter = {
    stride,
    index: new Int32Array(length),
    volatility: new Float32Array(length),
    cagr: new Float32Array(length),
    sharpe: new Float32Array(length),
    maxDrawdown: new Float32Array(length),
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k < length; k++) {
    const fromA = j >= b.index.length || (i < a.index.length && a.index[i] < b.index[j]);
    const source = fromA ? a : b;
    const p = fromA ? i++ : j++;
    out.index[k] = source.index[p];
    out.volatility[k] = source.volatility[p];
    out.cagr[k] = source.cagr[p];
    out.sharpe[k] = source.sharpe[p];
    out.maxDrawdown[k] = source.maxDrawdown[p];
  }
  return out;
}
