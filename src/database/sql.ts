import { QueryFailedError, type EntityManager, type ObjectLiteral } from 'typeorm';

/**
 * Runs one statement written with :named parameters on PostgreSQL or SQLite alike: the driver turns them into
 * its placeholders and values (dates and booleans as each database stores them, `:...list` expanded). For the
 * hot paths, where building an entity INSERT or UPDATE through a query builder costs more CPU than running it.
 * Repositories only: this is TypeORM, like the rest of their code.
 */
export function executeSql(manager: EntityManager, sql: string, parameters: ObjectLiteral): Promise<unknown> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return manager.query(query, values);
}

/** executeSql() for a write whose effect matters: resolves with the number of rows it changed (or inserted). */
export async function executeSqlCounted(
  manager: EntityManager,
  sql: string,
  parameters: ObjectLiteral,
): Promise<number> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(query, values, true);
    return result.affected ?? 0;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/**
 * `(:a0, :b0), (:a1, :b1), …` for a multi-row INSERT, with the parameters to match: one statement for all the
 * rows. `columns` are the parameter names of one row, in the order of the INSERT's column list; `prefix` keeps
 * them apart from other parameters of the same statement.
 */
export function valuesList<T>(
  rows: readonly T[],
  columns: readonly string[],
  valueOf: (row: T, column: string) => unknown,
  prefix = '',
): { sql: string; parameters: ObjectLiteral } {
  const parameters: ObjectLiteral = {};
  const tuples = rows.map((row, index) => {
    const names = columns.map((column) => {
      parameters[`${prefix}${column}${index}`] = valueOf(row, column);
      return `:${prefix}${column}${index}`;
    });
    return `(${names.join(', ')})`;
  });
  return { sql: tuples.join(', '), parameters };
}

/**
 * True for a foreign-key violation on PostgreSQL (23503) or SQLite (SQLITE_CONSTRAINT_FOREIGNKEY): a row was
 * written for a parent deleted meanwhile (an account deleted while one of its requests was under way).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
