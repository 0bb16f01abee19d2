import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { PreparingPgClient } from './preparing-pg-client';

/**
 * TypeORM options for the configured database, shared by the application and by ormconfig.ts (the CLI).
 * Entities are registered by their modules (TypeOrmModule.forFeature + autoLoadEntities); the CLI only
 * needs the migrations, which are hand-written to run on both PostgreSQL and SQLite.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: database.migrationsRun,
    migrationsTableName: 'migrations',
    synchronize: false,
    // Failed queries surface as errors where they happen; logging them here would print every parameter.
    logging: ['warn'] as 'warn'[],
  };
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      poolSize: database.poolSize,
      // Statements parsed and planned once per connection (DATABASE_PREPARED_STATEMENTS).
      ...(database.preparedStatements === false ? {} : { extra: { Client: PreparingPgClient } }),
      // One transaction per migration: a failed one leaves nothing half-applied.
      migrationsTransactionMode: 'each',
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    // WAL lets readers proceed while the worker writes; foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
