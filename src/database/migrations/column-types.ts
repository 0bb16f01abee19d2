import type { QueryRunner } from 'typeorm';

/**
 * Column types that differ between PostgreSQL and SQLite, so that one hand-written migration serves both.
 * Entities declare `Date` properties, which TypeORM converts correctly for timestamptz and datetime alike.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.options.type === 'postgres';
  return {
    postgres,
    timestamp: postgres ? 'timestamptz' : 'datetime',
    now: postgres ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))",
    bigSerial: postgres ? 'bigint' : 'integer',
    uuid: postgres ? 'uuid' : 'varchar',
  };
}
