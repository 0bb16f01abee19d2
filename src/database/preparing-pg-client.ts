import { Client } from 'pg';

/** Statements longer than this, or with more parameters, run unnamed (bulk inserts vary with their row count). */
const MAX_TEXT_LENGTH = 4000;
const MAX_PARAMETERS = 100;
/** Distinct statements named per process; later ones run unnamed. TypeORM sends a few dozen texts over and over. */
const MAX_NAMED = 500;

const names = new Map<string, string>();

/** The prepared-statement name of `text`, or undefined when it is not worth keeping on every connection. */
export function statementName(text: string, parameterCount: number): string | undefined {
  if (parameterCount === 0 || parameterCount > MAX_PARAMETERS || text.length > MAX_TEXT_LENGTH) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `pf_${names.size}`;
    names.set(text, name);
  }
  return name;
}

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * A `pg` client that runs parameterized statements as named prepared statements: PostgreSQL parses, analyses and
 * plans each distinct statement once per connection instead of on every execution, and the client sends Bind
 * and Execute only. In the pipeline bench that was about a third of the database's CPU per statement, and less
 * work in Node too. Names are per process and stable (one text, one name), so a connection never sees a name
 * reused for another statement. Behind a pooler that cannot keep prepared statements per client connection
 * (PgBouncer in transaction mode before 1.21), set DATABASE_PREPARED_STATEMENTS=false.
 */
export class PreparingPgClient extends Client {}

(PreparingPgClient.prototype as unknown as { query: QueryFunction }).query = function query(
  this: Client,
  config: unknown,
  values?: unknown,
  callback?: unknown,
): unknown {
  const base = Client.prototype.query as unknown as QueryFunction;
  if (typeof config === 'string' && Array.isArray(values)) {
    const name = statementName(config, values.length);
    if (name !== undefined) return base.call(this, { name, text: config, values }, callback);
  }
  return base.call(this, config, values, callback);
};
