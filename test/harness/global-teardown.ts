/**
 * Jest globalTeardown of the `integration` project: stops what global-setup.ts started (never an
 * external service) and drops this run's test databases on an external PostgreSQL.
 */
import { Client } from 'pg';
import { DB_PREFIX, ENV, HARNESS_KEY } from './env';
import type { Services } from './services';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const services = g[HARNESS_KEY] as Services | undefined;
  if (!services) return;
  delete g[HARNESS_KEY];
  try {
    if (services.info.postgres?.external && services.databaseUrl) {
      await dropRunDatabases(services.databaseUrl, services.runId);
    }
  } finally {
    await services.stop();
    for (const name of Object.values(ENV)) delete process.env[name];
  }
}

async function dropRunDatabases(url: string, runId: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${DB_PREFIX}${runId}_`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } catch (err) {
    process.stderr.write(`[harness] could not drop this run's test databases: ${(err as Error).message}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
