import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { SimulationEntity } from './entities/simulation.entity';
import { SimulationTickerEntity } from './entities/simulation-ticker.entity';
import {
  HeadlineMetrics,
  HistoryPage,
  HistoryQuery,
  NewSimulation,
  SimulationRecord,
  SimulationStatus,
  StoredSimulationResult,
} from './history.types';
import { executeSql, executeSqlCounted } from '../../database/sql';
import { decodeSimulationSeries, encodeSimulationSeries } from './simulation-series.codec';
import { decodeTrades, encodeTrades } from './trades.codec';

const SORT_COLUMNS: Record<HistoryQuery['sort'], string> = {
  createdAt: 's.created_at',
  cagr: 's.cagr',
  sharpe: 's.sharpe',
  maxDrawdown: 's.max_drawdown',
  totalReturn: 's.total_return',
};

/** Column of each StatusChange field (headline metrics included). */
const STATUS_COLUMNS = {
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

export interface StatusChange {
  status?: SimulationStatus;
  progressPhase?: string | null;
  progressPercent?: number;
  failureReason?: string | null;
  startedAt?: Date;
  finishedAt?: Date;
  headline?: HeadlineMetrics;
}

/** The only code that touches the simulations, simulation_tickers and simulation_results tables. */
@Injectable()
export class HistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * PostgreSQL writes a state change and its events as one statement (WITH …, ending with the outbox INSERT):
   * one round trip instead of a transaction's five. SQLite cannot: its callers use a transaction.
   */
  get writesInOneStatement(): boolean {
    return this.postgres;
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The simulation and its tickers, in the caller's transaction (written out: entity inserts cost more CPU). */
  async insert(simulation: NewSimulation, createdAt: Date, tx: EntityManager): Promise<void> {
    const { row, tickers } = insertStatements(simulation, createdAt);
    await executeSql(tx, row.sql, row.parameters);
    await executeSql(tx, tickers.sql, tickers.parameters);
  }

  /** insert() and the events' outbox INSERT as one statement (writesInOneStatement). */
  async insertWithEvents(simulation: NewSimulation, createdAt: Date, events: SqlStatement): Promise<void> {
    const { row, tickers } = insertStatements(simulation, createdAt);
    await executeSql(this.dataSource.manager, `WITH s AS (${row.sql}), t AS (${tickers.sql}) ${events.sql}`, {
      ...row.parameters,
      ...tickers.parameters,
      ...events.parameters,
    });
  }

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<SimulationRecord | null> {
    if (this.postgres) {
      // Every job starts here: read without building the query (PostgreSQL's driver already types the columns).
      const [row] = (await tx.query(`SELECT ${SIMULATION_COLUMNS} FROM simulations WHERE id = $1`, [id])) as
        SimulationEntity[] | [];
      return row ? toRecord(row) : null;
    }
    const row = await tx.getRepository(SimulationEntity).findOne({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<SimulationRecord | null> {
    const row = await this.dataSource
      .getRepository(SimulationEntity)
      .findOne({ where: { userId, idempotencyKey: key } });
    return row ? toRecord(row) : null;
  }

  /** Simulations still queued or running that were submitted before `before`, oldest first, after `after`. */
  async findUnfinished(before: Date, limit: number, after?: UnfinishedSimulation): Promise<UnfinishedSimulation[]> {
    const builder = this.dataSource
      .getRepository(SimulationEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.createdAt'])
      .where(`s.status IN ('queued', 'running')`)
      .andWhere('s.created_at < :before', { before });
    if (after) {
      builder.andWhere('(s.created_at > :afterAt OR (s.created_at = :afterAt AND s.id > :afterId))', {
        afterAt: after.createdAt,
        afterId: after.id,
      });
    }
    const rows = await builder.orderBy('s.created_at', 'ASC').addOrderBy('s.id', 'ASC').limit(limit).getMany();
    return rows.map((row) => ({ id: row.id, createdAt: row.createdAt }));
  }

  async list(userId: string, query: HistoryQuery): Promise<HistoryPage> {
    const builder = this.dataSource
      .getRepository(SimulationEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId', { userId });
    if (query.status) builder.andWhere('s.status = :status', { status: query.status });
    if (query.ticker) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM simulation_tickers t WHERE t.simulation_id = s.id AND t.ticker = :ticker)',
        { ticker: query.ticker },
      );
    }
    if (query.from) builder.andWhere('s.created_at >= :from', { from: new Date(`${query.from}T00:00:00.000Z`) });
    if (query.to)
      builder.andWhere('s.created_at < :to', { to: new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000) });
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    // Rows without the metric (queued, failed) go last whichever the direction; ties by newest.
    if (query.sort !== 'createdAt') {
      builder.orderBy(`CASE WHEN ${SORT_COLUMNS[query.sort]} IS NULL THEN 1 ELSE 0 END`, 'ASC');
      builder.addOrderBy(SORT_COLUMNS[query.sort], direction);
      builder.addOrderBy('s.created_at', 'DESC');
    } else {
      builder.orderBy('s.created_at', direction);
    }
    builder.addOrderBy('s.id', direction);
    // offset/limit, not skip/take: no joins here, and raw ORDER BY expressions stay as written.
    const [rows, total] = await builder
      .offset((query.page - 1) * query.size)
      .limit(query.size)
      .getManyAndCount();
    return { items: rows.map(toRecord), page: query.page, size: query.size, total };
  }

  /**
   * Changes a simulation that is still queued or running; false when it has finished (another run of the same
   * job, or the recovery sweep, wrote its final state first: a final state is never overwritten).
   */
  async update(id: string, change: StatusChange, tx: EntityManager): Promise<boolean> {
    const statement = updateStatement(id, change);
    if (!statement) return true;
    return (await executeSqlCounted(tx, statement.sql, statement.parameters)) > 0;
  }

  /** Stores (or replaces: a retried job writes the same row again) the result of a simulation. */
  async saveResult(id: string, result: StoredSimulationResult, tx: EntityManager): Promise<number> {
    const { statement, bytes } = resultStatement(id, result);
    await executeSql(tx, statement.sql, statement.parameters);
    return bytes;
  }

  /**
   * update(), saveResult() and the events' outbox INSERT as one statement (writesInOneStatement), each of the
   * last two only if the update changed the row (`events` must be written for that: inStatement's `onlyIfAny`
   * 'u'). Returns the result's bytes, or null when the simulation had already finished.
   */
  async completeWithEvents(
    id: string,
    result: StoredSimulationResult,
    change: StatusChange,
    events: SqlStatement,
  ): Promise<number | null> {
    const { statement, bytes } = resultStatement(id, result, 'u');
    const update = updateStatement(id, change) as SqlStatement;
    const inserted = await executeSqlCounted(
      this.dataSource.manager,
      `WITH u AS (${update.sql} RETURNING id), r AS (${statement.sql}) ${events.sql}`,
      { ...statement.parameters, ...update.parameters, ...events.parameters },
    );
    return inserted > 0 ? bytes : null;
  }

  async loadResult(id: string): Promise<StoredSimulationResult | null> {
    const row = (await this.dataSource
      .createQueryBuilder()
      .select(['r.metrics AS metrics', 'r.summary AS summary', 'r.series AS series', 'r.trades AS trades'])
      .from('simulation_results', 'r')
      .where('r.simulation_id = :id', { id })
      .getRawOne()) as { metrics: string; summary: string; series: Buffer; trades: Buffer } | undefined;
    if (!row) return null;
    return {
      metrics: JSON.parse(row.metrics) as Record<string, unknown>,
      summary: JSON.parse(row.summary) as Record<string, unknown>,
      series: decodeSimulationSeries(Buffer.from(row.series)),
      trades: decodeTrades(Buffer.from(row.trades)),
    };
  }

  async delete(id: string, tx: EntityManager): Promise<void> {
    // Explicit children first: SQLite enforces the cascade only with foreign_keys on, which we set, but be plain.
    await tx.createQueryBuilder().delete().from('simulation_results').where('simulation_id = :id', { id }).execute();
    await tx.getRepository(SimulationTickerEntity).delete({ simulationId: id });
    await tx.getRepository(SimulationEntity).delete({ id });
  }
}

/** The simulations columns under SimulationEntity's property names. */
const SIMULATION_COLUMNS = [
  'id',
  'user_id AS "userId"',
  'command',
  'canonical',
  'parsed_command AS "parsedCommand"',
  'tickers',
  'start_date AS "startDate"',
  'end_date AS "endDate"',
  'status',
  'progress_phase AS "progressPhase"',
  'progress_percent AS "progressPercent"',
  'failure_reason AS "failureReason"',
  'idempotency_key AS "idempotencyKey"',
  'cagr',
  'sharpe',
  'max_drawdown AS "maxDrawdown"',
  'total_return AS "totalReturn"',
  'created_at AS "createdAt"',
  'started_at AS "startedAt"',
  'finished_at AS "finishedAt"',
].join(', ');

/** One SQL statement with :named parameters. */
export interface SqlStatement {
  sql: string;
  parameters: ObjectLiteral;
}

function insertStatements(simulation: NewSimulation, createdAt: Date): { row: SqlStatement; tickers: SqlStatement } {
  const row: SqlStatement = {
    sql: `INSERT INTO simulations (id, user_id, command, canonical, parsed_command, tickers, start_date, end_date,
            status, progress_phase, progress_percent, failure_reason, idempotency_key, created_at)
          VALUES (:id, :userId, :command, :canonical, :parsedCommand, :tickers, :startDate, :endDate,
            'queued', NULL, 0, NULL, :idempotencyKey, :createdAt)`,
    parameters: {
      id: simulation.id,
      userId: simulation.userId,
      command: simulation.command,
      canonical: simulation.canonical,
      parsedCommand: JSON.stringify(simulation.parsedCommand),
      tickers: [...simulation.tickers, ...(simulation.benchmark ? [simulation.benchmark] : [])].join(' '),
      startDate: simulation.startDate,
      endDate: simulation.endDate,
      idempotencyKey: simulation.idempotencyKey,
      createdAt,
    },
  };
  const tickers = new Map(simulation.tickers.map((ticker) => [ticker, false]));
  if (simulation.benchmark && !tickers.has(simulation.benchmark)) tickers.set(simulation.benchmark, true);
  // Every row's simulation_id is the one :id parameter.
  const parameters: ObjectLiteral = { id: simulation.id };
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

/** A simulation the recovery sweep looks at. */
export interface UnfinishedSimulation {
  id: string;
  createdAt: Date;
}

/**
 * UPDATE simulations SET <the fields of the change> WHERE id = :id, while it is queued or running; undefined
 * when nothing changes.
 */
function updateStatement(id: string, change: StatusChange): SqlStatement | undefined {
  const { headline, ...rest } = change;
  const values: Record<string, unknown> = { ...rest, ...(headline ?? {}) };
  const assignments = Object.keys(values)
    .filter((field) => values[field] !== undefined)
    .map((field) => `${STATUS_COLUMNS[field as keyof typeof STATUS_COLUMNS]} = :${field}`);
  if (assignments.length === 0) return undefined;
  return {
    sql: `UPDATE simulations SET ${assignments.join(', ')} WHERE id = :id AND status IN ('queued', 'running')`,
    parameters: { ...values, id },
  };
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

function toRecord(row: SimulationEntity): SimulationRecord {
  return {
    id: row.id,
    userId: row.userId,
    command: row.command,
    canonical: row.canonical,
    parsedCommand: JSON.parse(row.parsedCommand) as unknown,
    tickers: row.tickers.split(' ').filter((ticker) => ticker.length > 0),
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    progress: { phase: row.progressPhase, percent: row.progressPercent },
    failureReason: row.failureReason,
    idempotencyKey: row.idempotencyKey,
    headline: { cagr: row.cagr, sharpe: row.sharpe, maxDrawdown: row.maxDrawdown, totalReturn: row.totalReturn },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
