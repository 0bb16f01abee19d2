import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '../../config/app-config';
import type { JobContext } from '../../queue/job-queues';
import { NonRetryableJobError } from '../../queue/job-queues';
import { StudyInputError } from './study.errors';
import { StudyChunkProcessor } from './study-chunk.processor';
import type { StudyLifecycle } from './study-lifecycle.service';
import type { StudyPlanner } from './study-planner';
import type { StudyRepository } from './study.repository';
import type { StudyThreads } from './study-threads';
import type { StudyRecord } from './study.types';

const STUDY: StudyRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  userId: 'u1',
  status: 'running',
  request: { tickers: ['AAPL', 'KO'], start: '2020-01-01', end: '2020-12-31', candidates: 8 },
  candidateCount: 8,
  chunkCount: 2,
  chunkSize: 4,
  fingerprint: 'f',
  progress: { phase: null, percent: 0, chunksDone: 0, chunksTotal: 2, candidatesEvaluated: 0 },
  failureReason: null,
  failureCode: null,
  result: null,
  createdAt: new Date(0),
  startedAt: new Date(0),
  finishedAt: null,
};

/** A processor whose planner fails with `error` (or whose stored chunks do not merge), recording the failures. */
function processor(options: { status?: StudyRecord['status']; planError?: unknown; chunksDone?: number }) {
  const failures: unknown[][] = [];
  let planned = 0;
  const repository = {
    findSummary: async () => ({ ...STUDY, status: options.status ?? 'running' }),
    isChunkDone: async () => (options.chunksDone ?? 0) > 0,
    markChunkStarted: async () => undefined,
    chunkCounts: async () => ({ chunksDone: options.chunksDone ?? 0, candidatesEvaluated: 4 }),
    // Two stored chunks that are not chunk results: merging them is a RESULTS_MISMATCH.
    storedChunks: async () => [
      { chunk: 0, result: '{"format":"portofino-study-chunk/0"}', worker: 'a' },
      { chunk: 1, result: '{"format":"portofino-study-chunk/0"}', worker: 'b' },
    ],
  } as unknown as StudyRepository;
  const lifecycle = {
    markRunning: async () => true,
    fail: async (...args: unknown[]) => {
      failures.push(args.slice(1));
      return true;
    },
  } as unknown as StudyLifecycle;
  const planner = {
    planFor: async () => {
      planned += 1;
      if (options.planError) throw options.planError;
      return {};
    },
    forget: () => undefined,
  } as unknown as StudyPlanner;
  const config = { simulation: { progressIntervalMs: 0 } } as AppConfig;
  const subject = new StudyChunkProcessor(repository, lifecycle, planner, {} as StudyThreads, config);
  return { subject, failures, planned: () => planned };
}

const job = (attemptsMade: number, attempts = 3): JobContext<{ studyId: string; chunk: number }> => ({
  id: `${STUDY.id}:1`,
  name: 'chunk',
  data: { studyId: STUDY.id, chunk: 1 },
  attemptsMade,
  attempts,
  enqueuedAt: new Date(0),
  reportProgress: async () => undefined,
});

describe('the study chunk processor’s failure policy', () => {
  it('stops at once on a finished study, without planning or evaluating', async () => {
    const { subject, planned, failures } = processor({ status: 'completed' });
    await expect(subject.chunk(job(0))).resolves.toEqual({ status: 'completed' });
    expect(planned()).toBe(0);
    expect(failures).toEqual([]);
  });

  it('fails the study at once on input it cannot run on (prices changed), naming the chunk', async () => {
    const { subject, failures } = processor({ planError: new StudyInputError('the prices changed', 'PRICES_CHANGED') });
    await expect(subject.chunk(job(0))).rejects.toBeInstanceOf(NonRetryableJobError);
    expect(failures).toEqual([['the prices changed', 'PRICES_CHANGED', 1]]);
  });

  it('retries a transient error while tries are left, then fails the study in its own words', async () => {
    const outage = new Error('connection reset');
    const early = processor({ planError: outage });
    await expect(early.subject.chunk(job(0))).rejects.toBe(outage);
    expect(early.failures).toEqual([]);
    const last = processor({ planError: outage });
    await expect(last.subject.chunk(job(2))).rejects.toBe(outage);
    expect(last.failures).toEqual([
      [
        'a chunk of the study could not be evaluated after 3 tries (connection reset); run it again later',
        'TRANSIENT',
        1,
      ],
    ]);
  });

  it('fails the study at once when its stored chunk results cannot be merged (a StudyError is final)', async () => {
    const { subject, failures } = processor({ chunksDone: 2 });
    await expect(subject.chunk(job(0))).rejects.toBeInstanceOf(NonRetryableJobError);
    expect(failures).toEqual([[expect.stringContaining('malformed study chunk result'), 'RESULTS_MISMATCH', 1]]);
  });
});
