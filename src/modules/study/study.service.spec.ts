import { describe, expect, it } from '@jest/globals';
import { SyntheticPriceSource } from '../../../test/support/synthetic-prices';
import { parseEnvironment } from '../../config/environment.schema';
import type { DomainEvent } from '../../events/event-envelope';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import { TickerNotFoundError } from '../market-data/market-data.errors';
import { StudyLifecycle } from './study-lifecycle.service';
import { StudyPlanner } from './study-planner';
import type { StudyRepository } from './study.repository';
import { STUDY_CHUNK_JOB_OPTIONS, StudyService } from './study.service';
import type { NewStudy, StudyChange, StudyRecord } from './study.types';

const OWNER = 'user-1';
const REQUEST = { tickers: ['AAPL', 'KO', 'MSFT'], start: '2020-01-01', end: '2020-12-31', candidates: 20, seed: 4 };

type Storage = Pick<
  StudyRepository,
  | 'insert'
  | 'findById'
  | 'findSummary'
  | 'findScatter'
  | 'findUnfinished'
  | 'pendingChunks'
  | 'delete'
  | 'changeUnfinished'
>;

/** The studies and study_chunks tables in memory (their SQL: study.repository.int-spec.ts). */
class InMemoryStudies implements Storage {
  readonly rows = new Map<string, StudyRecord>();
  readonly pending = new Map<string, number[]>();
  readonly events: DomainEvent[] = [];

  async insert(study: NewStudy, chunkSizes: readonly number[], events: DomainEvent[]): Promise<void> {
    this.rows.set(study.id, {
      ...study,
      status: 'queued',
      progress: { phase: null, percent: 0, chunksDone: 0, chunksTotal: study.chunkCount, candidatesEvaluated: 0 },
      failureReason: null,
      failureCode: null,
      result: null,
      startedAt: null,
      finishedAt: null,
    });
    this.pending.set(study.id, [...chunkSizes.keys()]);
    this.events.push(...events);
  }
  async findById(id: string): Promise<StudyRecord | null> {
    return this.rows.get(id) ?? null;
  }
  async findSummary(id: string): Promise<StudyRecord | null> {
    const study = this.rows.get(id);
    return study ? { ...study, result: null } : null;
  }
  async findScatter(id: string): Promise<string | null> {
    return this.rows.get(id)?.status === 'completed' ? '{"points":[]}' : null;
  }
  async findUnfinished(before: Date, limit: number) {
    return [...this.rows.values()]
      .filter((one) => (one.status === 'queued' || one.status === 'running') && one.createdAt < before)
      .slice(0, limit)
      .map(({ id, createdAt }) => ({ id, createdAt }));
  }
  async pendingChunks(studyId: string): Promise<number[]> {
    return this.pending.get(studyId) ?? [];
  }
  async delete(id: string): Promise<void> {
    this.rows.delete(id);
    this.pending.delete(id);
  }
  async changeUnfinished(id: string, change: StudyChange, events: DomainEvent[]): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status === 'completed' || row.status === 'failed') return false;
    this.rows.set(id, {
      ...row,
      status: change.status ?? row.status,
      failureReason: change.failureReason ?? row.failureReason,
      failureCode: change.failureCode ?? row.failureCode,
    });
    this.events.push(...events);
    return true;
  }
}

class RecordingQueues extends InMemoryJobQueues {
  readonly enqueued: { jobId?: string; data: unknown }[] = [];
  down = false;

  override async enqueue(...[queue, name, data, options]: Parameters<InMemoryJobQueues['enqueue']>) {
    if (this.down) throw new Error('queue unavailable');
    this.enqueued.push({ jobId: options?.jobId, data });
    expect(options).toEqual({ jobId: options?.jobId, ...STUDY_CHUNK_JOB_OPTIONS });
    return super.enqueue(queue, name, data, options);
  }
}

function setUp() {
  const studies = new InMemoryStudies();
  const prices = new SyntheticPriceSource();
  const queues = new RecordingQueues();
  const config = parseEnvironment({ NODE_ENV: 'test', STUDY_CHUNK_SIZE: '8' });
  const service = new StudyService(
    studies as unknown as StudyRepository,
    new StudyLifecycle(studies as unknown as StudyRepository),
    new StudyPlanner(prices),
    queues,
    new JobRecovery(config, queues),
    config,
  );
  return { studies, prices, queues, service };
}

/** StudyService over in-memory storage and synthetic prices: chunking, refusals, ownership, recovery of chunks. */
describe('StudyService', () => {
  it('records the study in chunks of STUDY_CHUNK_SIZE with its event, and enqueues one job per chunk', async () => {
    const { studies, queues, service } = setUp();
    // null reads as absent: the defaults apply.
    const study = await service.submit(OWNER, { ...REQUEST, topN: null } as unknown as typeof REQUEST);
    expect(study).toMatchObject({
      status: 'queued',
      request: REQUEST,
      candidateCount: 20,
      chunkCount: 3,
      chunkSize: 8,
      progress: { chunksDone: 0, chunksTotal: 3 },
    });
    expect(await studies.pendingChunks(study.id)).toEqual([0, 1, 2]);
    expect(studies.events.map((event) => [event.type, event.data])).toEqual([
      [
        'study.requested',
        expect.objectContaining({ tickers: REQUEST.tickers, seed: 4, candidateCount: 20, chunkCount: 3 }),
      ],
    ]);
    expect(queues.enqueued).toEqual(
      [0, 1, 2].map((chunk) => ({ jobId: `${study.id}:${chunk}`, data: { studyId: study.id, chunk } })),
    );
  });

  it('refuses an invalid request or an unknown ticker with 422 INVALID_STUDY before recording anything', async () => {
    const { studies, prices, queues, service } = setUp();
    await expect(service.submit(OWNER, { ...REQUEST, tickers: ['AAPL'] })).rejects.toMatchObject({
      code: 'INVALID_STUDY',
      httpStatus: 422,
    });
    prices.failFor.set('KO', new TickerNotFoundError('KO', ['sample']));
    await expect(service.submit(OWNER, REQUEST)).rejects.toMatchObject({ code: 'INVALID_STUDY', httpStatus: 422 });
    expect([studies.rows.size, queues.enqueued.length]).toEqual([0, 0]);
  });

  it('lets only the owner read, delete or fetch the scatter; a scatter waits for the completion (409)', async () => {
    const { studies, service } = setUp();
    const study = await service.submit(OWNER, REQUEST);
    for (const attempt of [
      service.getOwned('user-2', study.id),
      service.scatterOwned('user-2', study.id),
      service.delete('user-2', study.id),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'STUDY_NOT_FOUND', httpStatus: 404 });
    }
    await expect(service.scatterOwned(OWNER, study.id)).rejects.toMatchObject({
      code: 'STUDY_NOT_COMPLETED',
      httpStatus: 409,
    });
    await expect(service.workbookOwned(OWNER, study.id)).rejects.toMatchObject({ httpStatus: 409 });
    await service.delete(OWNER, study.id);
    expect(studies.rows.has(study.id)).toBe(false);
  });

  it('enqueues again the pending chunks Redis never got, and the last chunk of a study whose chunks are all stored', async () => {
    const { studies, queues, service } = setUp();
    queues.down = true;
    const lost = await service.submit(OWNER, REQUEST);
    const merged = await service.submit(OWNER, REQUEST);
    queues.down = false;
    for (const study of [lost, merged])
      studies.rows.set(study.id, { ...study, createdAt: new Date(Date.now() - 60_000) });
    // Redis has none of their jobs; every chunk of `merged` is stored (its worker died while merging).
    studies.pending.set(merged.id, []);
    expect(await service.recoverStranded(30)).toEqual({ enqueued: 4, retried: 0, failed: 0 });
    expect(queues.enqueued.map((job) => job.jobId)).toEqual([
      `${lost.id}:0`,
      `${lost.id}:1`,
      `${lost.id}:2`,
      `${merged.id}:2`,
    ]);
  });
});
