import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite through better-sqlite3 is one connection: two transactions started by concurrent requests or jobs
 * would interleave on it ("cannot start a transaction within a transaction"). This queues them, one at a time,
 * in start order. PostgreSQL has a connection per transaction and needs none of it.
 * A transaction must not start another one through the DataSource (use its EntityManager): it would wait
 * for itself.
 */
export function serializeTransactions(dataSource: DataSource): DataSource {
  const manager = dataSource.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  const queued = (...args: unknown[]): Promise<unknown> => {
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  };
  (manager as { transaction: EntityManager['transaction'] }).transaction = queued as EntityManager['transaction'];
  return dataSource;
}
