import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ParallelBatchRunner } from '../../src/engine';
import type { StudyRequest } from '../../src/modules/study/study.types';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';
import { asServed, expectedStudy } from './study-expected';

// 5 tickers over 1990–2022 (about 8,300 days), 6 chunks of 4,096 uniform candidates: each chunk is some
// 170 M asset-days, long enough (a fraction of a second to a few seconds) to kill a worker in the middle of one.
const CHUNK = 4096;
const STUDY: StudyRequest = {
  tickers: ['AAPL', 'KO', 'XOM', 'JNJ', 'WMT'],
  start: '1990-01-01',
  end: '2022-12-31',
  candidates: 6 * CHUNK,
  seed: 21,
  options: { rebalance: 'monthly' },
};

interface ChunkRow {
  chunk: number;
  status: string;
  worker: string | null;
  attempts: number;
}

/**
 * Issue 21, distributed: an API process and TWO worker processes on real Redis (Bull), PostgreSQL and Kafka.
 * The chunks spread over both workers (study_chunks records who stored each); one worker is killed (SIGKILL) in
 * the middle of a chunk, which Bull's stalled-job handling gives to the other; the result equals a
 * single-process run of the engine with the same seed, and the study completes exactly once.
 */
describe('a study over two worker processes on Redis', () => {
  let env: Record<string, string>;
  let api: RunningApp;
  let db: DataSource;
  let alice: TestUser;
  const workers: ServerProcess[] = [];
  const name = (worker: ServerProcess) => `${hostname()}:${worker.child.pid}`;
  const chunks = async (studyId: string): Promise<ChunkRow[]> =>
    (await db.query('SELECT chunk, status, worker, attempts FROM study_chunks WHERE study_id = $1 ORDER BY chunk', [
      studyId,
    ])) as ChunkRow[];

  beforeAll(async () => {
    env = {
      DATABASE_URL: await testDatabaseUrl('study-workers'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('study-workers'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      JWT_SECRET: 'study-workers-test-secret-long-enough-0123456789',
      MARKET_DATA_PROVIDERS: 'sample',
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
      STUDY_THREADS: '1',
      STUDY_CHUNK_SIZE: String(CHUNK),
    };
    api = await startApp(env, 'api');
    db = api.app.get(DataSource);
    alice = await signUp(api.url, 'alice');
    workers.push(
      ...(await Promise.all([1, 2].map(() => startServerProcess(env, ['--role=worker'], { timeoutMs: 150_000 })))),
    );
  }, 240_000);

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await api?.close();
  }, 60_000);

  it('spreads the chunks over both workers, survives one killed mid-chunk, and equals a single run', async () => {
    const [first, second] = workers;
    const accepted = await request(api.url).post('/studies').set('Authorization', alice.bearer).send(STUDY).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', candidateCount: 6 * CHUNK, chunkCount: 6 });
    const studyId = accepted.body.studyId as string;

    // The first worker has stored a chunk and is in the middle of another: kill it there.
    const killed = await eventually(
      async () => {
        const rows = await chunks(studyId);
        const stored = rows.some((row) => row.status === 'done' && row.worker === name(first));
        const inFlight = rows.find((row) => row.status === 'pending' && row.worker === name(first));
        return stored && inFlight ? inFlight.chunk : undefined;
      },
      120_000,
      'the first worker in the middle of its second chunk',
    );
    first.child.kill('SIGKILL');
    await first.stop();

    const detail = await eventually(
      async () => {
        const response = await request(api.url).get(`/studies/${studyId}`).set('Authorization', alice.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      180_000,
      'the study to finish',
    );
    expect(detail.failureReason).toBeNull();
    expect(detail.status).toBe('completed');

    const rows = await chunks(studyId);
    expect(rows.every((row) => row.status === 'done')).toBe(true);
    const storedBy = new Set(rows.map((row) => row.worker));
    expect(storedBy).toEqual(new Set([name(first), name(second)]));
    // The killed worker's chunk was taken again by the other one.
    expect(rows[killed]).toMatchObject({ worker: name(second) });
    expect(rows[killed].attempts).toBeGreaterThanOrEqual(2);

    // The same study in this process, one run, other chunks (on threads: Jest slows the kernel in its vm).
    const runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), 2);
    try {
      const expected = await expectedStudy(STUDY, 10_000, runner);
      expect(detail.result).toEqual(asServed(expected));
    } finally {
      await runner.close();
    }

    const events = (
      (await db.query('SELECT payload FROM event_outbox WHERE "key" = $1 ORDER BY seq', [studyId])) as {
        payload: string;
      }[]
    ).map((row) => JSON.parse(row.payload) as { type: string; version: number });
    const count = (type: string) => events.filter((event) => event.type === type).length;
    expect([count('study.requested'), count('study.started'), count('study.completed'), count('study.failed')]).toEqual(
      [1, 1, 1, 0],
    );
    const validate = createEventValidator();
    expect(events.map((event) => validate(event))).toEqual(events.map(() => []));
  }, 420_000);
});
