import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/modules/auth/access-token.service';
import { testDatabaseUrl } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { connectSocket } from '../support/sockets';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TEST_PASSWORD, TestUser } from '../support/test-users';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2020-01-01 2021-12-31';
const OWNED_TABLES = [
  ['simulations', 'user_id'],
  ['reports', 'user_id'],
  ['assets', 'owner_id'],
  ['refresh_tokens', 'user_id'],
] as const;

/**
 * DELETE /auth/me (issue 14, item 4): the account goes with everything it owns — sessions, simulations and their
 * results, reports and their files, uploads — in one transaction with an account.deleted event; its tokens are
 * refused and its sockets closed at once. Run on both databases: the cascade is the database's.
 */
describe.each([
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await testDatabaseUrl('account_deletion') })],
])('account deletion on %s', (_, database) => {
  let running: RunningApp;
  let reportsDir: string;
  let alice: TestUser & { refreshToken: string };
  let bob: TestUser;
  let db: DataSource;
  const api = () => request(running.url);

  async function completedSimulation(user: TestUser): Promise<string> {
    const accepted = await api().post('/simulate').set('Authorization', user.bearer).send({ command: COMMAND });
    expect(accepted.status).toBe(202);
    const id = accepted.body.simulationId as string;
    await eventually(async () => {
      const detail = await api().get(`/history/${id}`).set('Authorization', user.bearer);
      return detail.body.status === 'completed' ? true : undefined;
    });
    return id;
  }

  async function completedReport(user: TestUser, simulationId: string): Promise<void> {
    const accepted = await api().post('/report').set('Authorization', user.bearer).send({ simulationId }).expect(202);
    await eventually(async () => {
      const report = await api().get(`/report/${accepted.body.reportId}`).set('Authorization', user.bearer);
      return report.body.status === 'completed' ? true : undefined;
    });
  }

  async function upload(user: TestUser): Promise<void> {
    await api()
      .post('/assets/MYFUND/prices')
      .set('Authorization', user.bearer)
      .set('Content-Type', 'text/csv')
      .send('date,close,adj_close\n2024-01-02,101.25,100.80\n2024-01-03,102.00,101.55\n')
      .expect(201);
  }

  const rowsOf = async (userId: string) => {
    const counts: Record<string, number> = {};
    for (const [table, column] of OWNED_TABLES) {
      const [row] = (await db.query(
        `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ${db.options.type === 'postgres' ? '$1' : '?'}`,
        [userId],
      )) as { n: string | number }[];
      counts[table] = Number(row.n);
    }
    return counts;
  };
  const filesUnder = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [entry.name],
        )
      : [];

  beforeAll(async () => {
    reportsDir = mkdtempSync(join(tmpdir(), 'portofino-reports-'));
    running = await startApp({
      ...(await database()),
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: reportsDir,
    });
    db = running.app.get(DataSource);
    const signedUp = await signUp(running.url, 'alice');
    const login = await api().post('/auth/login').send({ email: signedUp.email, password: TEST_PASSWORD }).expect(200);
    alice = { ...signedUp, refreshToken: login.body.refreshToken };
    bob = await signUp(running.url, 'bob');
    for (const user of [alice, bob]) {
      await completedReport(user, await completedSimulation(user));
      await upload(user);
    }
  });

  afterAll(async () => {
    await running.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('asks for the password once the sign-in is older than 5 minutes, and refuses a wrong one', async () => {
    const tokens = running.app.get(AccessTokenService);
    const stale = await tokens.sign(alice, new Date(Date.now() - 6 * 60_000));
    const withoutPassword = await api().delete('/auth/me').set('Authorization', `Bearer ${stale}`).send({}).expect(403);
    expect(withoutPassword.body).toMatchObject({
      status: 403,
      error: 'FRESH_SIGN_IN_REQUIRED',
      message: 'confirm with your password, or sign in again and do this within 5 minutes',
    });
    const wrong = await api()
      .delete('/auth/me')
      .set('Authorization', `Bearer ${stale}`)
      .send({ password: 'not the password at all' })
      .expect(401);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
    expect(await rowsOf(alice.id)).toEqual({ simulations: 1, reports: 1, assets: 1, refresh_tokens: 2 });
  });

  it('deletes the account and everything it owns, emits account.deleted, and refuses its tokens at once', async () => {
    const socket: Socket = await connectSocket(running.url, '/simulations', alice.accessToken);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(filesUnder(reportsDir)).toHaveLength(2);
    const stale = await running.app.get(AccessTokenService).sign(alice, new Date(Date.now() - 3_600_000));

    const deleted = await api()
      .delete('/auth/me')
      .set('Authorization', `Bearer ${stale}`)
      .send({ password: TEST_PASSWORD })
      .expect(204);
    expect(deleted.headers['set-cookie']?.[0]).toMatch(/^portofino_refresh=;/);

    expect(await rowsOf(alice.id)).toEqual({ simulations: 0, reports: 0, assets: 0, refresh_tokens: 0 });
    // What remains is Bob's: his result, his two tickers, his two uploaded prices (public sample prices aside).
    for (const [sql, expected] of [
      ['SELECT COUNT(*) AS n FROM simulation_results', 1],
      ['SELECT COUNT(*) AS n FROM simulation_tickers', 2],
      ['SELECT COUNT(*) AS n FROM prices p JOIN assets a ON a.id = p.asset_id WHERE a.owner_id IS NOT NULL', 2],
      ["SELECT COUNT(*) AS n FROM assets WHERE source = 'upload'", 1],
    ] as const) {
      const [row] = (await db.query(sql)) as { n: string | number }[];
      expect([sql, Number(row.n)]).toEqual([sql, expected]);
    }
    expect(filesUnder(reportsDir)).toHaveLength(1);
    expect(await rowsOf(bob.id)).toEqual({ simulations: 1, reports: 1, assets: 1, refresh_tokens: 1 });

    const [outbox] = (await db.query(`SELECT payload FROM event_outbox WHERE type = 'account.deleted'`)) as {
      payload: string;
    }[];
    const event = JSON.parse(outbox.payload) as { type: string; version: number; userId: string };
    expect(createEventValidator()(event)).toEqual([]);
    expect(event).toMatchObject({
      type: 'account.deleted',
      version: 1,
      userId: alice.id,
      data: { reason: 'deleted-by-user' },
    });

    expect(await disconnected).toBe('io server disconnect');
    await expect(connectSocket(running.url, '/simulations', alice.accessToken)).rejects.toThrow(/invalid or expired/);
  });

  it('refuses the deleted account’s tokens: no new work, no refresh, no sign-in', async () => {
    const created = await api().post('/simulate').set('Authorization', alice.bearer).send({ command: COMMAND });
    expect(created.status).toBe(401);
    expect(created.body).toMatchObject({
      error: 'ACCOUNT_NOT_FOUND',
      message: 'the account of this access token no longer exists: register or sign in again',
    });
    await api().get('/auth/me').set('Authorization', alice.bearer).expect(401);
    await api().post('/auth/refresh').send({ refreshToken: alice.refreshToken }).expect(401);
    await api().post('/auth/login').send({ email: alice.email, password: TEST_PASSWORD }).expect(401);
    expect(await rowsOf(alice.id)).toEqual({ simulations: 0, reports: 0, assets: 0, refresh_tokens: 0 });
    // Bob is untouched.
    await api().get('/history').set('Authorization', bob.bearer).expect(200);
  });

  it('deletes without the password right after a sign-in (how an account with only Google confirms)', async () => {
    const carol = await signUp(running.url, 'carol');
    await upload(carol);
    await api().delete('/auth/me').set('Authorization', carol.bearer).expect(204);
    expect(await rowsOf(carol.id)).toEqual({ simulations: 0, reports: 0, assets: 0, refresh_tokens: 0 });
    await api().get('/auth/me').set('Authorization', carol.bearer).expect(401);
  });
});
