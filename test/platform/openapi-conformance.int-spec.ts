import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AccessTokenService } from '../../src/modules/auth/access-token.service';
import { testDatabaseUrl } from '../harness/test-services';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureSchemathesis } = require('../../scripts/schemathesis/venv.js') as {
  ensureSchemathesis(): string;
};

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, 'scripts', 'schemathesis', 'schemathesis.toml');
/** Examples per operation (the 50); every check; a fixed seed unless SCHEMATHESIS_SEED says otherwise. */
const MAX_EXAMPLES = process.env.SCHEMATHESIS_MAX_EXAMPLES ?? '50';
const SEED = process.env.SCHEMATHESIS_SEED ?? '20260101';
/** Not the password the document shows as its example: a generated DELETE /auth/me must not guess it. */
const PASSWORD = 'conformance run passphrase 42';

jest.setTimeout(600_000);

function runSchemathesis(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = Date.now();
  const child = spawn(ensureSchemathesis(), args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/**
 * The OpenAPI document the server serves is true (issue 14, item 6): Schemathesis generates requests from it —
 * valid and invalid, every operation, with a registered user's token — and checks every answer with all its
 * checks (server errors, status codes, content types, headers, schemas, valid data accepted, invalid data refused,
 * unsupported methods, authentication, use after delete, ...). The pinned Schemathesis lives in a virtual
 * environment made by scripts/schemathesis/venv.js; its configuration is scripts/schemathesis/schemathesis.toml.
 */
describe.each([
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await testDatabaseUrl('openapi') })],
])('the OpenAPI document, checked by Schemathesis on %s', (_, database) => {
  let running: RunningApp;
  let reportsDir: string;
  let bearer: string;
  let config: string;

  beforeAll(async () => {
    ensureSchemathesis();
    reportsDir = mkdtempSync(join(tmpdir(), 'portofino-openapi-reports-'));
    running = await startApp({
      ...(await database()),
      AUTH_THROTTLE_LIMIT: '100000',
      MARKET_DATA_PROVIDERS: 'sample',
      REPORTS_DIR: reportsDir,
    });
    const registered = await request(running.url)
      .post('/auth/register')
      .send({ email: 'openapi-runner@example.com', password: PASSWORD })
      .expect(201);
    // A sign-in older than 5 minutes: deleting the account then needs the password, which is not in the document.
    const token = await running.app
      .get(AccessTokenService)
      .sign(registered.body.user, new Date(Date.now() - 3_600_000));
    bearer = `Bearer ${token}`;
    // Something to find: a completed simulation with a report, whose id the report operations are given (nothing in
    // the document links to a report id, and a generated one is never found).
    const simulation = await request(running.url)
      .post('/simulate')
      .set('Authorization', bearer)
      .send({ command: 'AAPL-L-60% MSFT-L-40% 2020-01-01 2021-12-31' })
      .expect(202);
    await eventually(async () => {
      const detail = await request(running.url)
        .get(`/history/${simulation.body.simulationId}`)
        .set('Authorization', bearer);
      return detail.body.status === 'completed' ? true : undefined;
    });
    const report = await request(running.url)
      .post('/report')
      .set('Authorization', bearer)
      .send({ simulationId: simulation.body.simulationId })
      .expect(202);
    await eventually(async () => {
      const status = await request(running.url).get(`/report/${report.body.reportId}`).set('Authorization', bearer);
      return status.body.status === 'completed' ? true : undefined;
    });
    config = join(reportsDir, 'schemathesis.toml');
    writeFileSync(
      config,
      `${readFileSync(CONFIG, 'utf8')}\n[[operations]]\ninclude-path-regex = "^/report/\\\\{id\\\\}"\nparameters = { "path.id" = "${report.body.reportId}" }\n`,
    );
  });

  afterAll(async () => {
    await running.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it(`finds no failure with all checks and ${MAX_EXAMPLES} examples per operation`, async () => {
    const run = await runSchemathesis(
      [
        '--config-file',
        config,
        'run',
        `${running.url}/docs/openapi.json`,
        '--checks',
        'all',
        '--max-examples',
        MAX_EXAMPLES,
        '--seed',
        SEED,
        '--header',
        `Authorization: ${bearer}`,
        '--generation-database',
        'none',
        '--no-color',
      ],
      reportsDir,
    );
    // The closing line, e.g. "==== 1642 generated … passed in 61.2s ====" (kept in the test log with the run time).
    const summary = run.output
      .split('\n')
      .filter((line) => /^=+ .* in [\d.]+s =+$/.test(line.trim()))
      .at(-1);
    process.stderr.write(
      `[schemathesis] ${summary?.replace(/=+/g, '').trim() ?? '(no summary)'}; ${run.seconds.toFixed(1)} s\n`,
    );
    if (process.env.SCHEMATHESIS_OUTPUT) writeFileSync(process.env.SCHEMATHESIS_OUTPUT, run.output);
    if (run.code !== 0) throw new Error(`Schemathesis found problems (exit ${run.code}):\n${run.output}`);
    // The account is still there: the document's examples never guessed its password.
    await request(running.url).get('/auth/me').set('Authorization', bearer).expect(200);
  });
});
