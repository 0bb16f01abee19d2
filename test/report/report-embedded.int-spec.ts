import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { parseCommandOrThrow } from '../../src/engine';
import { SimulationLifecycle } from '../../src/modules/simulation/simulation-lifecycle.service';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { connectSocket } from '../support/sockets';
import { signUp, TestUser } from '../support/test-users';
import { downloadWorkbook, expectWorkbookMatches } from './report-assertions';

const COMMAND = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28 benchmark=^GSPC';

/** Reports in embedded mode (what `npm start` runs): SQLite, in-process queue and events, files in a temp dir. */
describe('reports, embedded', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;
  let reportsDir: string;
  let alice: TestUser;
  let bob: TestUser;
  let simulationId: string;

  const api = () => request(running.url);

  async function simulate(user: TestUser, command: string): Promise<Record<string, unknown>> {
    const accepted = await api().post('/simulate').set('Authorization', user.bearer).send({ command }).expect(202);
    return eventually(
      async () => {
        const response = await api().get(`/history/${accepted.body.simulationId}`).set('Authorization', user.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      30_000,
      'the simulation to finish',
    );
  }

  async function finished(user: TestUser, reportId: string): Promise<Record<string, unknown>> {
    return eventually(
      async () => {
        const response = await api().get(`/report/${reportId}`).set('Authorization', user.bearer).expect(200);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      30_000,
      `report ${reportId} to finish`,
    );
  }

  const connect = (user: TestUser): Promise<Socket> => connectSocket(running.url, '/reports', user.accessToken);

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    reportsDir = mkdtempSync(join(tmpdir(), 'portofino-reports-'));
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: reportsDir,
    });
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    const detail = await simulate(alice, COMMAND);
    expect(detail.status).toBe('completed');
    simulationId = detail.id as string;
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('builds the workbook: 202, progress then completed on the socket, a download that matches the stored results', async () => {
    const socket = await connect(alice);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
    }
    try {
      const accepted = await api()
        .post('/report')
        .set('Authorization', alice.bearer)
        .send({ simulationId })
        .expect(202);
      expect(accepted.body).toEqual({
        reportId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        taskId: accepted.body.reportId,
        simulationId,
        status: 'queued',
        created: true,
      });
      const reportId = accepted.body.reportId as string;
      await eventually(async () => (messages.some((m) => m.name === 'completed') ? true : undefined), 30_000);
      expect(messages.map((m) => m.name)).toEqual([
        'requested',
        'started',
        ...Array.from({ length: 5 }, () => 'progress'),
        'completed',
      ]);
      expect(messages.every((m) => m.payload.reportId === reportId && m.payload.simulationId === simulationId)).toBe(
        true,
      );
      expect(messages.filter((m) => m.name === 'progress').map((m) => [m.payload.phase, m.payload.percent])).toEqual([
        ['loading the simulation', 10],
        ['writing daily rows', 20],
        ['writing monthly and annual returns', 60],
        ['drawing charts', 80],
        ['storing the file', 90],
      ]);

      const status = await finished(alice, reportId);
      const fileName = 'portofino-aapl-l-50pct-msft-l-50pct-2020-01-01-2022-12-28-benchmark-gspc-';
      expect(status).toMatchObject({
        reportId,
        simulationId,
        status: 'completed',
        progress: { phase: 'done', percent: 100 },
        failureReason: null,
        downloadUrl: `/report/${reportId}/download`,
      });
      expect(status.fileName).toBe(`${fileName}${(status.createdAt as string).slice(0, 10)}.xlsx`);
      expect(messages[messages.length - 1].payload).toMatchObject({
        fileName: status.fileName,
        sizeBytes: status.sizeBytes,
      });

      const state = await socket.timeout(5000).emitWithAck('subscribe', { reportId });
      expect(state).toEqual({
        reportId,
        simulationId,
        status: 'completed',
        phase: 'done',
        percent: 100,
        failureReason: null,
      });

      const { headers, bytes, workbook } = await downloadWorkbook(running.url, alice.bearer, reportId);
      expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(headers['content-disposition']).toBe(`attachment; filename="${status.fileName}"`);
      expect(bytes.length).toBe(status.sizeBytes);
      const detail = (await api().get(`/history/${simulationId}`).set('Authorization', alice.bearer).expect(200)).body;
      expectWorkbookMatches(workbook, detail, '^GSPC');
      expect(readdirSync(join(reportsDir, simulationId))).toEqual([`${reportId}.xlsx`]);
    } finally {
      socket.close();
    }
  });

  it('reuses the existing report of a simulation unless forced', async () => {
    const first = await api().post('/report').set('Authorization', alice.bearer).send({ simulationId }).expect(202);
    await finished(alice, first.body.reportId);
    const again = await api().post('/report').set('Authorization', alice.bearer).send({ simulationId }).expect(202);
    expect(again.body).toEqual({ ...first.body, status: 'completed', created: false });
    const forced = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId, force: true })
      .expect(202);
    expect(forced.body.created).toBe(true);
    expect(forced.body.reportId).not.toBe(first.body.reportId);
    expect((await finished(alice, forced.body.reportId)).status).toBe('completed');
  });

  it('shows a report only to its owner: any other user gets 404', async () => {
    const accepted = await api().post('/report').set('Authorization', alice.bearer).send({ simulationId }).expect(202);
    const reportId = accepted.body.reportId as string;
    await finished(alice, reportId);
    const foreign = await api().get(`/report/${reportId}`).set('Authorization', bob.bearer).expect(404);
    expect(foreign.body).toMatchObject({ error: 'REPORT_NOT_FOUND', message: `report ${reportId} not found` });
    await api().get(`/report/${reportId}/download`).set('Authorization', bob.bearer).expect(404);
    const theirs = await api().post('/report').set('Authorization', bob.bearer).send({ simulationId }).expect(404);
    expect(theirs.body.error).toBe('SIMULATION_NOT_FOUND');
    const socket = await connect(bob);
    try {
      expect(await socket.timeout(5000).emitWithAck('subscribe', { reportId })).toEqual({
        error: `report ${reportId} not found`,
      });
    } finally {
      socket.close();
    }
    await api().get(`/report/${reportId}`).expect(401);
  });

  it('refuses a report of a failed, unknown or unfinished simulation with a clear 4xx', async () => {
    const failed = await simulate(alice, 'AAPL-L-50% NOPE-L-50% 2020-01-01 2022-12-28');
    expect(failed.status).toBe('failed');
    const refused = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: failed.id })
      .expect(422);
    expect(refused.body).toMatchObject({
      error: 'SIMULATION_FAILED',
      message: `simulation ${failed.id} failed (ticker NOPE is not known to sample): it has no results to report; fix the command and run it again`,
    });
    const unknown = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect(unknown.body).toMatchObject({
      error: 'SIMULATION_NOT_FOUND',
      message: 'simulation 00000000-0000-4000-8000-000000000000 not found',
    });
    const invalid = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: 'x' })
      .expect(400);
    expect(invalid.body.error).toBe('VALIDATION_FAILED');
    await api().get('/report/00000000-0000-4000-8000-000000000000').set('Authorization', alice.bearer).expect(404);

    // A simulation still queued (its row exists, no job has run it): nothing to report yet.
    const queuedId = randomUUID();
    await running.app.get(SimulationLifecycle).submit({
      id: queuedId,
      userId: alice.id,
      command: COMMAND,
      canonical: COMMAND,
      parsedCommand: parseCommandOrThrow(COMMAND).command,
      startDate: '2020-01-01',
      endDate: '2022-12-28',
      idempotencyKey: null,
    });
    const early = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: queuedId })
      .expect(409);
    expect(early.body).toMatchObject({
      error: 'SIMULATION_NOT_COMPLETED',
      message: `simulation ${queuedId} is queued: a report can be made once it has completed`,
    });
  });

  it('removes the report files and rows when their simulation is deleted', async () => {
    const detail = await simulate(alice, COMMAND);
    const id = detail.id as string;
    const accepted = await api()
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: id })
      .expect(202);
    const reportId = accepted.body.reportId as string;
    await finished(alice, reportId);
    const file = join(reportsDir, id, `${reportId}.xlsx`);
    expect(existsSync(file)).toBe(true);
    await api().delete(`/history/${id}`).set('Authorization', alice.bearer).expect(204);
    // The file goes first, then its emptied directory: wait for the latter (the former alone raced it under load).
    await eventually(
      async () => (existsSync(join(reportsDir, id)) ? undefined : true),
      15_000,
      'the report file and its directory to be removed',
    );
    expect(existsSync(file)).toBe(false);
    await api().get(`/report/${reportId}`).set('Authorization', alice.bearer).expect(404);
    // The other simulation's reports are untouched.
    expect(readdirSync(join(reportsDir, simulationId)).length).toBeGreaterThanOrEqual(1);
  });
});

/** A report that cannot be stored fails after its retries, and says why. */
describe('reports, embedded, when the report directory is unusable', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;
  let scratch: string;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    scratch = mkdtempSync(join(tmpdir(), 'portofino-reports-'));
    // REPORTS_DIR names a regular file: no directory can be made under it.
    writeFileSync(join(scratch, 'not-a-directory'), 'x');
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: join(scratch, 'not-a-directory'),
    });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('marks the report failed with the reason, refuses the download, and a new request tries again', async () => {
    const api = () => request(running.url);
    const alice = await signUp(running.url, 'alice');
    const accepted = await api().post('/simulate').set('Authorization', alice.bearer).send({ command: COMMAND });
    const simulationId = accepted.body.simulationId as string;
    await eventually(async () => {
      const response = await api().get(`/history/${simulationId}`).set('Authorization', alice.bearer);
      return response.body.status === 'completed' ? true : undefined;
    });
    const report = await api().post('/report').set('Authorization', alice.bearer).send({ simulationId }).expect(202);
    const reportId = report.body.reportId as string;
    const failed = await eventually(
      async () => {
        const response = await api().get(`/report/${reportId}`).set('Authorization', alice.bearer);
        return response.body.status === 'failed' ? response.body : undefined;
      },
      30_000,
      'the report to fail',
    );
    expect(failed.failureCode).toBe('BUILD_FAILED');
    expect(failed.failureReason).toMatch(
      /^the report could not be built after 2 tries \(.*not-a-directory.*\); request it again later$/,
    );
    expect(failed.downloadUrl).toBeNull();
    const download = await api().get(`/report/${reportId}/download`).set('Authorization', alice.bearer).expect(409);
    expect(download.body).toMatchObject({
      error: 'REPORT_NOT_READY',
      message: `report ${reportId} failed: ${failed.failureReason}; request it again with force=true`,
    });
    // A failed report is not reused.
    const again = await api().post('/report').set('Authorization', alice.bearer).send({ simulationId }).expect(202);
    expect(again.body.created).toBe(true);
    expect(again.body.reportId).not.toBe(reportId);
  });
});
