/**
 * Jest globalSetup of the `integration` project: starts PostgreSQL, Redis and Kafka in parallel
 * (or uses TEST_DATABASE_URL / TEST_REDIS_URL / TEST_KAFKA_BROKERS when set), then exports
 * PORTOFINO_TEST_DATABASE_URL, PORTOFINO_TEST_REDIS_URL, PORTOFINO_TEST_KAFKA_BROKERS,
 * PORTOFINO_TEST_RUN_ID and PORTOFINO_TEST_STATE (a JSON file) to the test files.
 * PORTOFINO_TEST_SERVICES=postgres,redis starts only some of them. Builds dist-test/ meanwhile.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ENV, HARNESS_KEY, type HarnessState } from './env';
import { startServices } from './services';

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  // Meanwhile, the transpiled server that test files start as processes (scripts/test-server-build.js): built once
  // here rather than by the first file that needs it.
  const serverBuild = promisify(execFile)(process.execPath, [
    path.join(__dirname, '..', '..', 'scripts', 'test-server-build.js'),
  ]);
  const [started, built] = await Promise.allSettled([startServices(), serverBuild]);
  if (started.status === 'rejected') throw started.reason;
  const services = started.value;
  if (built.status === 'rejected') {
    await services.stop();
    throw new Error(`building dist-test/ (scripts/test-server-build.js) failed: ${String(built.reason)}`);
  }
  (globalThis as Record<string, unknown>)[HARNESS_KEY] = services;
  const readyMs = Date.now() - t0;

  setOrDelete(ENV.databaseUrl, services.databaseUrl);
  setOrDelete(ENV.redisUrl, services.redisUrl);
  setOrDelete(ENV.kafkaBrokers, services.kafkaBrokers?.join(','));
  process.env[ENV.runId] = services.runId;

  const state: HarnessState = {
    runId: services.runId,
    dir: services.dir,
    startedAt: new Date(t0).toISOString(),
    readyMs,
    databaseUrl: services.databaseUrl,
    redisUrl: services.redisUrl,
    kafkaBrokers: services.kafkaBrokers,
    services: services.info as HarnessState['services'],
  };
  const stateFile = path.join(services.dir, 'state.json');
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
  process.env[ENV.state] = stateFile;

  const parts = Object.entries(services.info).map(([name, i]) =>
    i.external ? `${name} external` : `${name} ${(i.startMs / 1000).toFixed(1)} s`,
  );
  process.stderr.write(`\n[harness] test services ready in ${(readyMs / 1000).toFixed(1)} s (${parts.join(', ')})\n`);
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value) process.env[name] = value;
  else delete process.env[name];
}
