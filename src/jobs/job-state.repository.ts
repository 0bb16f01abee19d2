import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { DomainEvent } from '../events/event-envelope';
import type { EventPublisher, EventsInStatement } from '../events/event-publisher';
import type { JobRowEntity } from './job-row.entity';
import { UNFINISHED_JOB_STATUSES } from './job-status';
import { findUnfinishedJobs, UnfinishedJob } from './unfinished-jobs';

export type { UnfinishedJob } from './unfinished-jobs';

/** One SQL statement with :named parameters. */
export interface SqlStatement {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * What every job kind's repository offers its lifecycle: a state change is written together with the events
 * that describe it (the transactional outbox), only while the record is unfinished, and how — one transaction, or
 * on PostgreSQL one statement — is the repository's business, never its service's. A new job kind's repository
 * extends this class (see docs/jobs.md).
 */
export abstract class JobStateRepository<TChange> {
  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly events: EventPublisher,
  ) {}

  /**
   * Applies `change` to the record and writes `events`, in one transaction, if the record is still queued or
   * running; false when it has finished (another run of the same job, or the recovery sweep, wrote its final
   * state first: a final state is never overwritten, and a change that did not happen has no events).
   */
  abstract changeUnfinished(id: string, change: TChange, events: DomainEvent[]): Promise<boolean>;

  /** One page of the recovery sweep over the kind's table (findUnfinishedJobs): its `findUnfinished`. */
  protected findUnfinishedRows(
    entity: EntityTarget<JobRowEntity>,
    before: Date,
    limit: number,
    after?: UnfinishedJob,
  ): Promise<UnfinishedJob[]> {
    return findUnfinishedJobs(this.dataSource, entity, before, limit, after);
  }

  /** PostgreSQL can write a state change and its events as one statement (WITH …); SQLite needs a transaction. */
  protected get writesInOneStatement(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * Runs `write` in a transaction and, when it says it wrote (true, or a value other than null), the events'
   * outbox rows in the same transaction; the events are published once it commits.
   */
  protected inTransactionWithEvents<T>(
    events: DomainEvent[],
    write: (tx: EntityManager) => Promise<T | null | false>,
  ): Promise<T | null | false> {
    return this.dataSource.transaction(async (tx) => {
      const written = await write(tx);
      if (written === false || written === null) return written;
      await this.events.publish(events, tx);
      return written;
    });
  }

  /**
   * Runs one statement built around the events' outbox INSERT (`statement(outbox)` returns the WITH … that ends
   * with `outbox.sql`) and publishes the events if `written` says it wrote.
   */
  protected async inOneStatementWithEvents<T>(
    events: DomainEvent[],
    options: { onlyIfAny?: string },
    run: (outbox: EventsInStatement) => Promise<T>,
    written: (outcome: T) => boolean = () => true,
  ): Promise<T> {
    const outbox = this.events.inStatement(events, options);
    const outcome = await run(outbox);
    if (written(outcome)) outbox.committed();
    return outcome;
  }
}

/**
 * UPDATE <table> SET <the defined fields, by `columns`> WHERE id = :id while it is unfinished; undefined when
 * nothing changes.
 */
export function unfinishedUpdate(
  table: string,
  columns: Readonly<Record<string, string>>,
  id: string,
  values: Record<string, unknown>,
): SqlStatement | undefined {
  const fields = Object.keys(values).filter((field) => values[field] !== undefined);
  if (fields.length === 0) return undefined;
  const assignments = fields.map((field) => {
    const column = columns[field];
    if (!column) throw new Error(`${table} has no column for ${field}`);
    return `${column} = :${field}`;
  });
  const unfinished = UNFINISHED_JOB_STATUSES.map((status) => `'${status}'`).join(', ');
  const parameters: Record<string, unknown> = { id };
  for (const field of fields) parameters[field] = values[field];
  return {
    sql: `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = :id AND status IN (${unfinished})`,
    parameters,
  };
}
