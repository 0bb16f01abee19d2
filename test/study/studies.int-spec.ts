import ExcelJS from 'exceljs';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { StudyRequest } from '../../src/modules/study/study.types';
import { createEventValidator } from '../support/event-schemas';
import { connectSocket } from '../support/sockets';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';
import { asServed, expectedStudy, scatterColumns } from './study-expected';

// 4 tickers, 1,500 uniform candidates, monthly rebalancing with a fee over 2015–2020: with STUDY_CHUNK_SIZE=256
// that is 6 chunk jobs (5 × 256 + 220).
const STUDY: StudyRequest = {
  tickers: ['AAPL', 'KO', 'XOM', 'JNJ'],
  start: '2015-01-01',
  end: '2020-12-31',
  candidates: 1500,
  seed: 7,
  topN: 5,
  objectives: { maxDrawdownPercent: 30 },
  options: { rebalance: 'monthly', fee: '0.1%', rf: 1 },
};

interface Detail {
  id: string;
  status: string;
  candidateCount: number;
  chunkCount: number;
  failureReason: string | null;
  progress: {
    phase: string | null;
    percent: number;
    chunksDone: number;
    chunksTotal: number;
    candidatesEvaluated: number;
  };
  result: Record<string, unknown> | null;
}

/**
 * Studies (issue 21) embedded: SQLite and the in-process queue, chunks on this process's worker threads. The
 * result must equal a single run of the engine with the same seed (another chunk size); every emitted event is
 * checked against its JSON Schema (docs/events/study.*).
 */
describe('studies, embedded (SQLite, in-process queue)', () => {
  let running: RunningApp;
  let db: DataSource;
  let alice: TestUser;
  let bob: TestUser;
  const api = () => request(running.url);

  const finished = (user: TestUser, id: string): Promise<Detail> =>
    eventually(
      async () => {
        const response = await api().get(`/studies/${id}`).set('Authorization', user.bearer).expect(200);
        return ['completed', 'failed'].includes(response.body.status) ? (response.body as Detail) : undefined;
      },
      120_000,
      `study ${id} to finish`,
    );

  beforeAll(async () => {
    running = await startApp({
      SQLITE_PATH: temporarySqlitePath().path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      STUDY_CHUNK_SIZE: '256',
      STUDY_THREADS: '2',
      SIMULATION_PROGRESS_MS: '0',
    });
    db = running.app.get(DataSource);
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
  });

  afterAll(async () => {
    await running.close();
  });

  it('runs a study in chunks, live on the socket, to the result of a single run with the same seed', async () => {
    const socket: Socket = await connectSocket(running.url, '/studies', alice.accessToken);
    const messages: string[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      socket.on(name, () => messages.push(name));
    }
    try {
      const accepted = await api().post('/studies').set('Authorization', alice.bearer).send(STUDY);
      expect(accepted.status).toBe(202);
      expect(accepted.body).toEqual({
        studyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'queued',
        candidateCount: 1500,
        chunkCount: 6,
      });
      const studyId = accepted.body.studyId as string;
      const detail = await finished(alice, studyId);
      expect(detail.failureReason).toBeNull();
      expect(detail.status).toBe('completed');
      expect(detail.progress).toEqual({
        phase: 'done',
        percent: 100,
        chunksDone: 6,
        chunksTotal: 6,
        candidatesEvaluated: 1500,
      });

      const expected = await expectedStudy(STUDY, 1000);
      const served = asServed(expected);
      expect(detail.result).toEqual(served);
      const best = detail.result!.best as Record<string, { command: string; weights: number[] } | null>;
      expect(best.maxSharpe!.command).toMatch(
        /^(AAPL|JNJ|KO|XOM)-L-[\d.]+%.* 2015-01-01 2020-12-31 rebalance=monthly fee=0.1% rf=1%$/,
      );

      const scatter = await api().get(`/studies/${studyId}/scatter`).set('Authorization', alice.bearer).expect(200);
      expect(scatter.body.count).toBe(1500);
      expect(scatterColumns(scatter.body)).toEqual({
        stride: 1,
        index: Array.from(expected.scatter.index),
        volatility: Array.from(expected.scatter.volatility),
        cagr: Array.from(expected.scatter.cagr),
        sharpe: Array.from(expected.scatter.sharpe),
        maxDrawdown: Array.from(expected.scatter.maxDrawdown),
      });

      const xlsx = await api()
        .get(`/studies/${studyId}/xlsx`)
        .set('Authorization', alice.bearer)
        .buffer(true)
        .parse((response, done) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('end', () => done(null, Buffer.concat(parts)));
        })
        .expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'Best',
        'References',
        'Frontier',
        'Drawdown frontier',
      ]);
      const bestSheet = workbook.getWorksheet('Best')!;
      // Objective, rank, 8 metrics, 4 weights, the command; 4 objectives × topN 5 rows.
      expect(bestSheet.getRow(1).values).toEqual([
        undefined,
        'Objective',
        'Rank',
        'CAGR',
        'Volatility',
        'Sharpe',
        'Sortino',
        'Max drawdown',
        'Calmar',
        'Total return',
        'Final value',
        'Weight AAPL',
        'Weight KO',
        'Weight XOM',
        'Weight JNJ',
        'Command',
      ]);
      expect(bestSheet.rowCount).toBe(1 + 4 * 5);
      const first = bestSheet.getRow(2).values as unknown[];
      expect(first.slice(1, 5)).toEqual([
        'Maximum Sharpe',
        1,
        expected.best.maxSharpe!.summary.cagr,
        expected.best.maxSharpe!.summary.volatility,
      ]);
      expect(first.slice(11, 16)).toEqual([...expected.best.maxSharpe!.weights, expected.best.maxSharpe!.command]);
      expect(workbook.getWorksheet('Frontier')!.rowCount).toBe(1 + expected.frontier.length);

      const events = (
        (await db.query(`SELECT payload FROM event_outbox WHERE "key" = ? ORDER BY seq`, [studyId])) as {
          payload: string;
        }[]
      ).map((row) => JSON.parse(row.payload) as { type: string; version: number; data: Record<string, unknown> });
      const types = events.map((event) => event.type);
      expect(types[0]).toBe('study.requested');
      expect(types[1]).toBe('study.started');
      expect(types[types.length - 1]).toBe('study.completed');
      expect(types.filter((type) => type === 'study.completed')).toHaveLength(1);
      expect(types.filter((type) => type === 'study.progress').length).toBeGreaterThanOrEqual(1);
      const validate = createEventValidator();
      expect(events.map((event) => validate(event))).toEqual(events.map(() => []));
      expect(events[events.length - 1].data).toMatchObject({ candidateCount: 1500, valid: expected.valid });

      await eventually(async () => (messages.includes('completed') ? true : undefined), 10_000, 'completed message');
      expect(messages.slice(0, 2)).toEqual(['requested', 'started']);

      const list = await api().get('/studies?page=1&size=10').set('Authorization', alice.bearer).expect(200);
      expect(list.body).toMatchObject({ page: 1, size: 10, total: 1 });
      expect(list.body.items[0]).toMatchObject({ id: studyId, status: 'completed', candidateCount: 1500 });
      expect(list.body.items[0].result).toBeUndefined();
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a study with every problem located (422), a body of the wrong shape (400)', async () => {
    const count = async () => ((await db.query(`SELECT COUNT(*) AS n FROM studies`)) as { n: number }[])[0].n;
    const before = await count();
    const refused = await api()
      .post('/studies')
      .set('Authorization', alice.bearer)
      .send({
        tickers: ['AAPL'],
        start: '2015-01-01',
        end: '2020-12-31',
        candidates: 2_000_000,
        options: { rebalance: 'montly' },
      })
      .expect(422);
    expect(refused.body).toMatchObject({ status: 422, error: 'INVALID_STUDY' });
    const fields = (refused.body.details as { field: string; code: string; message: string }[]).map(
      (problem) => `${problem.field} ${problem.code}`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'options.rebalance INVALID_COMMAND',
        'tickers INVALID_FIELD',
        'candidates INVALID_FIELD',
      ]),
    );
    const rebalance = refused.body.details.find((problem: { field: string }) => problem.field === 'options.rebalance');
    expect(rebalance.message).toContain('did you mean rebalance=monthly?');

    const unknown = await api()
      .post('/studies')
      .set('Authorization', alice.bearer)
      .send({ tickers: ['AAPL', 'NOPE'], start: '2015-01-01', end: '2020-12-31', candidates: 10 })
      .expect(422);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'tickers[1]' })]);

    await api()
      .post('/studies')
      .set('Authorization', alice.bearer)
      .send({ tickers: 'AAPL KO', start: '2015-01-01', end: '2020-12-31' })
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('answers 404 for another user’s study, and deletes the owner’s', async () => {
    const accepted = await api()
      .post('/studies')
      .set('Authorization', alice.bearer)
      .send({ ...STUDY, candidates: 300 })
      .expect(202);
    const studyId = accepted.body.studyId as string;
    for (const path of [`/studies/${studyId}`, `/studies/${studyId}/scatter`, `/studies/${studyId}/xlsx`]) {
      const response = await api().get(path).set('Authorization', bob.bearer).expect(404);
      expect(response.body).toMatchObject({ status: 404, error: 'STUDY_NOT_FOUND' });
    }
    await api().delete(`/studies/${studyId}`).set('Authorization', bob.bearer).expect(404);
    expect((await api().get('/studies').set('Authorization', bob.bearer).expect(200)).body.total).toBe(0);
    await api().delete(`/studies/${studyId}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/studies/${studyId}`).set('Authorization', alice.bearer).expect(404);
    expect(await db.query(`SELECT COUNT(*) AS n FROM study_chunks WHERE study_id = ?`, [studyId])).toEqual([{ n: 0 }]);
  });
});
