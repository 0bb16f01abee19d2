import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { StudyLifecycle } from './study-lifecycle.service';
import { StudyRepository } from './study.repository';
import type { NewStudy, StoredStudyResult } from './study.types';

const REQUEST = { tickers: ['AAPL', 'KO'], start: '2020-01-01', end: '2020-12-31', candidates: 10, seed: 3 };

/** A study of 10 candidates in 3 chunks (4 + 4 + 2). */
function newStudy(userId: string): NewStudy {
  return {
    id: randomUUID(),
    userId,
    request: REQUEST,
    candidateCount: 10,
    chunkCount: 3,
    chunkSize: 4,
    fingerprint: 'f-1',
    createdAt: new Date(),
  };
}

const RESULT = { valid: 10, frontier: [{}, {}], tickers: ['AAPL', 'KO'] } as unknown as StoredStudyResult;

/**
 * The study lifecycle (StudyLifecycle over StudyRepository) on each database: each state change with its events,
 * the start written once, a final state never overwritten; chunk results stored once whoever comes first.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('study lifecycle and chunks on %s', (kind) => {
  let db: JobDatabase;
  let repository: StudyRepository;
  let lifecycle: StudyLifecycle;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new StudyRepository(db.dataSource, db.events);
    lifecycle = new StudyLifecycle(repository);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('records a queued study with a pending row per chunk and its requested event', async () => {
    const study = newStudy(await db.newUser());
    await lifecycle.submit(study, [4, 4, 2], 'random', 3);
    expect(await repository.findById(study.id)).toMatchObject({
      status: 'queued',
      request: REQUEST,
      candidateCount: 10,
      chunkCount: 3,
      chunkSize: 4,
      fingerprint: 'f-1',
      progress: { phase: null, percent: 0, chunksDone: 0, chunksTotal: 3, candidatesEvaluated: 0 },
      result: null,
    });
    expect(await repository.pendingChunks(study.id)).toEqual([0, 1, 2]);
    expect((await db.envelopes(study.id)).map((e) => [e.type, e.data])).toEqual([
      [
        'study.requested',
        {
          tickers: ['AAPL', 'KO'],
          start: '2020-01-01',
          end: '2020-12-31',
          method: 'random',
          seed: 3,
          candidateCount: 10,
          chunkCount: 3,
        },
      ],
    ]);
  });

  it('stores each chunk once, counts them, starts once, completes once; a late failure changes nothing', async () => {
    const study = newStudy(await db.newUser());
    await lifecycle.submit(study, [4, 4, 2], 'random', 3);
    expect(await lifecycle.markRunning(study)).toBe(true);
    expect(await lifecycle.markRunning(study)).toBe(false);
    await repository.markChunkStarted(study.id, 1, 'host:1');
    expect(await repository.storeChunkResult(study.id, 1, 'one', 'host:1')).toBe(true);
    expect(await repository.storeChunkResult(study.id, 1, 'again', 'host:2')).toBe(false);
    expect(await repository.storeChunkResult(study.id, 2, 'two', 'host:2')).toBe(true);
    expect(await repository.isChunkDone(study.id, 1)).toBe(true);
    expect(await repository.isChunkDone(study.id, 0)).toBe(false);
    expect(await repository.chunkCounts(study.id)).toEqual({ chunksDone: 2, candidatesEvaluated: 6 });
    expect(await repository.storedChunks(study.id)).toEqual([
      { chunk: 1, result: 'one', worker: 'host:1' },
      { chunk: 2, result: 'two', worker: 'host:2' },
    ]);
    expect(await repository.chunkWorkers(study.id)).toEqual([
      { chunk: 0, worker: null, attempts: 0 },
      { chunk: 1, worker: 'host:1', attempts: 1 },
      { chunk: 2, worker: 'host:2', attempts: 0 },
    ]);
    expect(
      await lifecycle.recordProgress(study, 'evaluating 2/3 chunks', 63, await repository.chunkCounts(study.id)),
    ).toBe(true);
    expect(await lifecycle.complete(study, RESULT, '{"count":0}', 40)).toBe(true);
    expect(await lifecycle.complete(study, RESULT, '{"count":0}', 41)).toBe(false);
    expect(await lifecycle.fail(study, 'too late', 'TRANSIENT', 0)).toBe(false);
    expect(await repository.findById(study.id)).toMatchObject({
      status: 'completed',
      progress: { phase: 'done', percent: 100, chunksDone: 2, chunksTotal: 3, candidatesEvaluated: 6 },
      result: RESULT,
    });
    expect(await repository.findScatter(study.id)).toBe('{"count":0}');
    await repository.clearChunkResults(study.id);
    expect((await repository.storedChunks(study.id)).map((one) => one.result)).toEqual(['', '']);
    expect((await db.envelopes(study.id)).map((e) => [e.type, e.data])).toEqual([
      ['study.requested', expect.objectContaining({ chunkCount: 3 })],
      ['study.started', { chunkCount: 3 }],
      [
        'study.progress',
        { phase: 'evaluating 2/3 chunks', percent: 63, chunksDone: 2, chunksTotal: 3, candidatesEvaluated: 6 },
      ],
      ['study.completed', { candidateCount: 10, valid: 10, frontierPoints: 2, durationMs: 40 }],
    ]);
  });

  it('fails with the chunk named, lists a page newest first, finds unfinished ones oldest first, deletes chunks', async () => {
    const userId = await db.newUser();
    const first = newStudy(userId);
    await lifecycle.submit(first, [4, 4, 2], 'random', 3);
    const second = { ...newStudy(userId), createdAt: new Date(first.createdAt.getTime() + 1000) };
    await lifecycle.submit(second, [4, 4, 2], 'random', 3);
    const unfinished = (await repository.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id);
    expect(unfinished.indexOf(first.id)).toBeLessThan(unfinished.indexOf(second.id));
    expect(await lifecycle.fail(first, 'a chunk could not run', 'TRANSIENT', 2)).toBe(true);
    expect(await repository.findById(first.id)).toMatchObject({
      status: 'failed',
      failureReason: 'a chunk could not run',
      failureCode: 'TRANSIENT',
    });
    expect((await db.envelopes(first.id)).map((e) => e.data).at(-1)).toEqual({
      reason: 'a chunk could not run',
      code: 'TRANSIENT',
      chunk: 2,
    });
    const page = await repository.findByUser(userId, 1, 1);
    expect(page.total).toBe(2);
    expect(page.items.map((one) => one.id)).toEqual([second.id]);
    expect((await repository.findByUser(userId, 2, 1)).items.map((one) => one.id)).toEqual([first.id]);
    await repository.delete(second.id);
    expect(await repository.findById(second.id)).toBeNull();
    expect(await repository.pendingChunks(second.id)).toEqual([]);
  });
});
