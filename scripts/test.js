#!/usr/bin/env node
/**
 * `npm test`: every check and every test — type check, lint (ESLint, Prettier, architecture rules), the unit
 * tests and the integration tests on real PostgreSQL, Redis and Kafka (started by test/harness on free
 * loopback ports; a missing binary fails with what to install) — Schemathesis among them, checking the served
 * OpenAPI document (test/platform/openapi-conformance.int-spec.ts) —, then the dashboard's Playwright tests in
 * Chromium. Extra arguments go to jest.
 *
 * The checks and builds that do not depend on one another run at the same time (each a single-threaded process,
 * and the machines have 2 cores); their output is printed whole as each ends. Jest runs two test files at a time
 * (its default on 2 cores is one, in the jest process itself), which `-w`/`--maxWorkers`/`-i` override.
 */
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { root, run, ensureDependencies, clientBuildStale } = require('./ensure-ready');

ensureDependencies();
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const step = (name, command, args, env) => {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  run(command, args, env);
  console.log(`✔ ${name} (${seconds(t0)})`);
};

/** Runs `command` with its output kept, printed whole when it ends; resolves with whether it succeeded. */
function task(name, command, args, env = {}) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      process.stdout.write(`\n${ok ? '✔' : '✘'} ${name} (${seconds(t0)})${ok ? '' : `: exit ${code ?? signal}`}\n`);
      if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve(ok);
    });
  });
}

async function main() {
  console.log('\n▶ type checks, lint, dashboard build, Schemathesis and the test server, at once');
  const t0 = Date.now();
  // The dashboard's type check reads the types its build generates (client/.next/types): after the build.
  const dashboard = (
    clientBuildStale()
      ? // The integration tests serve the built dashboard, as `npm start` does.
        task('dashboard build (next build)', 'npm', ['run', '--silent', 'build:client'], {
          NEXT_TELEMETRY_DISABLED: '1',
        })
      : Promise.resolve(true)
  ).then((built) => built && task('type check (dashboard)', 'npx', ['tsc', '-p', 'client/tsconfig.json', '--noEmit']));
  const tasks = [
    task('type check', 'npx', ['tsc', '-p', 'tsconfig.check.json']),
    dashboard,
    task('lint', 'npm', ['run', '--silent', 'lint']),
    // Made once per version of scripts/schemathesis/requirements.txt (from PyPI), before jest's workers need it.
    task('Schemathesis (pinned, in its own Python virtual environment)', process.execPath, [
      join(root, 'scripts', 'schemathesis', 'venv.js'),
    ]),
    // The server the tests start as processes, transpiled once (the integration project's globalSetup reuses it).
    task('server for the tests (dist-test/)', process.execPath, [join(root, 'scripts', 'test-server-build.js')]),
  ];
  const results = await Promise.all(tasks);
  if (results.includes(false)) {
    console.error(`\n${results.filter((ok) => !ok).length} of the checks and builds above failed.`);
    process.exit(1);
  }
  console.log(`✔ checks and builds (${seconds(t0)})`);

  const extra = process.argv.slice(2);
  const workersGiven = extra.some((arg) => /^(-w|--maxWorkers|-i|--runInBand)(=|$)/.test(arg));
  step('unit and integration tests', 'npx', ['jest', '--ci', ...(workersGiven ? [] : ['--maxWorkers=2']), ...extra], {
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  });
  // The dashboard end to end: Debian's Chromium against the real server in embedded mode (test/e2e).
  step('dashboard end-to-end tests (Playwright)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
  console.log(`\nAll checks passed in ${seconds(started)} (${root}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
