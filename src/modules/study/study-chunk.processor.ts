import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import {
  decodeStudyChunkResult,
  encodeStudyChunkResult,
  encodeStudyScatter,
  finalizeStudy,
  mergeStudyResults,
  StudyError,
  type StudyChunkResult,
} from '../../engine';
import { AppConfig } from '../../config/app-config';
import { decideFailure } from '../../jobs/job-failure';
import { JobProgress } from '../../jobs/job-progress';
import { isFinished } from '../../jobs/job-status';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { StudyInputError } from './study.errors';
import { StudyLifecycle } from './study-lifecycle.service';
import { StudyPlanner } from './study-planner';
import { StudyRepository } from './study.repository';
import { drawChunkInSlices, reduceChunkInSlices } from './study-slices';
import { StudyThreads } from './study-threads';
import { storedStudyResult, type StudyRecord } from './study.types';

type ChunkJob = JobData<'studies', 'chunk'>;

/** The failure policy's words for a study (src/jobs/job-failure.ts). */
const FAILURE_WORDING = {
  unknownCode: 'TRANSIENT',
  afterTries: (attempts: number, message: string) =>
    `a chunk of the study could not be evaluated after ${attempts} tries (${message}); run it again later`,
};

/** Progress throttles a worker keeps (one per study it works on). */
const TRACKED_STUDIES = 16;

/** Share of the progress the chunks make; merging and finalising make the rest. */
const EVALUATING_PERCENT = 95;

/** A moment for other work of the event loop (between merges of chunk results). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs one chunk of a study — candidates drawn and their results reduced on the event loop in slices of
 * STUDY_SLICE_MS (study-slices.ts), the backtest on this worker's threads (StudyThreads), so the loop never waits
 * long — and stores its result (once, whoever comes first); the worker that finds every chunk stored merges them, finalises the
 * study and completes it — a conditional state change, so two workers finishing at once complete it once.
 * Progress (chunks stored, candidates evaluated) is written through a JobProgress per study, throttled by
 * SIMULATION_PROGRESS_MS. A chunk whose worker died is taken again by another (Bull's stalled jobs, and the
 * recovery sweep in StudyService); a stored chunk is never evaluated again.
 */
@Injectable()
@JobProcessor('studies')
export class StudyChunkProcessor {
  private readonly logger = new Logger(StudyChunkProcessor.name);
  /** This worker, as study_chunks records who stored a chunk. */
  readonly worker = `${hostname()}:${process.pid}`;
  private readonly progressByStudy = new Map<string, JobProgress>();

  constructor(
    private readonly repository: StudyRepository,
    private readonly lifecycle: StudyLifecycle,
    private readonly planner: StudyPlanner,
    private readonly threads: StudyThreads,
    private readonly config: AppConfig,
  ) {}

  @HandlesJob<'studies'>('chunk')
  async chunk(job: JobContext<ChunkJob>): Promise<{ status: string }> {
    const { studyId, chunk } = job.data;
    const study = await this.repository.findSummary(studyId);
    if (!study) return { status: 'deleted' };
    if (isFinished(study.status)) {
      await this.forget(studyId);
      return { status: study.status };
    }
    try {
      if (!(await this.repository.isChunkDone(studyId, chunk))) await this.evaluate(study, chunk);
      const counts = await this.repository.chunkCounts(studyId);
      if (counts.chunksDone < study.chunkCount) {
        const percent = Math.floor((EVALUATING_PERCENT * counts.chunksDone) / study.chunkCount);
        await this.progressOf(study).report('evaluating', percent);
        return { status: 'stored' };
      }
      return await this.finish(study);
    } catch (error) {
      return this.handleFailure(study, chunk, job, error);
    }
  }

  private async evaluate(study: StudyRecord, chunk: number): Promise<void> {
    await this.repository.markChunkStarted(study.id, chunk, this.worker);
    if (study.status === 'queued') await this.lifecycle.markRunning(study);
    const plan = await this.planner.planFor(study);
    const started = Date.now();
    // Drawing and reducing run here in slices of a few ms; the backtest on the threads.
    const candidates = await drawChunkInSlices(plan.study, chunk, study.chunkSize);
    const batch = await this.threads.get().run(plan.simulation, candidates.weights);
    const result = await reduceChunkInSlices(plan, candidates, batch);
    const stored = await this.repository.storeChunkResult(study.id, chunk, encodeStudyChunkResult(result), this.worker);
    this.logger.log({
      message: stored ? 'study chunk stored' : 'study chunk already stored by another worker',
      studyId: study.id,
      chunk,
      candidates: candidates.count,
      ms: Date.now() - started,
    });
  }

  /** Every chunk is stored: merge, finalise, complete (once). */
  private async finish(study: StudyRecord): Promise<{ status: string }> {
    await this.forget(study.id);
    const chunks = await this.repository.storedChunks(study.id);
    // Another worker completed the study meanwhile and freed the chunk results.
    if (chunks.some((stored) => stored.result === '')) return { status: 'finished-elsewhere' };
    const plan = await this.planner.planFor(study);
    let merged: StudyChunkResult | null = null;
    for (const stored of chunks) {
      await yieldToEventLoop();
      const result = decodeStudyChunkResult(stored.result);
      merged = merged === null ? result : mergeStudyResults([merged, result]);
    }
    await yieldToEventLoop();
    const result = finalizeStudy(plan, merged!);
    const durationMs = Date.now() - (study.startedAt ?? study.createdAt).getTime();
    const completed = await this.lifecycle.complete(
      study,
      storedStudyResult(result),
      JSON.stringify(encodeStudyScatter(result.scatter)),
      durationMs,
    );
    this.planner.forget(study.id);
    if (!completed) return { status: 'finished-elsewhere' };
    await this.repository.clearChunkResults(study.id);
    this.logger.log({ message: 'study completed', studyId: study.id, candidates: study.candidateCount, durationMs });
    return { status: 'completed' };
  }

  /** The study's progress throttle in this worker; each write reads the chunk counts as they are then. */
  private progressOf(study: StudyRecord): JobProgress {
    let progress = this.progressByStudy.get(study.id);
    if (!progress) {
      const write = async () => {
        const counts = await this.repository.chunkCounts(study.id);
        const percent = Math.floor((EVALUATING_PERCENT * counts.chunksDone) / study.chunkCount);
        return this.lifecycle.recordProgress(
          study,
          `evaluating ${counts.chunksDone}/${study.chunkCount} chunks`,
          percent,
          counts,
        );
      };
      progress = new JobProgress({
        intervalMs: this.config.simulation.progressIntervalMs,
        started: true,
        queue: async () => undefined,
        writes: { start: write, progress: write },
        onWriteError: (error, phase) =>
          this.logger.warn({ message: 'progress not recorded', studyId: study.id, phase, error: String(error) }),
      });
      this.progressByStudy.set(study.id, progress);
      while (this.progressByStudy.size > TRACKED_STUDIES) {
        const oldest = this.progressByStudy.keys().next().value!;
        void this.forget(oldest);
      }
    }
    return progress;
  }

  private async forget(studyId: string): Promise<void> {
    const progress = this.progressByStudy.get(studyId);
    this.progressByStudy.delete(studyId);
    await progress?.settle();
  }

  /** The shared failure policy (src/jobs/job-failure.ts): retry what may pass, fail the study on the rest. */
  private async handleFailure(
    study: StudyRecord,
    chunk: number,
    job: JobContext<ChunkJob>,
    error: unknown,
  ): Promise<{ status: string }> {
    // Results that do not belong together cannot merge on any try.
    const cause = error instanceof StudyError ? new StudyInputError(error.message, error.code) : error;
    const decision = decideFailure(cause, job, FAILURE_WORDING);
    if (decision.retry) throw error;
    const { reason, code } = decision;
    await this.forget(study.id);
    this.planner.forget(study.id);
    if (!(await this.lifecycle.fail(study, reason, code, chunk))) return { status: 'finished-elsewhere' };
    this.logger.warn({ message: 'study failed', studyId: study.id, chunk, code, reason });
    if (!decision.retryable) throw new NonRetryableJobError(reason);
    throw error;
  }
}
