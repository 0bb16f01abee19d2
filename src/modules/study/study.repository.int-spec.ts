import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { STUDY_EVENTS, studyEvent } from './study.events';
import { StudyRepository } from './study.repository';
import type { NewStudy } from './study.types';

const REQUEST = { tickers: ['AAPL', 'KO', 'MSFT'], start: '2020-01-01', end: '2020-12-31', candidates: 2_410, seed: 9 };

/** A study of `chunkSizes.length` chunks, requested at `createdAt`. */
function newStudy(userId: string, chunkSizes: number[], createdAt = new Date()): NewStudy {
  return {
    id: randomUUID(),
    userId,
    request: REQUEST,
    candidateCount: chunkSizes.reduce((sum, size) => sum + size, 0),
    chunkCount: chunkSizes.length,
    chunkSize: chunkSizes[0],
    fingerprint: 'f-2',
    createdAt,
  };
}

/**
 * StudyRepository on each database: many chunks at once, tries counted on pending chunks only, the start written
 * once, a user's page with each study's own counts, and the recovery sweep's pages. (The lifecycle's state
 * changes with their events: study-lifecycle.int-spec.ts.)
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('StudyRepository on %s', (kind) => {
  let db: JobDatabase;
  let repository: StudyRepository;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new StudyRepository(db.dataSource, db.events);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function inserted(userId: string, chunkSizes: number[], createdAt?: Date): Promise<NewStudy> {
    const study = newStudy(userId, chunkSizes, createdAt);
    await repository.insert(study, chunkSizes, []);
    return study;
  }

  it('inserts more chunks than one statement may carry, and counts tries on pending chunks only', async () => {
    const sizes = Array.from({ length: 101 }, () => 10);
    const study = await inserted(await db.newUser(), sizes);
    expect(await repository.pendingChunks(study.id)).toEqual(sizes.map((_, chunk) => chunk));
    await repository.markChunkStarted(study.id, 100, 'worker-a');
    await repository.markChunkStarted(study.id, 100, 'worker-b');
    expect(await repository.storeChunkResult(study.id, 100, '{"chunk":100}', 'worker-b')).toBe(true);
    // A try after the result is stored is not counted.
    await repository.markChunkStarted(study.id, 100, 'worker-c');
    expect((await repository.chunkWorkers(study.id)).slice(-1)).toEqual([
      { chunk: 100, worker: 'worker-b', attempts: 2 },
    ]);
    expect((await repository.pendingChunks(study.id)).length).toBe(100);
    expect(await repository.chunkCounts(study.id)).toEqual({ chunksDone: 1, candidatesEvaluated: 10 });
  });

  it('writes a change while queued once (the first chunk’s start), and frees chunk results once finished', async () => {
    const userId = await db.newUser();
    const study = await inserted(userId, [5, 5]);
    const event = studyEvent(STUDY_EVENTS.started, userId, study.id, { chunkCount: 2 });
    const start = { status: 'running' as const, startedAt: new Date(), progressPhase: 'evaluating' };
    expect(await repository.changeQueued(study.id, start, [event])).toBe(true);
    expect(await repository.changeQueued(study.id, start, [event])).toBe(false);
    expect((await db.envelopes(study.id)).map((envelope) => envelope.type)).toEqual(['study.started']);
    await repository.storeChunkResult(study.id, 0, '{"chunk":0}', 'a');
    await repository.storeChunkResult(study.id, 1, '{"chunk":1}', 'b');
    await repository.clearChunkResults(study.id);
    expect(await repository.storedChunks(study.id)).toEqual([
      { chunk: 0, result: '', worker: 'a' },
      { chunk: 1, result: '', worker: 'b' },
    ]);
    // The counts stay: they are of chunks done, not of results kept.
    expect(await repository.chunkCounts(study.id)).toEqual({ chunksDone: 2, candidatesEvaluated: 10 });
  });

  it('pages a user’s studies newest first, each with its own chunk counts and no result', async () => {
    const userId = await db.newUser();
    const older = await inserted(userId, [3, 3, 3], new Date('2026-02-01T00:00:00Z'));
    const newer = await inserted(userId, [7, 7], new Date('2026-02-02T00:00:00Z'));
    await inserted(await db.newUser(), [1], new Date('2026-02-03T00:00:00Z'));
    await repository.storeChunkResult(older.id, 2, '{}', 'w');
    await repository.storeChunkResult(newer.id, 0, '{}', 'w');
    await repository.storeChunkResult(newer.id, 1, '{}', 'w');
    const first = await repository.findByUser(userId, 1, 1);
    const second = await repository.findByUser(userId, 2, 1);
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((study) => [study.id, study.progress, study.result])).toEqual([
      [newer.id, { phase: null, percent: 0, chunksDone: 2, chunksTotal: 2, candidatesEvaluated: 14 }, null],
      [older.id, { phase: null, percent: 0, chunksDone: 1, chunksTotal: 3, candidatesEvaluated: 3 }, null],
    ]);
    expect(await repository.findByUser(await db.newUser(), 1, 10)).toEqual({ items: [], total: 0 });
  });

  it('pages the unfinished studies requested before a time, oldest first, after a cursor; deletes with chunks', async () => {
    const userId = await db.newUser();
    const day = (n: number) => new Date(Date.UTC(2002, 0, n));
    const studies = [await inserted(userId, [1], day(1)), await inserted(userId, [1], day(2))];
    const third = await inserted(userId, [1], day(3));
    const failed = await inserted(userId, [1], day(1));
    await repository.changeUnfinished(failed.id, { status: 'failed', failureReason: 'x' }, []);
    const page = await repository.findUnfinished(day(10), 2);
    expect(page).toEqual(studies.map((study) => ({ id: study.id, createdAt: study.createdAt })));
    expect(await repository.findUnfinished(day(10), 2, page[1])).toEqual([{ id: third.id, createdAt: day(3) }]);
    await repository.delete(third.id);
    expect([await repository.findSummary(third.id), await repository.pendingChunks(third.id)]).toEqual([null, []]);
    expect(await repository.findUnfinished(day(10), 5, page[1])).toEqual([]);
  });
});
