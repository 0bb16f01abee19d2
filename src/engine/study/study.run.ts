import { ParallelBatchRunner } from '../batch/parallel-batch.runner';
import { candidatesOfChunk, studyChunkCount } from './study.candidates';
import { evaluateStudyChunk, evaluateStudyChunkParallel } from './study.evaluation';
import { finalizeStudy } from './study.finalize';
import { mergeStudyResults } from './study.merge';
import { StudyPlan } from './study.plan';
import { StudyChunkResult, StudyResult } from './study.types';

/** Candidates per chunk by default: a multiple of the kernel's 8-vector block, a few seconds of work each. */
export const DEFAULT_STUDY_CHUNK_SIZE = 4096;

export interface RunStudyOptions {
  chunkSize?: number;
  /** Backtest on these threads; without one, on the calling thread. */
  runner?: ParallelBatchRunner;
  /** Called after each chunk (chunks done, chunks in all). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs a whole study in this process, chunk after chunk (yielding between chunks when a runner is used), and
 * finalises it: what the distributed version does with chunk jobs, for the CLI, tests and benchmarks. Without
 * a runner every chunk blocks the calling thread for its whole backtest: never on a server's event loop.
 */
export async function runStudy(plan: StudyPlan, options: RunStudyOptions = {}): Promise<StudyResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_STUDY_CHUNK_SIZE;
  const chunks = studyChunkCount(plan.study, chunkSize);
  let merged: StudyChunkResult | null = null;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const candidates = candidatesOfChunk(plan.study, chunk, chunkSize);
    const result = options.runner
      ? await evaluateStudyChunkParallel(plan, candidates, options.runner)
      : evaluateStudyChunk(plan, candidates);
    merged = merged === null ? result : mergeStudyResults([merged, result]);
    options.onProgress?.(chunk + 1, chunks);
  }
  return finalizeStudy(plan, merged!);
}
