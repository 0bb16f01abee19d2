import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { newShareToken } from '../../src/modules/sharing/share-token';
import { testDatabaseUrl } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TEST_PASSWORD, TestUser } from '../support/test-users';
import { expectWorkbookMatches } from '../report/report-assertions';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2020-01-01 2021-12-31 rebalance=monthly';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/**
 * Share links (issue 17, item 2) on both databases: a link reads the result signed out, with nothing of the owner;
 * tokens are long, random and stored hashed; only the owner shares, lists and revokes; a revoked link, or one
 * whose simulation or account is gone, answers 404.
 */
describe.each([
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await testDatabaseUrl('share_links') })],
])('share links on %s', (_, database) => {
  let running: RunningApp;
  let reportsDir: string;
  let db: DataSource;
  let alice: TestUser;
  let bob: TestUser;
  let simulationId: string;
  const api = () => request(running.url);
  const placeholder = (n: number) => (db.options.type === 'postgres' ? `$${n}` : '?');

  async function completedSimulation(user: TestUser, command = COMMAND): Promise<string> {
    const accepted = await api().post('/simulate').set('Authorization', user.bearer).send({ command }).expect(202);
    const id = accepted.body.simulationId as string;
    await eventually(async () => {
      const detail = await api().get(`/history/${id}`).set('Authorization', user.bearer);
      return detail.body.status === 'completed' ? true : undefined;
    }, 30_000);
    return id;
  }

  const share = async (user: TestUser, id: string) =>
    (await api().post(`/history/${id}/share`).set('Authorization', user.bearer).expect(201)).body as {
      id: string;
      token: string;
      url: string;
      tokenHint: string;
      createdAt: string;
    };

  const outboxOf = async (type: string) =>
    (
      (await db.query(`SELECT payload FROM event_outbox WHERE type = ${placeholder(1)} ORDER BY seq`, [type])) as {
        payload: string;
      }[]
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown> & { type: string; version: number });

  beforeAll(async () => {
    reportsDir = mkdtempSync(join(tmpdir(), 'portofino-reports-'));
    running = await startApp({
      ...(await database()),
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: reportsDir,
    });
    db = running.app.get(DataSource);
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    simulationId = await completedSimulation(alice);
  });

  afterAll(async () => {
    await running.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('creates a link whose token is 256 random bits, stored only as its SHA-256, and emits simulation.shared', async () => {
    const first = await share(alice, simulationId);
    const second = await share(alice, simulationId);
    for (const link of [first, second]) {
      expect(link.token).toMatch(TOKEN_SHAPE);
      expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
      expect(link.url).toBe(`/app/shared/${link.token}`);
      expect(link.tokenHint).toBe(link.token.slice(-4));
    }
    expect(first.token).not.toBe(second.token);

    const rows = (await db.query(
      `SELECT id, user_id, subject_kind, subject_id, token_hash, token_hint FROM share_links WHERE subject_id = ${placeholder(1)} ORDER BY created_at`,
      [simulationId],
    )) as Record<string, string>[];
    expect(rows).toEqual([
      {
        id: first.id,
        user_id: alice.id,
        subject_kind: 'simulation',
        subject_id: simulationId,
        token_hash: createHash('sha256').update(first.token).digest('hex'),
        token_hint: first.token.slice(-4),
      },
      {
        id: second.id,
        user_id: alice.id,
        subject_kind: 'simulation',
        subject_id: simulationId,
        token_hash: createHash('sha256').update(second.token).digest('hex'),
        token_hint: second.token.slice(-4),
      },
    ]);
    // The token itself is nowhere in the table.
    expect(JSON.stringify(rows)).not.toContain(first.token);

    const listed = await api().get(`/history/${simulationId}/share`).set('Authorization', alice.bearer).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual([first.id, second.id].sort());
    expect(JSON.stringify(listed.body)).not.toContain(first.token);

    const events = await outboxOf('simulation.shared');
    const validate = createEventValidator();
    expect(events.map((event) => validate(event))).toEqual(events.map(() => []));
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ userId: alice.id, simulationId, data: { linkId: first.id } }),
      expect.objectContaining({ userId: alice.id, simulationId, data: { linkId: second.id } }),
    ]);
    expect(JSON.stringify(events)).not.toContain(first.token);
  });

  it('serves the result signed out, exactly as its owner sees it, with nothing about the owner', async () => {
    const link = await share(alice, simulationId);
    const owners = await api().get(`/history/${simulationId}`).set('Authorization', alice.bearer).expect(200);
    const shared = await api().get(`/shared/${link.token}`).expect(200);
    expect(shared.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(shared.headers['cache-control']).toBe('no-store');
    expect(shared.body.kind).toBe('simulation');
    expect(shared.body.sharedAt).toBe(link.createdAt);
    const { id, progress, failureReason, createdAt, startedAt, finishedAt, ...result } = owners.body;
    expect([id, progress.percent, failureReason, typeof createdAt, typeof startedAt, typeof finishedAt]).toEqual([
      simulationId,
      100,
      null,
      'string',
      'string',
      'string',
    ]);
    expect(shared.body.simulation).toEqual(result);
    expect(shared.body.simulation.command).toBe(COMMAND);
    expect(shared.body.simulation.metrics.portfolio.cagr).toBe(owners.body.metrics.portfolio.cagr);
    const text = JSON.stringify(shared.body);
    for (const secret of [alice.id, alice.email, simulationId, 'userId', 'email']) expect(text).not.toContain(secret);

    // ?trades= as on the owner's route.
    const fewTrades = await api().get(`/shared/${link.token}?trades=1`).expect(200);
    expect(fewTrades.body.simulation.trades).toHaveLength(1);
    expect(fewTrades.body.simulation.tradeCount).toBe(owners.body.tradeCount);
  });

  it('serves the workbook of the shared result signed out', async () => {
    const link = await share(alice, simulationId);
    const response = await eventually(
      async () => {
        const answer = await api().get(`/shared/${link.token}/report`).buffer(true).parse(binary);
        if (answer.status === 409) {
          expect(answer.body).toBeInstanceOf(Buffer);
          expect(answer.headers['retry-after']).toBe('2');
          return undefined;
        }
        return answer;
      },
      30_000,
      'the shared workbook',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="portofino-aapl-l-60pct/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer);
    // The same workbook as the owner's: every sheet, the Daily rows and the headline metrics of the shared result.
    const shared = await api().get(`/shared/${link.token}`).expect(200);
    expectWorkbookMatches(workbook, shared.body.simulation, null);
  });

  it('answers 404 to tokens that were never issued: random, one character off, malformed', async () => {
    const link = await share(alice, simulationId);
    const lastChar = link.token.slice(-1);
    const oneOff = link.token.slice(0, -1) + (lastChar === 'A' ? 'B' : 'A');
    for (const token of [
      newShareToken().token,
      oneOff,
      link.token.toLowerCase() === link.token ? 'x' : link.token.toLowerCase(),
      'abc',
      link.id,
    ]) {
      const response = await api()
        .get(`/shared/${encodeURIComponent(token)}`)
        .expect(404);
      expect(response.body).toMatchObject({ status: 404, error: 'SHARE_LINK_NOT_FOUND' });
      await api()
        .get(`/shared/${encodeURIComponent(token)}/report`)
        .expect(404);
    }
  });

  it('lets only the owner share, list and revoke', async () => {
    const link = await share(alice, simulationId);
    for (const response of [
      await api().post(`/history/${simulationId}/share`).set('Authorization', bob.bearer),
      await api().get(`/history/${simulationId}/share`).set('Authorization', bob.bearer),
      await api().delete(`/history/${simulationId}/share/${link.token}`).set('Authorization', bob.bearer),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error).toBe('SIMULATION_NOT_FOUND');
    }
    // Bob's own simulation does not reach Alice's link either.
    const bobs = await completedSimulation(bob);
    const cross = await api().delete(`/history/${bobs}/share/${link.token}`).set('Authorization', bob.bearer);
    expect([cross.status, cross.body.error]).toEqual([404, 'SHARE_LINK_NOT_FOUND']);
    await api().post(`/history/${simulationId}/share`).expect(401);
    await api().get(`/shared/${link.token}`).expect(200);
  });

  it('revokes by token or by id: 404 from then on, simulation.share_revoked emitted', async () => {
    const byToken = await share(alice, simulationId);
    const byId = await share(alice, simulationId);
    await api().get(`/shared/${byToken.token}`).expect(200);
    await api()
      .delete(`/history/${simulationId}/share/${byToken.token}`)
      .set('Authorization', alice.bearer)
      .expect(204);
    await api().delete(`/history/${simulationId}/share/${byId.id}`).set('Authorization', alice.bearer).expect(204);
    for (const link of [byToken, byId]) {
      expect((await api().get(`/shared/${link.token}`).expect(404)).body.error).toBe('SHARE_LINK_NOT_FOUND');
      await api().get(`/shared/${link.token}/report`).expect(404);
    }
    const again = await api()
      .delete(`/history/${simulationId}/share/${byToken.token}`)
      .set('Authorization', alice.bearer);
    expect([again.status, again.body.error]).toEqual([404, 'SHARE_LINK_NOT_FOUND']);
    const listed = await api().get(`/history/${simulationId}/share`).set('Authorization', alice.bearer).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toEqual(expect.arrayContaining([byToken.id]));
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(byId.id);

    const events = await outboxOf('simulation.share_revoked');
    const validate = createEventValidator();
    expect(events.map((event) => validate(event))).toEqual([[], []]);
    expect(events.map((event) => event.data)).toEqual([
      { linkId: byToken.id, reason: 'revoked-by-user' },
      { linkId: byId.id, reason: 'revoked-by-user' },
    ]);
  });

  it('answers 404 once the simulation is deleted, and once the account is', async () => {
    const other = await completedSimulation(alice, 'AAPL-L-100% 2020-01-01 2020-12-31');
    const link = await share(alice, other);
    await api().get(`/shared/${link.token}`).expect(200);
    await api().delete(`/history/${other}`).set('Authorization', alice.bearer).expect(204);
    expect((await api().get(`/shared/${link.token}`).expect(404)).body.error).toBe('SHARE_LINK_NOT_FOUND');

    const survivor = await share(alice, simulationId);
    await api().get(`/shared/${survivor.token}`).expect(200);
    await api().delete('/auth/me').set('Authorization', alice.bearer).send({ password: TEST_PASSWORD }).expect(204);
    expect((await api().get(`/shared/${survivor.token}`).expect(404)).body.error).toBe('SHARE_LINK_NOT_FOUND');
    const [row] = (await db.query(`SELECT COUNT(*) AS n FROM share_links WHERE user_id = ${placeholder(1)}`, [
      alice.id,
    ])) as { n: string | number }[];
    expect(Number(row.n)).toBe(0);
  });
});

describe('shared-link rate limit', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      MARKET_DATA_PROVIDERS: 'sample',
      SHARED_THROTTLE_LIMIT: '3',
      SHARED_THROTTLE_TTL_SECONDS: '60',
    });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  it('refuses the fourth public request of an address within the window: 429 with Retry-After', async () => {
    const token = newShareToken().token;
    for (let attempt = 0; attempt < 3; attempt += 1) await request(running.url).get(`/shared/${token}`).expect(404);
    const refused = await request(running.url).get(`/shared/${token}/report`).expect(429);
    expect(refused.body).toMatchObject({ status: 429, error: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
