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
  const reducer = new StudyChunkReducer(plan, candidates, batch);
  reducer.reduce(reducer.remaining);
  return reducer.result();
}

/**
 * reduceStudyChunk a few candidates at a time (`reduce(count)`), so a server can give its event loop a moment
 * between the steps: the same operations in the same order, so `result()` is what reduceStudyChunk gives, bit for
 * bit.
 */
export class StudyChunkReducer {
  private readonly columns: Float64Array[];
  private readonly rules: ReturnType<typeof objectiveRules>;
  private readonly top = emptyTop();
  private readonly frontier = new Map<number, StudyBinEntry>();
  private readonly drawdownFrontier = new Map<number, StudyBinEntry>();
  private readonly collectors = STUDY_STATISTIC_METRICS.map(
    (metric) => new MetricCollector(emptyAccumulator(), HISTOGRAM_RANGES[metric].lower, HISTOGRAM_RANGES[metric].upper),
  );
  private readonly statisticColumns = STUDY_STATISTIC_METRICS.map((metric) => METRIC[metric]);
  private readonly stride: number;
  private readonly scatter = {
    index: [] as number[],
    volatility: [] as number[],
    cagr: [] as number[],
    sharpe: [] as number[],
    maxDrawdown: [] as number[],
  };
  private readonly summary = new Float64Array(SUMMARY_METRICS.length);
  private valid = 0;
  private next = 0;

  constructor(
    private readonly plan: StudyPlan,
    private readonly candidates: StudyCandidates,
    batch: BatchResult,
  ) {
    if (batch.vectorCount !== candidates.count) {
      throw new RangeError(`the batch has ${batch.vectorCount} results for ${candidates.count} candidates`);
    }
    this.columns = SUMMARY_METRICS.map((metric) => batch.summary[metric]);
    this.rules = objectiveRules(plan.study.maxDrawdownLimit, plan.study.targetCagr);
    this.stride = scatterStride(plan.study);
  }

  /** Candidates still to reduce. */
  get remaining(): number {
    return this.candidates.count - this.next;
  }

  /** Reduces the next `count` candidates (fewer at the end); returns how many remain. */
  reduce(count: number): number {
    const { study } = this.plan;
    const { columns, rules, top, frontier, drawdownFrontier, collectors, statisticColumns, stride, scatter, summary } =
      this;
    const end = Math.min(this.candidates.count, this.next + Math.max(0, Math.floor(count)));
    for (let k = this.next; k < end; k++) {
      for (let m = 0; m < columns.length; m++) summary[m] = columns[m][k];
      const cagr = summary[METRIC.cagr];
      const volatility = summary[METRIC.volatility];
      const maxDrawdown = summary[METRIC.maxDrawdown];
      if (!Number.isFinite(cagr) || !Number.isFinite(volatility) || !Number.isFinite(maxDrawdown)) continue;
      this.valid++;
      const index = this.candidates.first + k;
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
    this.next = end;
    return this.remaining;
  }

  /** The chunk's result, once every candidate is reduced. */
  result(): StudyChunkResult {
    if (this.remaining > 0) throw new RangeError(`${this.remaining} candidates of the chunk are not reduced yet`);
    const { plan, candidates, collectors, scatter } = this;
    collectors.forEach((collector) => collector.flush());
    return {
      fingerprint: plan.fingerprint,
      topN: plan.study.topN,
      ranges: candidates.count > 0 ? [candidates.first, candidates.first + candidates.count] : [],
      evaluated: candidates.count,
      valid: this.valid,
      frontier: frontierEntries(this.frontier),
      drawdownFrontier: frontierEntries(this.drawdownFrontier),
      top: this.top,
      statistics: Object.fromEntries(
        STUDY_STATISTIC_METRICS.map((metric, s) => [metric, collectors[s].accumulator]),
      ) as Record<StudyStatisticMetric, MetricAccumulator>,
      scatter: {
        stride: this.stride,
        index: Int32Array.from(scatter.index),
        volatility: Float32Array.from(scatter.volatility),
        cagr: Float32Array.from(scatter.cagr),
        sharpe: Float32Array.from(scatter.sharpe),
        maxDrawdown: Float32Array.from(scatter.maxDrawdown),
      },
    };
  }
}
