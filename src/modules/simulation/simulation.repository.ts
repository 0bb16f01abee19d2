import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { executeSql, executeSqlCounted } from '../../database/sql';
import { commandSeriesNeeds } from '../../engine';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { JobStateRepository, SqlStatement, unfinishedUpdate } from '../../jobs/job-state.repository';
import type { JobStateChange } from '../../jobs/job-status';
import type { HeadlineMetrics, NewSimulation, StoredSimulationResult } from '../history/history.types';
import { encodeSimulationSeries } from '../history/simulation-series.codec';
import { encodeStoredCommand } from '../history/stored-command.codec';
import { encodeTrades } from '../history/trades.codec';

/** A state change of a simulation: the shared job columns, and the headline metrics of a completion. */
export interface SimulationChange extends JobStateChange {
  headline?: HeadlineMetrics;
}

/** Column of each SimulationChange field (headline metrics included). */
const CHANGE_COLUMNS = {
  status: 'status',
  progressPhase: 'progress_phase',
  progressPercent: 'progress_percent',
  failureReason: 'failure_reason',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  cagr: 'cagr',
  sharpe: 'sharpe',
  maxDrawdown: 'max_drawdown',
  totalReturn: 'total_return',
} as const;

/**
 * The lifecycle's writes to the simulations, simulation_tickers and simulation_results tables (the history
 * module reads them; the tickers are stored once, as simulation_tickers rows for the history filter): each state change is written with its events. The two hot ones, a submission and a
 * completion, are one statement on PostgreSQL (WITH …, ending with the outbox INSERT: one round trip instead of a
 * transaction's five) and a transaction on SQLite; callers see neither.
 */
@Injectable()
export class SimulationRepository extends JobStateRepository<SimulationChange> {
  constructor(@InjectDataSource() dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  /** The simulation (queued), its tickers and its events. */
  async insert(simulation: NewSimulation, createdAt: Date, events: DomainEvent[]): Promise<void> {
    const { row, tickers } = insertStatements(simulation, createdAt);
    if (this.writesInOneStatement) {
      await this.inOneStatementWithEvents(events, {}, (outbox) =>
        executeSql(this.dataSource.manager, `WITH s AS (${row.sql}), t AS (${tickers.sql}) ${outbox.sql}`, {
          ...row.parameters,
          ...tickers.parameters,
          ...outbox.parameters,
        }),
      );
      return;
    }
    await this.inTransactionWithEvents(events, async (tx) => {
      await executeSql(tx, row.sql, row.parameters);
      await executeSql(tx, tickers.sql, tickers.parameters);
      return true;
    });
  }

  changeUnfinished(id: string, change: SimulationChange, events: DomainEvent[]): Promise<boolean> {
    const update = updateStatement(id, change);
    return this.inTransactionWithEvents(events, async (tx) =>
      update ? (await executeSqlCounted(tx, update.sql, update.parameters)) > 0 : true,
    ) as Promise<boolean>;
  }

  /**
   * Applies `change` (the completion), stores the result (or replaces it: a retried job writes the same row again)
   * and writes `events`, if the simulation is still unfinished. Returns the result's bytes, or null when the
   * simulation had already finished (nothing is written then).
   */
  async complete(
    id: string,
    result: StoredSimulationResult,
    change: SimulationChange,
    events: DomainEvent[],
  ): Promise<number | null> {
    const update = updateStatement(id, change) as SqlStatement;
    if (this.writesInOneStatement) {
      // The result and the events are written only if the update changed the row (`onlyIfAny` 'u').
      const { statement, bytes } = resultStatement(id, result, 'u');
      return this.inOneStatementWithEvents(
        events,
        { onlyIfAny: 'u' },
        async (outbox) => {
          const inserted = await executeSqlCounted(
            this.dataSource.manager,
            `WITH u AS (${update.sql} RETURNING id), r AS (${statement.sql}) ${outbox.sql}`,
            { ...statement.parameters, ...update.parameters, ...outbox.parameters },
          );
          return inserted > 0 ? bytes : null;
        },
        (written) => written !== null,
      );
    }
    const { statement, bytes } = resultStatement(id, result);
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      if ((await executeSqlCounted(tx, update.sql, update.parameters)) === 0) return null;
      await executeSql(tx, statement.sql, statement.parameters);
      return bytes;
    });
    return written === false ? null : written;
  }
}

function insertStatements(simulation: NewSimulation, createdAt: Date): { row: SqlStatement; tickers: SqlStatement } {
  const row: SqlStatement = {
    sql: `INSERT INTO simulations (id, user_id, command, canonical, parsed_command, start_date, end_date,
            status, progress_phase, progress_percent, failure_reason, idempotency_key, created_at)
          VALUES (:id, :userId, :command, :canonical, :parsedCommand, :startDate, :endDate,
            'queued', NULL, 0, NULL, :idempotencyKey, :createdAt)`,
    parameters: {
      id: simulation.id,
      userId: simulation.userId,
      command: simulation.command,
      canonical: simulation.canonical,
      parsedCommand: encodeStoredCommand(simulation.parsedCommand),
      startDate: simulation.startDate,
      endDate: simulation.endDate,
      idempotencyKey: simulation.idempotencyKey,
      createdAt,
    },
  };
  // What the history filter finds the simulation by: positions and benchmark as written, and the plain tickers
  // they are built from (a filter on SPY finds SPY?L=2).
  const { positions, benchmark, held } = commandSeriesNeeds(simulation.parsedCommand);
  const tickers = new Map(held.map((ticker) => [ticker, false]));
  if (benchmark !== null && !positions.includes(benchmark)) tickers.set(benchmark, true);
  // Every row's simulation_id is the one :id parameter.
  const parameters: Record<string, unknown> = { id: simulation.id };
  const tuples = [...tickers].map(([ticker, isBenchmark], index) => {
    parameters[`ticker${index}`] = ticker;
    parameters[`benchmark${index}`] = isBenchmark;
    return `(:id, :ticker${index}, :benchmark${index})`;
  });
  return {
    row,
    tickers: {
      sql: `INSERT INTO simulation_tickers (simulation_id, ticker, is_benchmark) VALUES ${tuples.join(', ')}`,
      parameters,
    },
  };
}

/** UPDATE simulations SET <the fields of the change> while it is queued or running; undefined when nothing changes. */
function updateStatement(id: string, change: SimulationChange): SqlStatement | undefined {
  const { headline, ...rest } = change;
  return unfinishedUpdate('simulations', CHANGE_COLUMNS, id, { ...rest, ...(headline ?? {}) });
}

/**
 * The result's upsert (a retried job replaces the row), and the bytes of its series and trades. With `onlyIfAny`
 * (PostgreSQL, inside a WITH), written only if that earlier part of the statement returned a row; its
 * parameters are then cast (in a SELECT, PostgreSQL would take them for text).
 */
function resultStatement(
  id: string,
  result: StoredSimulationResult,
  onlyIfAny?: string,
): { statement: SqlStatement; bytes: number } {
  const series = encodeSimulationSeries(result.series);
  const trades = encodeTrades(result.trades);
  const values = onlyIfAny
    ? `SELECT :id, :metrics, :summary, CAST(:series AS bytea), CAST(:trades AS bytea),
         CAST(:resultCreatedAt AS timestamptz) WHERE EXISTS (SELECT 1 FROM ${onlyIfAny})`
    : 'VALUES (:id, :metrics, :summary, :series, :trades, :resultCreatedAt)';
  return {
    statement: {
      sql: `INSERT INTO simulation_results (simulation_id, metrics, summary, series, trades, created_at)
            ${values}
            ON CONFLICT (simulation_id) DO UPDATE SET metrics = excluded.metrics, summary = excluded.summary,
              series = excluded.series, trades = excluded.trades, created_at = excluded.created_at`,
      parameters: {
        id,
        metrics: JSON.stringify(result.metrics),
        summary: JSON.stringify(result.summary),
        series,
        trades,
        resultCreatedAt: new Date(),
      },
    },
    bytes: series.length + trades.length,
  };
}
