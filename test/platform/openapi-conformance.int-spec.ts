import { ChildProcess, spawn } from 'node:child_process';
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

/** Schemathesis processes still running (stopped by afterAll when a test timed out). */
const children = new Set<ChildProcess>();

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
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

interface Served {
  running: RunningApp;
  reportsDir: string;
  bearer: string;
  /** schemathesis.toml with the completed report's id for the report operations. */
  config: string;
}

/**
 * The application on `database` with something to find: a registered user (whose token is returned), a completed
 * simulation and its report.
 */
async function serve(database: Record<string, string>): Promise<Served> {
  const reportsDir = mkdtempSync(join(tmpdir(), 'portofino-openapi-reports-'));
  const running = await startApp({
    ...database,
    AUTH_THROTTLE_LIMIT: '100000',
    MARKET_DATA_PROVIDERS: 'sample',
    REPORTS_DIR: reportsDir,
  });
  try {
    return { running, reportsDir, ...(await prepare(running, reportsDir)) };
  } catch (error) {
    await running.close();
    rmSync(reportsDir, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(running: RunningApp, reportsDir: string): Promise<{ bearer: string; config: string }> {
  const registered = await request(running.url)
    .post('/auth/register')
    .send({ email: 'openapi-runner@example.com', password: PASSWORD })
    .expect(201);
  // A sign-in older than 5 minutes: deleting the account then needs the password, which is not in the document.
  const token = await running.app.get(AccessTokenService).sign(registered.body.user, new Date(Date.now() - 3_600_000));
  const bearer = `Bearer ${token}`;
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
  const config = join(reportsDir, 'schemathesis.toml');
  writeFileSync(
    config,
    `${readFileSync(CONFIG, 'utf8')}\n[[operations]]\ninclude-path-regex = "^/report/\\\\{id\\\\}"\nparameters = { "path.id" = "${report.body.reportId}" }\n`,
  );
  return { bearer, config };
}

/** `schemathesis run` over the document `served` serves, with every check and the user's token. */
function checkDocument(served: Served): ReturnType<typeof runSchemathesis> {
  return runSchemathesis(
    [
      '--config-file',
      served.config,
      'run',
      `${served.running.url}/docs/openapi.json`,
      '--checks',
      'all',
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--header',
      `Authorization: ${served.bearer}`,
      '--generation-database',
      'none',
      '--no-color',
    ],
    served.reportsDir,
  );
}

const DATABASES: [string, () => Promise<Record<string, string>>][] = [
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await testDatabaseUrl('openapi') })],
];
const served = new Map<string, Served>();
const runs = new Map<string, ReturnType<typeof runSchemathesis>>();

/**
 * Both databases at once — two applications, two Schemathesis processes — since each run spends much of its time
 * waiting for the other side's answers. Both applications are ready (user, simulation, report) before either run
 * starts: a run's traffic would otherwise slow the other's setup, which shares this process.
 */
beforeAll(async () => {
  ensureSchemathesis();
  const setups = await Promise.allSettled(
    DATABASES.map(async ([name, database]) => served.set(name, await serve(await database()))),
  );
  const failed = setups.find((setup): setup is PromiseRejectedResult => setup.status === 'rejected');
  if (failed) throw failed.reason;
  for (const [name, app] of served) {
    const run = checkDocument(app);
    run.catch(() => undefined); // awaited by its test
    runs.set(name, run);
  }
});

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.allSettled(runs.values());
  for (const app of served.values()) {
    await app.running.close();
    rmSync(app.reportsDir, { recursive: true, force: true });
  }
});

/**
 * The OpenAPI document the server serves is true (issue 14, item 6): Schemathesis generates requests from it —
 * valid and invalid, every operation, with a registered user's token — and checks every answer with all its
 * checks (server errors, status codes, content types, headers, schemas, valid data accepted, invalid data refused,
 * unsupported methods, authentication, use after delete, ...). The pinned Schemathesis lives in a virtual
 * environment made by scripts/schemathesis/venv.js; its configuration is scripts/schemathesis/schemathesis.toml.
 */
describe.each(DATABASES.map(([name]) => name))('the OpenAPI document, checked by Schemathesis on %s', (name) => {
  it(`finds no failure with all checks and ${MAX_EXAMPLES} examples per operation`, async () => {
    const app = served.get(name) as Served;
    const run = await (runs.get(name) as ReturnType<typeof runSchemathesis>);
    // The closing line, e.g. "==== 1642 generated … passed in 61.2s ====" (kept in the test log with the run time).
    const summary = run.output
      .split('\n')
      .filter((line) => /^=+ .* in [\d.]+s =+$/.test(line.trim()))
      .at(-1);
    process.stderr.write(
      `[schemathesis] ${name}: ${summary?.replace(/=+/g, '').trim() ?? '(no summary)'}; ${run.seconds.toFixed(1)} s\n`,
    );
    if (process.env.SCHEMATHESIS_OUTPUT) writeFileSync(`${process.env.SCHEMATHESIS_OUTPUT}.${name}`, run.output);
    if (run.code !== 0) throw new Error(`Schemathesis found problems (exit ${run.code}):\n${run.output}`);
    // The account is still there: the document's examples never guessed its password.
    await request(app.running.url).get('/auth/me').set('Authorization', app.bearer).expect(200);
  });
});
