import { SUMMARY_METRICS } from '../batch/batch.kernel';
import { BatchResult, simulateBatch } from '../batch/batch.simulator';
import { ParallelBatchRunner } from '../batch/parallel-batch.runner';
import {
  DRAWDOWN_AXIS,
  emptyAccumulator,
  emptyTop,
  frontierEntries,
  HISTOGRAM_RANGES,
  METRIC,
  MetricCollector,
  objectiveRules,
  offerTop,
  offerToFrontier,
  VOLATILITY_AXIS,
} from './study.accumulators';
import { StudyCandidates } from './study.candidates';
import { StudyPlan } from './study.plan';
import {
  MetricAccumulator,
  STUDY_LIMITS,
  STUDY_OBJECTIVES,
  STUDY_STATISTIC_METRICS,
  StudyBinEntry,
  StudyChunkResult,
  StudyDefinition,
  StudyStatisticMetric,
} from './study.types';

/** Backtests a chunk's candidates on this thread (simulateBatch) and reduces them. */
export function evaluateStudyChunk(plan: StudyPlan, candidates: StudyCandidates): StudyChunkResult {
  return reduceStudyChunk(plan, candidates, simulateBatch(plan.simulation, candidates.weights));
}

/** Backtests a chunk's candidates on the runner's threads and reduces them: the same result as on one thread. */
export async function evaluateStudyChunkParallel(
  plan: StudyPlan,
  candidates: StudyCandidates,
  runner: ParallelBatchRunner,
): Promise<StudyChunkResult> {
  return reduceStudyChunk(plan, candidates, await runner.run(plan.simulation, candidates.weights));
}

/** Every `stride`-th candidate goes to the scatter, so it holds at most STUDY_LIMITS.maxScatterPoints. */
export function scatterStride(study: StudyDefinition): number {
  return Math.max(1, Math.ceil(study.candidateCount / STUDY_LIMITS.maxScatterPoints));
}

/**
 * Reduces a chunk's summary metrics at once to what the study keeps: binned frontiers, the top N per objective,
 * exact statistics and the scatter sample. A candidate is valid when its CAGR, volatility and max drawdown are
 * finite; an invalid one is only counted. Nothing depends on where the chunk starts or ends.
 */
export function reduceStudyChunk(plan: StudyPlan, candidates: StudyCandidates, batch: BatchResult): StudyChunkResult {
  const { study } = plan;
  if (batch.vectorCount !== candidates.count) {
    throw new RangeError(`the batch has ${batch.vectorCount} results for ${candidates.count} candidates`);
  }
  const columns = SUMMARY_METRICS.map((metric) => batch.summary[metric]);
  const rules = objectiveRules(study.maxDrawdownLimit, study.targetCagr);
  const top = emptyTop();
  const frontier = new Map<number, StudyBinEntry>();
  const drawdownFrontier = new Map<number, StudyBinEntry>();
  const collectors = STUDY_STATISTIC_METRICS.map(
    (metric) => new MetricCollector(emptyAccumulator(), HISTOGRAM_RANGES[metric].lower, HISTOGRAM_RANGES[metric].upper),
  );
  const statisticColumns = STUDY_STATISTIC_METRICS.map((metric) => METRIC[metric]);
  const stride = scatterStride(study);
  const scatter = {
    index: [] as number[],
    volatility: [] as number[],
    cagr: [] as number[],
    sharpe: [] as number[],
    maxDrawdown: [] as number[],
  };
  const summary = new Float64Array(SUMMARY_METRICS.length);
  let valid = 0;

  for (let k = 0; k < candidates.count; k++) {
    for (let m = 0; m < columns.length; m++) summary[m] = columns[m][k];
    const cagr = summary[METRIC.cagr];
    const volatility = summary[METRIC.volatility];
    const maxDrawdown = summary[METRIC.maxDrawdown];
    if (!Number.isFinite(cagr) || !Number.isFinite(volatility) || !Number.isFinite(maxDrawdown)) continue;
    valid++;
    const index = candidates.first + k;
    for (const objective of STUDY_OBJECTIVES) {
      const rule = rules[objective];
      if (rule.qualifies(summary)) offerTop(top[objective], study.topN, rule, index, summary);
    }
    offerToFrontier(frontier, VOLATILITY_AXIS, index, summary);
    offerToFrontier(drawdownFrontier, DRAWDOWN_AXIS, index, summary);
    for (let s = 0; s < collectors.length; s++) {
      const value = summary[statisticColumns[s]];
      if (Number.isFinite(value)) collectors[s].add(value);
    }
    const sharpe = summary[METRIC.sharpe];
    if (index % stride === 0 && Number.isFinite(sharpe)) {
      scatter.index.push(index);
      scatter.volatility.push(volatility);
      scatter.cagr.push(cagr);
      scatter.sharpe.push(sharpe);
      scatter.maxDrawdown.push(maxDrawdown);
    }
  }
  collectors.forEach((collector) => collector.flush());

  return {
    fingerprint: plan.fingerprint,
    topN: study.topN,
    ranges: candidates.count > 0 ? [candidates.first, candidates.first + candidates.count] : [],
    evaluated: candidates.count,
    valid,
    frontier: frontierEntries(frontier),
    drawdownFrontier: frontierEntries(drawdownFrontier),
    top,
    statistics: Object.fromEntries(
      STUDY_STATISTIC_METRICS.map((metric, s) => [metric, collectors[s].accumulator]),
    ) as Record<StudyStatisticMetric, MetricAccumulator>,
    scatter: {
      stride,
      index: Int32Array.from(scatter.index),
      volatility: Float32Array.from(scatter.volatility),
      cagr: Float32Array.from(scatter.cagr),
      sharpe: Float32Array.from(scatter.sharpe),
      maxDrawdown: Float32Array.from(scatter.maxDrawdown),
    },
  };
}
