import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  In,
  IsNull,
  LessThan,
  ObjectLiteral,
  QueryRunner,
} from 'typeorm';
import { executeSql, valuesList } from '../database/sql';
import { OutboxEventEntity } from './outbox-event.entity';

export interface NewOutboxEvent {
  id: string;
  topic: string;
  key: string;
  type: string;
  payload: string;
  headers: Record<string, string>;
  createdAt: Date;
}

export interface PendingOutboxEvent extends NewOutboxEvent {
  seq: number;
}

/** SQLSTATE of a lock wait cut short by lock_timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

/** Thrown inside the publishing transaction when the lock stayed with another relay: rolls it back. */
class RelayBusy extends Error {}

function postgresErrorCode(error: unknown): string | undefined {
  const failed = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = failed.code ?? failed.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The only code that touches the event_outbox table. */
@Injectable()
export class OutboxRepository {
  /** Any 64-bit number unique to this lock; only one relay at a time publishes from PostgreSQL. */
  private static readonly RELAY_LOCK_ID = 7_361_902_114;
  /** How long a relay waits for another to finish publishing before it calls the outbox busy. */
  private static readonly RELAY_LOCK_WAIT_MS = 2000;

  /** Callbacks waiting for the commit of the transaction (query runner) that wrote outbox rows. */
  private readonly awaitingCommit = new WeakMap<QueryRunner, Array<() => void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const listener: EntitySubscriberInterface = {
      afterTransactionCommit: (event) => {
        const callbacks = this.awaitingCommit.get(event.queryRunner);
        if (!callbacks) return;
        this.awaitingCommit.delete(event.queryRunner);
        for (const callback of callbacks) callback();
      },
    };
    dataSource.subscribers.push(listener);
  }

  /** Runs `callback` once `tx` commits (at once when it is not a transaction); never when it rolls back. */
  whenCommitted(tx: EntityManager, callback: () => void): void {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) return callback();
    this.awaitingCommit.set(runner, [...(this.awaitingCommit.get(runner) ?? []), callback]);
  }

  /** One multi-row INSERT, written out (an entity insert that reads back the generated seq costs more CPU). */
  async add(events: NewOutboxEvent[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (events.length === 0) return;
    const insert = this.insertStatement(events);
    await executeSql(manager, insert.sql, insert.parameters);
  }

  /**
   * The INSERT of `events` (one or more) as SQL with :named parameters, all named `outbox…` so that it can end
   * a caller's WITH … statement without clashing with the caller's own parameters. With `onlyIfAny` (PostgreSQL,
   * the name of an earlier part of that WITH), the events are written only if that part returned a row: a state
   * change that did not happen has no events.
   */
  insertStatement(events: readonly NewOutboxEvent[], onlyIfAny?: string): { sql: string; parameters: ObjectLiteral } {
    const rows = valuesList(
      events,
      ['id', 'topic', 'key', 'type', 'payload', 'headers', 'createdAt'],
      (event, column) =>
        column === 'headers' ? JSON.stringify(event.headers) : event[column as keyof Omit<NewOutboxEvent, 'headers'>],
      'outbox_',
    );
    const insert = 'INSERT INTO event_outbox (id, topic, "key", type, payload, headers, created_at)';
    if (!onlyIfAny) return { sql: `${insert} VALUES ${rows.sql}`, parameters: rows.parameters };
    // In a SELECT PostgreSQL takes parameters for text: the uuid and the timestamp are cast.
    const typed = rows.sql
      .replace(/(:outbox_id\d+)/g, 'CAST($1 AS uuid)')
      .replace(/(:outbox_createdAt\d+)/g, 'CAST($1 AS timestamptz)');
    return {
      sql: `${insert} SELECT * FROM (VALUES ${typed}) AS events WHERE EXISTS (SELECT 1 FROM ${onlyIfAny})`,
      parameters: rows.parameters,
    };
  }

  /**
   * Hands the oldest unpublished events to `publish` and marks them published if it resolves, or records the
   * failure if it throws. On PostgreSQL a transaction-scoped advisory lock lets one relay of all processes in
   * at a time, which keeps each key's events in order; `busy` says another relay held it too long.
   * Returns how many events were published.
   */
  async publishBatch(
    limit: number,
    publish: (events: PendingOutboxEvent[]) => Promise<void>,
  ): Promise<{ published: number; busy: boolean }> {
    let outcome: { published: number; busy: boolean; error?: Error };
    try {
      outcome = await this.publishInTransaction(limit, publish);
    } catch (error) {
      if (error instanceof RelayBusy) return { published: 0, busy: true };
      throw error;
    }
    if (outcome.error) throw outcome.error;
    return { published: outcome.published, busy: outcome.busy };
  }

  private publishInTransaction(
    limit: number,
    publish: (events: PendingOutboxEvent[]) => Promise<void>,
  ): Promise<{ published: number; busy: boolean; error?: Error }> {
    return this.dataSource.transaction(
      async (manager): Promise<{ published: number; busy: boolean; error?: Error }> => {
        const pending = await this.lockAndReadPending(manager, limit);
        if (pending === null) return { published: 0, busy: true };
        if (pending.length === 0) return { published: 0, busy: false };
        const repository = manager.getRepository(OutboxEventEntity);
        const seqs = pending.map((event) => event.seq);
        try {
          await publish(pending);
        } catch (error) {
          await repository.increment({ seq: In(seqs) }, 'attempts', 1);
          await repository.update({ seq: In(seqs) }, { lastError: String((error as Error).message).slice(0, 2000) });
          // Commit the failure count, then report it: the events stay unpublished for the next attempt.
          return { published: 0, busy: false, error: error as Error };
        }
        if (this.dataSource.options.type === 'postgres') {
          // One statement text whatever the batch size (a prepared statement), not IN ($1, …, $n).
          await manager.query('UPDATE event_outbox SET published_at = $1, last_error = NULL WHERE seq = ANY($2)', [
            new Date(),
            seqs,
          ]);
        } else {
          await repository.update({ seq: In(seqs) }, { publishedAt: new Date(), lastError: null });
        }
        return { published: pending.length, busy: false };
      },
    );
  }

  /**
   * The oldest unpublished events, or null when another relay held the publishing lock for all of
   * RELAY_LOCK_WAIT_MS. On PostgreSQL this relay waits for the lock rather than giving up at once: the moment the
   * relay holding it commits, this one goes on with what is left (nothing to poll, no retry to wait for). The
   * wait is bounded (lock_timeout for this transaction only), so a relay stuck on an unreachable broker cannot
   * stall the others. The rows are read by a second statement, whose snapshot is taken once the lock is held.
   */
  private async lockAndReadPending(manager: EntityManager, limit: number): Promise<PendingOutboxEvent[] | null> {
    if (this.dataSource.options.type !== 'postgres') {
      const rows = await manager
        .getRepository(OutboxEventEntity)
        .find({ where: { publishedAt: IsNull() }, order: { seq: 'ASC' }, take: limit });
      return rows.map((row) => this.toPending(row));
    }
    try {
      await manager.query(
        `SELECT pg_advisory_xact_lock($1) FROM (SELECT set_config('lock_timeout', $2, true)) AS bounded`,
        [OutboxRepository.RELAY_LOCK_ID, `${OutboxRepository.RELAY_LOCK_WAIT_MS}ms`],
      );
    } catch (error) {
      if (postgresErrorCode(error) === LOCK_NOT_AVAILABLE) throw new RelayBusy();
      throw error;
    }
    const rows = (await manager.query(
      `SELECT seq, id, topic, "key", type, payload, headers, created_at FROM event_outbox
        WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [limit],
    )) as {
      seq: string;
      id: string;
      topic: string;
      key: string;
      type: string;
      payload: string;
      headers: string | null;
      created_at: Date;
    }[];
    return rows.map((row) => ({
      seq: Number(row.seq),
      id: row.id,
      topic: row.topic,
      key: row.key,
      type: row.type,
      payload: row.payload,
      headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
      createdAt: row.created_at,
    }));
  }

  async countUnpublished(): Promise<number> {
    return this.dataSource.getRepository(OutboxEventEntity).count({ where: { publishedAt: IsNull() } });
  }

  async findById(id: string): Promise<(PendingOutboxEvent & { publishedAt: Date | null; attempts: number }) | null> {
    const row = await this.dataSource.getRepository(OutboxEventEntity).findOne({ where: { id } });
    return row ? { ...this.toPending(row), publishedAt: row.publishedAt, attempts: row.attempts } : null;
  }

  /** Deletes published events older than `before`; unpublished ones are never deleted. */
  async deletePublishedBefore(before: Date): Promise<number> {
    const result = await this.dataSource
      .getRepository(OutboxEventEntity)
      .delete({ publishedAt: LessThan(before) as unknown as Date });
    return result.affected ?? 0;
  }

  private toPending(row: OutboxEventEntity): PendingOutboxEvent {
    return {
      seq: row.seq,
      id: row.id,
      topic: row.topic,
      key: row.key,
      type: row.type,
      payload: row.payload,
      headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
      createdAt: row.createdAt,
    };
  }
}
