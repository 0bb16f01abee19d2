import type {
  ReferencePortfolios,
  StudyDensity,
  StudyMethod,
  StudyConstraints,
  StudyObjective,
  StudyObjectiveSettings,
  StudyMetricStatistics,
  StudyPortfolio,
  StudyResult,
  StudyStatisticMetric,
} from '../../engine';
import type { JobStateChange } from '../../jobs/job-status';
import type { StudyStatus } from './entities/study.entity';

/** A study's options as in a command (`rebalance=monthly fee=0.1% …`), each the text after `name=`. */
export interface StudyRequestOptions {
  capital?: string | number;
  rebalance?: string;
  fee?: string | number;
  rf?: string | number;
  benchmark?: string;
  contribute?: string;
}

/** What POST /studies accepts (and what the row keeps): the engine's StudySpec with a command's options. */
export interface StudyRequest {
  tickers: string[];
  start: string;
  end: string;
  method?: StudyMethod;
  candidates?: number;
  seed?: number;
  concentration?: number;
  gridStepPercent?: number;
  constraints?: StudyConstraints;
  objectives?: StudyObjectiveSettings;
  topN?: number;
  options?: StudyRequestOptions;
}

/** The finalised result as stored and served: the engine's StudyResult without the scatter, counts as numbers. */
export interface StoredStudyResult {
  firstDate: string;
  lastDate: string;
  days: number;
  valid: number;
  tickers: string[];
  best: Record<StudyObjective, StudyPortfolio | null>;
  top: Record<StudyObjective, StudyPortfolio[]>;
  frontier: StudyPortfolio[];
  drawdownFrontier: StudyPortfolio[];
  statistics: Record<StudyStatisticMetric, StudyMetricStatistics>;
  density: Omit<StudyDensity, 'counts'> & { counts: number[] };
  references: ReferencePortfolios | null;
}

export function storedStudyResult(result: StudyResult): StoredStudyResult {
  return {
    firstDate: result.firstDate,
    lastDate: result.lastDate,
    days: result.days,
    valid: result.valid,
    tickers: [...result.tickers],
    best: result.best,
    top: result.top,
    frontier: result.frontier,
    drawdownFrontier: result.drawdownFrontier,
    statistics: result.statistics,
    density: { ...result.density, counts: Array.from(result.density.counts) },
    references: result.references,
  };
}

/** Where a study is: the last written phase, and the chunks stored so far (counted when read). */
export interface StudyProgress {
  phase: string | null;
  percent: number;
  chunksDone: number;
  chunksTotal: number;
  candidatesEvaluated: number;
}

export interface StudyRecord {
  id: string;
  userId: string;
  status: StudyStatus;
  request: StudyRequest;
  candidateCount: number;
  chunkCount: number;
  chunkSize: number;
  fingerprint: string;
  progress: StudyProgress;
  failureReason: string | null;
  failureCode: string | null;
  /** Null in lists and until completed. */
  result: StoredStudyResult | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What a new study is recorded with. */
export type NewStudy = Pick<
  StudyRecord,
  'id' | 'userId' | 'request' | 'candidateCount' | 'chunkCount' | 'chunkSize' | 'fingerprint' | 'createdAt'
>;

/** A state change of a study row (written only while it is unfinished). */
export interface StudyChange extends JobStateChange {
  failureCode?: string | null;
  /** StoredStudyResult as JSON. */
  result?: string;
  /** encodeStudyScatter of the result's scatter. */
  scatter?: string;
}

/** Chunks stored so far. */
export interface StudyChunkCounts {
  chunksDone: number;
  candidatesEvaluated: number;
}
