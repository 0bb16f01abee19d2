#!/usr/bin/env node
/**
 * `npm test`: every check and every test — type check, lint (ESLint, Prettier, architecture rules), the unit
 * tests and the integration tests on real PostgreSQL, Redis and Kafka (started by test/harness on free
 * loopback ports; a missing binary fails with what to install) — Schemathesis among them, checking the served
 * OpenAPI document (test/platform/openapi-conformance.int-spec.ts) —, then the dashboard's Playwright tests in
 * Chromium. Extra arguments go to jest.
 */
const { root, run, ensureDependencies, ensureClientBuild } = require('./ensure-ready');
const { ensureSchemathesis } = require('./schemathesis/venv');

ensureDependencies();
// The integration tests serve the built dashboard, as `npm start` does.
ensureClientBuild();
const started = Date.now();
const step = (name, command, args, env) => {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  run(command, args, env);
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
};

step('type check', 'npx', ['tsc', '-p', 'tsconfig.check.json']);
step('type check (dashboard)', 'npx', ['tsc', '-p', 'client/tsconfig.json', '--noEmit']);
step('lint', 'npm', ['run', '--silent', 'lint']);
// Made once per version of scripts/schemathesis/requirements.txt (from PyPI), before jest's workers need it.
{
  const t0 = Date.now();
  console.log('\n▶ Schemathesis (pinned, in its own Python virtual environment)');
  console.log(`✔ ${ensureSchemathesis()} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
step('unit and integration tests', 'npx', ['jest', '--ci', ...process.argv.slice(2)], {
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
});
// The dashboard end to end: Debian's Chromium against the real server in embedded mode (test/e2e).
step('dashboard end-to-end tests (Playwright)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${root}).`);
