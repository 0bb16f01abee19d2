/**
 * Names shared by the harness's global setup/teardown and test files (kept free of heavy imports).
 */

/** Environment variables that globalSetup sets for the test files (jest workers inherit them). */
export const ENV = {
  databaseUrl: 'PORTOFINO_TEST_DATABASE_URL',
  redisUrl: 'PORTOFINO_TEST_REDIS_URL',
  /** Comma-separated host:port list. */
  kafkaBrokers: 'PORTOFINO_TEST_KAFKA_BROKERS',
  /** Path of the JSON state file (HarnessState). */
  state: 'PORTOFINO_TEST_STATE',
  runId: 'PORTOFINO_TEST_RUN_ID',
} as const;

/** Variables that make the harness use an existing service instead of starting one. */
export const EXTERNAL_ENV = {
  databaseUrl: 'TEST_DATABASE_URL',
  redisUrl: 'TEST_REDIS_URL',
  kafkaBrokers: 'TEST_KAFKA_BROKERS',
} as const;

/** Key on globalThis where globalSetup leaves the running services for globalTeardown. */
export const HARNESS_KEY = '__PORTOFINO_TEST_SERVICES__';

/** Prefix of every database created by testDatabaseUrl(); teardown drops this run's on external servers. */
export const DB_PREFIX = 'pft_';

/** Contents of the JSON file at $PORTOFINO_TEST_STATE. */
export interface HarnessState {
  runId: string;
  dir: string;
  startedAt: string;
  readyMs: number;
  databaseUrl?: string;
  redisUrl?: string;
  kafkaBrokers?: string[];
  services: Record<string, { address: string; external: boolean; startMs: number; pid?: number; logFile?: string }>;
}
