import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { runCli } from '../../src/cli/cli';
import { EXIT_SIMULATION_FAILED } from '../../src/cli/simulate.command';
import type { ProjectionInputs, ProjectionOutputs } from '../../src/modules/projection/projection.types';
import { testDatabaseUrl } from '../harness/test-services';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

// Jan 2019 … Dec 2022: 48 complete months; a yearly withdrawal so that some paths may run dry.
const COMMAND = 'AAPL-L-60% MSFT-L-40% 2019-01-01 2022-12-28 rebalance=quarterly benchmark=^GSPC';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** exceljs types its input as an ArrayBuffer. */
const toArrayBuffer = (bytes: Buffer): ArrayBuffer => Uint8Array.from(bytes).buffer;

/**
 * Issue 19's exports on PostgreSQL: the projection workbook (owner only, 409 until completed, values equal to
 * GET /projections/{id}), and what a share link adds — the analysis for another rolling window and the tearsheet,
 * with nothing of the owner in either.
 */
describe('projection workbook and shared analysis on PostgreSQL', () => {
  let running: RunningApp;
  let db: DataSource;
  let alice: TestUser;
  let bob: TestUser;
  let simulationId: string;
  const api = () => request(running.url);

  beforeAll(async () => {
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('analysis_exports'),
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
    });
    db = running.app.get(DataSource);
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    const accepted = await api().post('/simulate').set('Authorization', alice.bearer).send({ command: COMMAND });
    simulationId = accepted.body.simulationId as string;
    await eventually(
      async () => {
        const detail = await api().get(`/history/${simulationId}`).set('Authorization', alice.bearer);
        return detail.body.status === 'completed' ? true : undefined;
      },
      30_000,
      'the simulation to complete',
    );
  });

  afterAll(async () => {
    await running?.close();
  });

  async function completedProjection(body: object): Promise<{
    projectionId: string;
    inputs: ProjectionInputs;
    outputs: ProjectionOutputs;
  }> {
    const accepted = await api()
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', alice.bearer)
      .send(body)
      .expect(202);
    const projectionId = accepted.body.projectionId as string;
    const done = await eventually(
      async () => {
        const response = await api().get(`/projections/${projectionId}`).set('Authorization', alice.bearer);
        return response.body.status === 'completed' ? response.body : undefined;
      },
      60_000,
      'the projection to complete',
    );
    return { projectionId, inputs: done.inputs, outputs: done.outputs };
  }

  it('serves the workbook of a completed projection, whose cells equal the API’s values', async () => {
    const { projectionId, inputs, outputs } = await completedProjection({
      paths: 1000,
      years: 20,
      method: 'block',
      blockMonths: 6,
      seed: 11,
      cashFlow: { kind: 'amount', amount: -6000, period: 'year', inflationIndexed: true },
      inflationRate: 0.02,
    });
    const response = await api()
      .get(`/projections/${projectionId}/xlsx`)
      .set('Authorization', alice.bearer)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="portofino-aapl-l-60pct-msft-l-40pct-2019-01-01-2022-12-28-.*-\d{4}-\d{2}-\d{2}-projection\.xlsx"$/,
    );
    const bytes = response.body as Buffer;
    expect(Number(response.headers['content-length'])).toBe(bytes.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(bytes));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Bands', 'Distributions', 'Chart']);

    const summary = new Map<unknown, unknown>();
    workbook.getWorksheet('Summary')!.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
    expect(summary.get('Simulation id')).toBe(simulationId);
    expect(summary.get('Paths')).toBe(1000);
    expect(summary.get('Seed')).toBe(11);
    expect(summary.get('Initial value')).toBe(inputs.initialValue);
    expect(summary.get('Cash flow')).toBe('-6,000 per year, inflation-indexed');
    expect(summary.get('Probability of ending above 0')).toBe(outputs.probabilityPositive);
    expect(summary.get('Paths ending above 0 (the money lasted)')).toBe(outputs.pathsPositive);
    expect(summary.get('Paths depleted before the horizon')).toBe(outputs.depletedPaths);
    expect(summary.get('Lasting in 90% of paths (per year, inflation-indexed)')).toBe(
      outputs.sustainableWithdrawal.success90,
    );
    expect(summary.get('Lasting in 95% of paths (per year, inflation-indexed)')).toBe(
      outputs.sustainableWithdrawal.success95,
    );

    const bands = workbook.getWorksheet('Bands')!;
    expect(bands.rowCount).toBe(1 + 241);
    for (const month of [0, 1, 60, 119, 240]) {
      const row = bands.getRow(month + 2);
      expect(row.getCell(1).value).toBe(month);
      outputs.valueBands.forEach((band, index) => expect(row.getCell(index + 3).value).toBe(band.values[month]));
    }

    const distributions = new Map<unknown, unknown[]>();
    workbook.getWorksheet('Distributions')!.eachRow((row) =>
      distributions.set(
        row.getCell(1).value,
        [2, 3, 4].map((c) => row.getCell(c).value),
      ),
    );
    outputs.percentiles.forEach((p, index) =>
      expect(distributions.get(`p${p}`)).toEqual([
        outputs.finalValue.percentiles[index],
        outputs.cagr.percentiles[index],
        outputs.maxDrawdown.percentiles[index],
      ]),
    );
  });

  it('answers 404 to another user and to an unknown id, 409 while queued, running or failed', async () => {
    const { projectionId } = await completedProjection({ paths: 100, years: 5, seed: 3 });
    const foreign = await api().get(`/projections/${projectionId}/xlsx`).set('Authorization', bob.bearer).expect(404);
    expect(foreign.body).toMatchObject({ status: 404, error: 'PROJECTION_NOT_FOUND' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await api().get(`/projections/${unknown}/xlsx`).set('Authorization', alice.bearer).expect(404)).body.error,
    ).toBe('PROJECTION_NOT_FOUND');
    await api().get(`/projections/${projectionId}/xlsx`).expect(401);

    // The states a workbook waits for, set on the row (a real run is too quick to catch queued).
    for (const [status, message] of [
      ['queued', `projection ${projectionId} is queued: its workbook can be downloaded once it has completed`],
      ['running', `projection ${projectionId} is running: its workbook can be downloaded once it has completed`],
      ['failed', `projection ${projectionId} failed (the worker was lost): it has no outputs to export; run it again`],
    ]) {
      await db.query(`UPDATE projections SET status = $1, outputs = NULL, failure_reason = $2 WHERE id = $3`, [
        status,
        status === 'failed' ? 'the worker was lost' : null,
        projectionId,
      ]);
      const conflict = await api()
        .get(`/projections/${projectionId}/xlsx`)
        .set('Authorization', alice.bearer)
        .expect(409);
      expect(conflict.body).toMatchObject({
        status: 409,
        error: 'PROJECTION_NOT_COMPLETED',
        message,
        details: [{ projectionId, status }],
      });
    }
  });

  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['project', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('portofino project <simulation id> runs the projection on the server and prints what GET /projections/{id} says', async () => {
    const asJson = await cli(
      simulationId,
      '--api',
      running.url,
      '--token',
      alice.accessToken,
      '--paths',
      '400',
      '--years',
      '10',
      '--seed',
      '21',
      '--method',
      'block',
      '--block',
      '6',
      '--withdraw',
      '5000/year',
      '--json',
    );
    expect(asJson.code).toBe(0);
    const printed = JSON.parse(asJson.out) as {
      projectionId: string;
      inputs: ProjectionInputs;
      outputs: ProjectionOutputs;
    };
    const stored = await api()
      .get(`/projections/${printed.projectionId}`)
      .set('Authorization', alice.bearer)
      .expect(200);
    expect(printed.outputs).toEqual(stored.body.outputs);
    expect(stored.body.inputs).toMatchObject({
      paths: 400,
      years: 10,
      seed: 21,
      method: 'block',
      blockMonths: 6,
      cashFlow: { kind: 'amount', amount: -5000, period: 'year', inflationIndexed: false },
    });

    // In words, through the token in the environment's place (ApiDefaults), the server's defaults for the rest.
    const lines: string[] = [];
    const words = await runCli(
      ['project', simulationId, '--paths', '300', '--years', '10', '--seed', '21'],
      {
        out: (text) => lines.push(text),
        err: () => undefined,
      },
      { apiUrl: running.url, token: alice.accessToken },
    );
    expect(words).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(
      /^300 paths × 10 years from [\d,.]+, blocks of 12 months from 48 complete months \(seed 21\)\.$/m,
    );
    expect(text).toMatch(/^year 10( +[\d,.]+){7}$/m);
    expect(text).toMatch(/^In \d+ of 300 paths the money lasted 10 years\.$/m);

    // Another user's simulation: the server's 404, said plainly.
    const foreign = await cli(simulationId, '--api', running.url, '--token', bob.accessToken);
    expect(foreign.code).toBe(EXIT_SIMULATION_FAILED);
    expect(foreign.err).toBe(
      `error: POST /history/${simulationId}/projections answered 404 SIMULATION_NOT_FOUND: simulation ${simulationId} not found`,
    );
  });

  describe('a share link', () => {
    let token: string;

    beforeAll(async () => {
      const link = await api().post(`/history/${simulationId}/share`).set('Authorization', alice.bearer).expect(201);
      token = link.body.token as string;
    });

    it('serves the analysis of another rolling window, equal to the owner’s, signed out', async () => {
      const shared = await api().get(`/shared/${token}/analysis?rollingWindow=126&drawdownLimit=3`).expect(200);
      const owners = await api()
        .get(`/history/${simulationId}/analysis?rollingWindow=126&drawdownLimit=3`)
        .set('Authorization', alice.bearer)
        .expect(200);
      expect(shared.body).toEqual(owners.body);
      expect(shared.body.rolling.window).toBe(126);
      expect(shared.body.rolling.benchmark).not.toBeNull();
      expect(shared.body.drawdownEpisodes.episodes).toHaveLength(3);
      expect(shared.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(shared.headers['cache-control']).toBe('no-store');
      expect(JSON.stringify(shared.body)).not.toContain(simulationId);

      const bad = await api().get(`/shared/${token}/analysis?rollingWindow=1`).expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
      expect(
        (
          await api()
            .get(`/shared/${'x'.repeat(43)}/analysis`)
            .expect(404)
        ).body.error,
      ).toBe('SHARE_LINK_NOT_FOUND');
    });

    it('serves the tearsheet as HTML with nothing of the owner: no id, no e-mail', async () => {
      const response = await api().get(`/shared/${token}/tearsheet`).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="portofino-.*-tearsheet\.html"$/);
      expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
      const html = response.text;
      expect(html).toContain('<svg');
      expect(html).toContain('AAPL-L-60% MSFT-L-40%');
      expect(html).toContain('shared snapshot');
      for (const secret of [simulationId, alice.id, alice.email]) expect(html).not.toContain(secret);

      // The owner's own tearsheet names the simulation.
      const owners = await api()
        .get(`/history/${simulationId}/tearsheet`)
        .set('Authorization', alice.bearer)
        .expect(200);
      expect(owners.text).toContain(simulationId);
    });

    it('answers 404 once revoked', async () => {
      const link = await api().post(`/history/${simulationId}/share`).set('Authorization', alice.bearer).expect(201);
      await api()
        .delete(`/history/${simulationId}/share/${link.body.token}`)
        .set('Authorization', alice.bearer)
        .expect(204);
      for (const path of ['tearsheet', 'analysis']) {
        const gone = await api().get(`/shared/${link.body.token}/${path}`).expect(404);
        expect(gone.body.error).toBe('SHARE_LINK_NOT_FOUND');
      }
    });
  });
});
