/**
 * For integration test files: the services started by the harness's globalSetup.
 *
 *   const url = await testDatabaseUrl();      // a fresh, empty database of its own
 *   const redisUrl = testRedisUrl();          // + uniquePrefix() for Bull queue prefixes / keys
 *   const brokers = testKafkaBrokers();       // + uniqueName('topic') for topics and group ids
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { Client } from 'pg';
import { DB_PREFIX, ENV, type HarnessState } from './env';

const NOT_IN_HARNESS =
  'is only available in the jest `integration` project, whose globalSetup (test/harness/global-setup.ts) ' +
  'starts the services: run `npx jest --selectProjects integration <file>` (name the file *.int-spec.ts under test/)';

function required(variable: string, what: string, service: string): string {
  const value = process.env[variable];
  if (value) return value;
  const excluded = process.env.PORTOFINO_TEST_SERVICES && process.env[ENV.runId];
  throw new Error(
    excluded
      ? `${what}: ${service} was not started because PORTOFINO_TEST_SERVICES=${process.env.PORTOFINO_TEST_SERVICES} leaves it out`
      : `${what} ${NOT_IN_HARNESS} (${variable} is not set)`,
  );
}

/** Random id of this test run (set by globalSetup). */
export function testRunId(): string {
  return required(ENV.runId, 'testRunId()', 'the harness');
}

let counter = 0;
const processTag = `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * A name unique across this run, its jest workers and earlier runs: `<prefix>-<run>-<worker>-<n>`,
 * made of [a-z0-9-] plus the prefix. Good for Kafka topics, consumer groups, queue names, keys.
 */
export function uniqueName(prefix: string): string {
  const run = process.env[ENV.runId] ?? randomBytes(4).toString('hex');
  return `${prefix}-${run}-${processTag}-${(++counter).toString(36)}`;
}

/** A key prefix for Redis (e.g. Bull's `prefix` option) that no other test shares. */
export function uniquePrefix(label = 'pft'): string {
  return uniqueName(label);
}

/** URL of the harness's PostgreSQL server itself (the `postgres` database; prefer testDatabaseUrl()). */
export function testServerUrl(): string {
  return required(ENV.databaseUrl, 'testServerUrl()', 'PostgreSQL');
}

/**
 * Creates a new, empty, uniquely named database on the harness's PostgreSQL server and returns its
 * URL. Call it once per test file (in beforeAll), or per test that needs a clean schema.
 */
export async function testDatabaseUrl(label = 'db'): Promise<string> {
  const serverUrl = required(ENV.databaseUrl, 'testDatabaseUrl()', 'PostgreSQL');
  const run = process.env[ENV.runId] ?? 'x';
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  const name = `${DB_PREFIX}${run}_${safeLabel}_${processTag}_${(++counter).toString(36)}`.slice(0, 63);
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    throw new Error(
      `testDatabaseUrl(): could not create database ${name} on ${redact(serverUrl)}: ${(err as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** redis://host:port of the harness's Redis server. Use uniquePrefix() to keep keys apart. */
export function testRedisUrl(): string {
  return required(ENV.redisUrl, 'testRedisUrl()', 'Redis');
}

/** Bootstrap brokers (host:port) of the harness's Kafka. Use uniqueName() for topics and groups. */
export function testKafkaBrokers(): string[] {
  return required(ENV.kafkaBrokers, 'testKafkaBrokers()', 'Kafka')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** The JSON state written by globalSetup (service addresses, PIDs, log files, start-up times). */
export function harnessState(): HarnessState {
  const file = required(ENV.state, 'harnessState()', 'the harness');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as HarnessState;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
