import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { commandTickers } from '../../engine';
import { findUnfinishedJobs, UnfinishedJob } from '../../jobs/unfinished-jobs';
import { SimulationEntity } from './entities/simulation.entity';
import { SimulationTickerEntity } from './entities/simulation-ticker.entity';
import {
  HistoryPage,
  HistoryQuery,
  SimulationRecord,
  StoredMetrics,
  StoredSimulationResult,
  StoredSummary,
} from './history.types';
import { decodeSimulationSeries } from './simulation-series.codec';
import { decodeStoredCommand } from './stored-command.codec';
import { decodeTrades } from './trades.codec';

const SORT_COLUMNS: Record<HistoryQuery['sort'], string> = {
  createdAt: 's.created_at',
  cagr: 's.cagr',
  sharpe: 's.sharpe',
  maxDrawdown: 's.max_drawdown',
  totalReturn: 's.total_return',
};

/**
 * The reads of the simulations, simulation_tickers and simulation_results tables, and deletion; the simulation
 * lifecycle's writes are SimulationRepository's (src/modules/simulation).
 */
@Injectable()
export class HistoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
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
  findUnfinished(before: Date, limit: number, after?: UnfinishedSimulation): Promise<UnfinishedSimulation[]> {
    return findUnfinishedJobs(this.dataSource, SimulationEntity, before, limit, after);
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

  async loadResult(id: string): Promise<StoredSimulationResult | null> {
    const row = (await this.dataSource
      .createQueryBuilder()
      .select(['r.metrics AS metrics', 'r.summary AS summary', 'r.series AS series', 'r.trades AS trades'])
      .from('simulation_results', 'r')
      .where('r.simulation_id = :id', { id })
      .getRawOne()) as { metrics: string; summary: string; series: Buffer; trades: Buffer } | undefined;
    if (!row) return null;
    return {
      // Written by the lifecycle from the engine's metrics, and only by it.
      metrics: JSON.parse(row.metrics) as StoredMetrics,
      summary: JSON.parse(row.summary) as StoredSummary,
      series: decodeSimulationSeries(Buffer.from(row.series)),
      trades: decodeTrades(Buffer.from(row.trades)),
    };
  }

  /** Deletes the simulation, its tickers and its result, with `events`, in one transaction. */
  async delete(id: string, events: DomainEvent[]): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // Explicit children first: SQLite enforces the cascade only with foreign_keys on, which we set, but be plain.
      await tx.createQueryBuilder().delete().from('simulation_results').where('simulation_id = :id', { id }).execute();
      await tx.getRepository(SimulationTickerEntity).delete({ simulationId: id });
      await tx.getRepository(SimulationEntity).delete({ id });
      await this.events.publish(events, tx);
    });
  }
}

/** The simulations columns under SimulationEntity's property names. */
const SIMULATION_COLUMNS = [
  'id',
  'user_id AS "userId"',
  'command',
  'canonical',
  'parsed_command AS "parsedCommand"',
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

/** A simulation the recovery sweep looks at. */
export type UnfinishedSimulation = UnfinishedJob;

function toRecord(row: SimulationEntity): SimulationRecord {
  const parsedCommand = decodeStoredCommand(row.parsedCommand);
  return {
    id: row.id,
    userId: row.userId,
    command: row.command,
    canonical: row.canonical,
    parsedCommand,
    tickers: commandTickers(parsedCommand),
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
