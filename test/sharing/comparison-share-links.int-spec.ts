import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testDatabaseUrl } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

const MEMBERS = [
  { name: 'Tech', command: 'AAPL-L-50% MSFT-L-50% 2019-01-01 2021-12-31 rebalance=monthly' },
  { name: 'Staples', command: 'KO-L-50% PG-L-50% 2019-01-01 2021-12-31' },
  { command: 'JPM-L-100% 2019-06-01 2021-12-31' },
];
// No day in common: the comparison fails with NO_COMMON_PERIOD, so it can never be shared.
const DISJOINT = [{ command: 'AAPL-L-100% 2001-01-01 2002-01-01' }, { command: 'MSFT-L-100% 2010-01-01 2011-01-01' }];
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(content).buffer);
  return workbook;
}

interface ComparedMember {
  name: string;
  command: string;
  finalValue: number;
  metrics: Record<string, number>;
  series: { dates: string[]; value: number[]; drawdown: number[]; dailyReturn: number[] };
}
interface ComparisonResult {
  members: ComparedMember[];
  correlation: { matrix: (number | null)[][] };
  best: { metric: string; members: number[]; value: number }[];
}

/** Excel's serial day of a YYYY-MM-DD date (1900 system). */
const serial = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 25569;

/** The workbook read back holds the API's numbers: members side by side, every day, the correlations, the charts. */
function expectComparisonWorkbook(workbook: ExcelJS.Workbook, result: ComparisonResult): void {
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Daily', 'Correlation', 'Charts']);
  const names = result.members.map((member) => member.name);

  const summary = workbook.getWorksheet('Summary')!;
  const rowOf = (label: string) => {
    let found: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === label && !found) found = row;
    });
    if (!found) throw new Error(`no Summary row ${label}`);
    return found;
  };
  expect(rowOf('Members').values).toEqual([undefined, 'Members', ...names, 'Best']);
  expect((rowOf('Command').values as unknown[]).slice(2)).toEqual(result.members.map((member) => member.command));
  expect((rowOf('Final value').values as unknown[]).slice(2)).toEqual(result.members.map((m) => m.finalValue));
  const sharpe = rowOf('Sharpe ratio');
  expect((sharpe.values as unknown[]).slice(2, 2 + names.length)).toEqual(result.members.map((m) => m.metrics.sharpe));
  const bestSharpe = result.best.find((one) => one.metric === 'sharpe')!;
  expect(sharpe.getCell(names.length + 2).value).toBe(bestSharpe.members.map((index) => names[index]).join(', '));
  names.forEach((_, index) => {
    const fill = sharpe.getCell(index + 2).fill as ExcelJS.FillPattern | undefined;
    expect([index, fill?.fgColor?.argb ?? null]).toEqual([
      index,
      bestSharpe.members.includes(index) ? 'FFE2EFDA' : null,
    ]);
  });

  const daily = workbook.getWorksheet('Daily')!;
  expect(daily.getRow(1).values).toEqual([
    undefined,
    'Date',
    ...names.flatMap((name) => [`${name} value`, `${name} daily return`, `${name} drawdown`]),
  ]);
  // The members share the common period here: one row per day, the last row each member's final value.
  const days = result.members[0].series.dates;
  expect(daily.rowCount).toBe(days.length + 1);
  const last = daily.getRow(days.length + 1);
  expect(last.getCell(1).value).toEqual(new Date(`${days[days.length - 1]}T00:00:00Z`));
  result.members.forEach((member, index) => {
    expect(last.getCell(2 + index * 3).value).toBe(member.finalValue);
    expect(last.getCell(3 + index * 3).value).toBe(member.series.dailyReturn.at(-1));
    expect(last.getCell(4 + index * 3).value).toBe(member.series.drawdown.at(-1));
  });
  expect(serial(days[0])).toBeGreaterThan(40_000);

  const correlation = workbook.getWorksheet('Correlation')!;
  result.correlation.matrix.forEach((row, i) => {
    expect(correlation.getRow(i + 2).values).toEqual([undefined, names[i], ...row.map((value) => value ?? undefined)]);
  });
}

interface Link {
  id: string;
  token: string;
  url: string;
  tokenHint: string;
  createdAt: string;
}

/**
 * Share links of comparisons (issue 17, item 2) on PostgreSQL: a link reads the comparison signed out — members,
 * metrics, series, correlations, best — with nothing of the owner; only the owner shares, lists and revokes; a
 * comparison that has not completed cannot be shared; a revoked link, or one whose comparison is gone, answers 404.
 */
describe('comparison share links on PostgreSQL', () => {
  let running: RunningApp;
  let db: DataSource;
  let alice: TestUser;
  let bob: TestUser;
  let comparisonId: string;
  let simulationIds: string[];
  const api = () => request(running.url);

  async function finishedComparison(user: TestUser, body: object, status = 'completed'): Promise<string> {
    const accepted = await api().post('/comparisons').set('Authorization', user.bearer).send(body).expect(202);
    const id = accepted.body.comparisonId as string;
    await eventually(
      async () => {
        const detail = await api().get(`/comparisons/${id}`).set('Authorization', user.bearer).expect(200);
        return detail.body.status === status ? true : undefined;
      },
      60_000,
      `comparison ${id} to be ${status}`,
    );
    return id;
  }

  async function completedSimulation(user: TestUser, command: string): Promise<string> {
    const accepted = await api().post('/simulate').set('Authorization', user.bearer).send({ command }).expect(202);
    const id = accepted.body.simulationId as string;
    await eventually(async () => {
      const detail = await api().get(`/history/${id}`).set('Authorization', user.bearer);
      return detail.body.status === 'completed' ? true : undefined;
    }, 30_000);
    return id;
  }

  const share = async (user: TestUser, id: string): Promise<Link> =>
    (await api().post(`/comparisons/${id}/share`).set('Authorization', user.bearer).expect(201)).body as Link;

  const outboxOf = async (type: string, key: string) =>
    (
      (await db.query(`SELECT payload FROM event_outbox WHERE type = $1 AND "key" = $2 ORDER BY seq`, [type, key])) as {
        payload: string;
      }[]
    ).map((row) => JSON.parse(row.payload) as Record<string, unknown> & { type: string; version: number });

  beforeAll(async () => {
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('comparison_share_links'),
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
    });
    db = running.app.get(DataSource);
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    // Built from history entries, so the comparison holds simulation ids the shared payload must not show.
    simulationIds = [
      await completedSimulation(alice, MEMBERS[0].command),
      await completedSimulation(alice, MEMBERS[1].command),
    ];
    comparisonId = await finishedComparison(alice, { members: MEMBERS });
  });

  afterAll(async () => {
    await running.close();
  });

  it('creates a link (a 256-bit token, stored hashed), lists it, and emits comparison.shared without the token', async () => {
    const link = await share(alice, comparisonId);
    expect(link.token).toMatch(TOKEN_SHAPE);
    expect(link.url).toBe(`/app/shared/${link.token}`);
    expect(link.tokenHint).toBe(link.token.slice(-4));
    const rows = (await db.query(
      `SELECT user_id, subject_kind, subject_id, token_hint FROM share_links WHERE id = $1`,
      [link.id],
    )) as Record<string, string>[];
    expect(rows).toEqual([
      { user_id: alice.id, subject_kind: 'comparison', subject_id: comparisonId, token_hint: link.token.slice(-4) },
    ]);

    const listed = await api().get(`/comparisons/${comparisonId}/share`).set('Authorization', alice.bearer).expect(200);
    expect(listed.body.items).toContainEqual({ id: link.id, tokenHint: link.tokenHint, createdAt: link.createdAt });
    expect(JSON.stringify(listed.body)).not.toContain(link.token);

    const events = await outboxOf('comparison.shared', comparisonId);
    const validate = createEventValidator();
    expect(events.map((event) => validate(event))).toEqual(events.map(() => []));
    expect(events.at(-1)).toMatchObject({
      type: 'comparison.shared',
      userId: alice.id,
      comparisonId,
      correlationId: comparisonId,
      data: { linkId: link.id },
    });
    expect(JSON.stringify(events)).not.toContain(link.token);
  });

  it('serves the comparison signed out, as its owner sees it, with nothing of the owner', async () => {
    const link = await share(alice, comparisonId);
    const owners = await api().get(`/comparisons/${comparisonId}`).set('Authorization', alice.bearer).expect(200);
    const shared = await api().get(`/shared/${link.token}`).expect(200);
    expect(shared.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(shared.headers['cache-control']).toBe('no-store');
    expect(Object.keys(shared.body).sort()).toEqual(['comparison', 'kind', 'sharedAt']);
    expect(shared.body.kind).toBe('comparison');
    expect(shared.body.sharedAt).toBe(link.createdAt);
    // The whole result, exactly: period, members (commands, metrics, series), correlation matrix, best.
    expect(shared.body.comparison).toEqual(owners.body.result);
    expect(shared.body.comparison.members.map((m: { name: string }) => m.name)).toEqual([
      'Tech',
      'Staples',
      'Portfolio 3',
    ]);
    expect(shared.body.comparison.members[0].finalValue).toBe(owners.body.result.members[0].finalValue);
    expect(shared.body.comparison.correlation.matrix[0][0]).toBe(1);
    expect(shared.body.comparison.best.length).toBeGreaterThan(5);

    const text = JSON.stringify(shared.body);
    for (const secret of [alice.id, alice.email, comparisonId, 'userId', 'email', 'comparisonId', 'simulationIds']) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows none of the member simulations’ ids when the comparison was built from history', async () => {
    const fromHistory = await finishedComparison(alice, { simulationIds });
    const owners = await api().get(`/comparisons/${fromHistory}`).set('Authorization', alice.bearer).expect(200);
    expect(owners.body.simulationIds).toEqual(simulationIds);
    const link = await share(alice, fromHistory);
    const text = JSON.stringify((await api().get(`/shared/${link.token}`).expect(200)).body);
    for (const secret of [...simulationIds, fromHistory, alice.id, alice.email]) expect(text).not.toContain(secret);
  });

  it('lets only the owner share, list and revoke: another user’s comparison answers 404', async () => {
    const link = await share(alice, comparisonId);
    for (const response of [
      await api().post(`/comparisons/${comparisonId}/share`).set('Authorization', bob.bearer),
      await api().get(`/comparisons/${comparisonId}/share`).set('Authorization', bob.bearer),
      await api().delete(`/comparisons/${comparisonId}/share/${link.token}`).set('Authorization', bob.bearer),
      await api().post(`/comparisons/00000000-0000-4000-8000-000000000000/share`).set('Authorization', alice.bearer),
    ]) {
      expect([response.status, response.body.error]).toEqual([404, 'COMPARISON_NOT_FOUND']);
    }
    await api().post(`/comparisons/${comparisonId}/share`).expect(401);
    // A simulation route does not reach a comparison's link.
    const simulationRoute = await api()
      .delete(`/history/${simulationIds[0]}/share/${link.token}`)
      .set('Authorization', alice.bearer);
    expect([simulationRoute.status, simulationRoute.body.error]).toEqual([404, 'SHARE_LINK_NOT_FOUND']);
    await api().get(`/shared/${link.token}`).expect(200);
  });

  it('refuses to share a comparison that has not completed: 409 COMPARISON_NOT_COMPLETED', async () => {
    const failed = await finishedComparison(alice, { members: DISJOINT }, 'failed');
    const refused = await api().post(`/comparisons/${failed}/share`).set('Authorization', alice.bearer).expect(409);
    expect(refused.body).toMatchObject({ status: 409, error: 'COMPARISON_NOT_COMPLETED' });
    expect(refused.body.message).toContain('failed');
    const listed = await api().get(`/comparisons/${failed}/share`).set('Authorization', alice.bearer).expect(200);
    expect(listed.body.items).toEqual([]);
  });

  it('revokes by token or by id: 404 from then on, comparison.share_revoked emitted', async () => {
    const byToken = await share(alice, comparisonId);
    const byId = await share(alice, comparisonId);
    await api().get(`/shared/${byToken.token}`).expect(200);
    await api()
      .delete(`/comparisons/${comparisonId}/share/${byToken.token}`)
      .set('Authorization', alice.bearer)
      .expect(204);
    await api().delete(`/comparisons/${comparisonId}/share/${byId.id}`).set('Authorization', alice.bearer).expect(204);
    for (const link of [byToken, byId]) {
      expect((await api().get(`/shared/${link.token}`).expect(404)).body.error).toBe('SHARE_LINK_NOT_FOUND');
    }
    const again = await api()
      .delete(`/comparisons/${comparisonId}/share/${byId.id}`)
      .set('Authorization', alice.bearer);
    expect([again.status, again.body.error]).toEqual([404, 'SHARE_LINK_NOT_FOUND']);
    const listed = await api().get(`/comparisons/${comparisonId}/share`).set('Authorization', alice.bearer).expect(200);
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(byToken.id);
    expect(ids).not.toContain(byId.id);

    const events = (await outboxOf('comparison.share_revoked', comparisonId)).slice(-2);
    const validate = createEventValidator();
    expect(events.map((event) => validate(event))).toEqual([[], []]);
    expect(events.map((event) => event.data)).toEqual([
      { linkId: byToken.id, reason: 'revoked-by-user' },
      { linkId: byId.id, reason: 'revoked-by-user' },
    ]);
    expect(JSON.stringify(events)).not.toContain(byToken.token);
  });

  it('downloads the owner’s comparison workbook: members side by side, every day, the correlations', async () => {
    const owners = await api().get(`/comparisons/${comparisonId}`).set('Authorization', alice.bearer).expect(200);
    const response = await api()
      .get(`/comparisons/${comparisonId}/xlsx`)
      .set('Authorization', alice.bearer)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="portofino-comparison-tech-vs-staples-vs-portfolio-3-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const workbook = await readWorkbook(response.body as Buffer);
    expectComparisonWorkbook(workbook, owners.body.result as ComparisonResult);
    // Native charts: two overlaid line charts with one series per member, reading the Daily sheet.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/.*\.xml$/.test(name));
    expect(charts).toHaveLength(2);
    const valueChart = await zip.file(charts.sort()[0])!.async('string');
    expect(valueChart.match(/<c:ser>/g)).toHaveLength(3);
    expect(valueChart).toContain(`'Daily'!$B$2:$B$${owners.body.result.members[0].series.dates.length + 1}`);

    await api().get(`/comparisons/${comparisonId}/xlsx`).set('Authorization', bob.bearer).expect(404);
    await api().get(`/comparisons/${comparisonId}/xlsx`).expect(401);
    const failed = await finishedComparison(alice, { members: DISJOINT }, 'failed');
    const refused = await api().get(`/comparisons/${failed}/xlsx`).set('Authorization', alice.bearer).expect(409);
    expect(refused.body.error).toBe('COMPARISON_NOT_COMPLETED');
  });

  it('serves the shared comparison’s workbook signed out, with the same numbers', async () => {
    const link = await share(alice, comparisonId);
    const shared = await api().get(`/shared/${link.token}`).expect(200);
    const response = await api().get(`/shared/${link.token}/report`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    const workbook = await readWorkbook(response.body as Buffer);
    expectComparisonWorkbook(workbook, shared.body.comparison as ComparisonResult);
    // Nothing of the owner in the workbook either.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(response.body as Buffer);
    const text = (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('');
    for (const secret of [alice.id, alice.email, comparisonId]) expect(text).not.toContain(secret);

    await api().delete(`/comparisons/${comparisonId}/share/${link.id}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/shared/${link.token}/report`).expect(404);
  });

  it('answers 404 once the comparison is deleted, and removes its links', async () => {
    const doomed = await finishedComparison(alice, { members: MEMBERS.slice(0, 2) });
    const link = await share(alice, doomed);
    await api().get(`/shared/${link.token}`).expect(200);
    await api().delete(`/comparisons/${doomed}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/shared/${link.token}/report`).expect(404);
    expect((await api().get(`/shared/${link.token}`).expect(404)).body.error).toBe('SHARE_LINK_NOT_FOUND');
    const [row] = (await db.query(`SELECT COUNT(*) AS n FROM share_links WHERE subject_id = $1`, [doomed])) as {
      n: string;
    }[];
    expect(Number(row.n)).toBe(0);
  });
});
