import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { studyChunkCount } from '../../engine';
import { AppConfig } from '../../config/app-config';
import { JobQueues } from '../../queue/job-queues';
import { JobRecovery, RecoveryCounts, workerLostReason } from '../../queue/job-recovery';
import { StudyNotCompletedError, StudyNotFoundError } from './study.errors';
import { StudyLifecycle } from './study-lifecycle.service';
import { StudyPlanner } from './study-planner';
import { StudyRepository } from './study.repository';
import { buildStudyWorkbook } from './study-workbook';
import type { StudyRecord, StudyRequest } from './study.types';

/**
 * A chunk is deterministic: retries are for the database or the prices blinking. Bull's stalled-job handling
 * gives a chunk whose worker died to another worker (QUEUE_LOCK_MS, QUEUE_STALLED_CHECK_MS).
 */
export const STUDY_CHUNK_JOB_OPTIONS = { attempts: 3, backoffMs: 1000, timeoutMs: 600_000 } as const;

/** A chunk's job id: enqueuing it again (a retried request, the sweep) runs it once. */
export const studyChunkJobId = (studyId: string, chunk: number): string => `${studyId}:${chunk}`;

function parseChunkJobId(jobId: string): { studyId: string; chunk: number } {
  const at = jobId.lastIndexOf(':');
  return { studyId: jobId.slice(0, at), chunk: Number(jobId.slice(at + 1)) };
}

/**
 * Studies: a request is validated (every problem located), its universe's prices loaded and its plan prepared
 * (so a refusal is a 422 before anything is queued); the study is recorded with one pending row per chunk and
 * its `study.requested` event, then one job per chunk is enqueued on the `studies` queue, which any worker
 * takes (StudyChunkProcessor). The recovery sweep enqueues the chunks without a stored result of unfinished
 * studies again (Redis lost them, or their worker died too often), and the last chunk of a study whose chunks
 * are all stored but which did not complete (its worker died while merging).
 */
@Injectable()
export class StudyService implements OnModuleInit {
  private readonly logger = new Logger(StudyService.name);

  constructor(
    private readonly repository: StudyRepository,
    private readonly lifecycle: StudyLifecycle,
    private readonly planner: StudyPlanner,
    private readonly queues: JobQueues,
    private readonly recovery: JobRecovery,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recovery.register('studies', () => this.recoverStranded(this.recovery.graceSeconds));
  }

  async submit(userId: string, asked: StudyRequest): Promise<StudyRecord> {
    // The API reads an optional field's null as absent (the OpenAPI document says so): the defaults apply.
    const request = withoutNulls(asked);
    const plan = await this.planner.prepare(userId, request);
    const { study } = plan;
    const chunkSize = this.config.study.chunkSize;
    const chunkCount = studyChunkCount(study, chunkSize);
    const chunkSizes = Array.from({ length: chunkCount }, (_, chunk) =>
      Math.min(chunkSize, study.candidateCount - chunk * chunkSize),
    );
    const id = randomUUID();
    const createdAt = new Date();
    const stored = {
      id,
      userId,
      request,
      candidateCount: study.candidateCount,
      chunkCount,
      chunkSize,
      fingerprint: plan.fingerprint,
      createdAt,
    };
    await this.lifecycle.submit(stored, chunkSizes, study.method, study.seed);
    try {
      await this.enqueueChunks(id, chunkSizes.keys());
      this.logger.log({ message: 'study queued', studyId: id, userId, candidates: study.candidateCount, chunkCount });
    } catch (error) {
      // The row and its chunks are committed: the recovery sweep enqueues them once Redis answers.
      this.logger.warn({ message: 'enqueue failed, left for the recovery sweep', studyId: id, error: String(error) });
    }
    return {
      ...stored,
      status: 'queued',
      progress: { phase: null, percent: 0, chunksDone: 0, chunksTotal: chunkCount, candidatesEvaluated: 0 },
      failureReason: null,
      failureCode: null,
      result: null,
      startedAt: null,
      finishedAt: null,
    };
  }

  /** The user's own study with its result, or StudyNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<StudyRecord> {
    const study = await this.repository.findById(id);
    if (!study || study.userId !== userId) throw new StudyNotFoundError(id);
    return study;
  }

  /** The scatter as stored (encodeStudyScatter, JSON text) of the user's completed study. */
  async scatterOwned(userId: string, id: string): Promise<string> {
    const study = await this.repository.findSummary(id);
    if (!study || study.userId !== userId) throw new StudyNotFoundError(id);
    const scatter = study.status === 'completed' ? await this.repository.findScatter(id) : null;
    if (scatter === null) throw new StudyNotCompletedError(id, study.status);
    return scatter;
  }

  /** The workbook of the user's completed study. */
  async workbookOwned(userId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
    const study = await this.getOwned(userId, id);
    if (study.status !== 'completed' || !study.result) throw new StudyNotCompletedError(id, study.status);
    const buffer = await buildStudyWorkbook({
      studyId: id,
      request: study.request,
      candidateCount: study.candidateCount,
      result: study.result,
      generatedAt: new Date(),
    });
    return { buffer, fileName: `portofino-study-${id.slice(0, 8)}.xlsx` };
  }

  list(userId: string, page: number, size: number): Promise<{ items: StudyRecord[]; total: number }> {
    return this.repository.findByUser(userId, page, size);
  }

  async delete(userId: string, id: string): Promise<void> {
    const study = await this.repository.findSummary(id);
    if (!study || study.userId !== userId) throw new StudyNotFoundError(id);
    await this.repository.delete(id);
    this.logger.log({ message: 'study deleted', studyId: id, userId });
  }

  /** For the workers and the gateway: no owner check, no result. */
  findSummary(id: string): Promise<StudyRecord | null> {
    return this.repository.findSummary(id);
  }

  async recoverStranded(olderThanSeconds: number): Promise<RecoveryCounts> {
    const before = new Date(Date.now() - olderThanSeconds * 1000);
    const total: RecoveryCounts = { enqueued: 0, retried: 0, failed: 0 };
    for (
      let page = await this.repository.findUnfinished(before, 100);
      page.length > 0;
      page = await this.repository.findUnfinished(before, 100, page[page.length - 1])
    ) {
      for (const { id } of page) {
        const pending = await this.repository.pendingChunks(id);
        let chunks = pending;
        if (chunks.length === 0) {
          // Every chunk is stored but the study did not complete: its last job runs again and merges.
          const study = await this.repository.findSummary(id);
          if (!study) continue;
          chunks = [study.chunkCount - 1];
        }
        const counts = await this.recovery.recover(
          'studies',
          chunks.map((chunk) => studyChunkJobId(id, chunk)),
          {
            enqueue: (jobId) => this.enqueueChunk(parseChunkJobId(jobId)),
            failWorkerLost: (jobId) => this.failWorkerLost(parseChunkJobId(jobId)),
          },
        );
        total.enqueued += counts.enqueued;
        total.retried += counts.retried;
        total.failed += counts.failed;
      }
      if (page.length < 100) break;
    }
    return total;
  }

  private async failWorkerLost({ studyId, chunk }: { studyId: string; chunk: number }): Promise<void> {
    const study = await this.repository.findSummary(studyId);
    if (study) await this.lifecycle.fail(study, workerLostReason('study chunk'), 'WORKER_LOST', chunk);
  }

  private async enqueueChunks(studyId: string, chunks: Iterable<number>): Promise<void> {
    for (const chunk of chunks) await this.enqueueChunk({ studyId, chunk });
  }

  private async enqueueChunk({ studyId, chunk }: { studyId: string; chunk: number }): Promise<void> {
    await this.queues.enqueue(
      'studies',
      'chunk',
      { studyId, chunk },
      { jobId: studyChunkJobId(studyId, chunk), ...STUDY_CHUNK_JOB_OPTIONS },
    );
  }
}

/** A copy of a JSON request without its null fields (in nested objects too), so that null reads as absent. */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNulls(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  ) as T;
}
