import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { JobStateRepository, UnfinishedJob } from '../../jobs/job-state.repository';
import { UNFINISHED_JOB_STATUSES } from '../../jobs/job-status';
import { ReportEntity } from './entities/report.entity';
import type { ReportChange, ReportRecord } from './report.types';

/** A row the recovery sweep looks at. */
export type UnfinishedReport = UnfinishedJob;

const toRecord = (row: ReportEntity): ReportRecord => ({
  id: row.id,
  userId: row.userId,
  simulationId: row.simulationId,
  status: row.status,
  progress: { phase: row.progressPhase, percent: row.progressPercent },
  failureReason: row.failureReason,
  failureCode: row.failureCode,
  storageKey: row.storageKey,
  fileName: row.fileName,
  sizeBytes: row.sizeBytes,
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

/** The only code that touches the reports table: each state change is written with its events. */
@Injectable()
export class ReportRepository extends JobStateRepository<ReportChange> {
  constructor(@InjectDataSource() dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  /** The report (queued) and its events, in one transaction. */
  async insert(
    report: Pick<ReportRecord, 'id' | 'userId' | 'simulationId' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    await this.inTransactionWithEvents(events, async (tx) => {
      await this.insertRow(report, tx);
      return true;
    });
  }

  private async insertRow(
    report: Pick<ReportRecord, 'id' | 'userId' | 'simulationId' | 'createdAt'>,
    tx: EntityManager,
  ): Promise<void> {
    await tx.getRepository(ReportEntity).insert({
      ...report,
      status: 'queued',
      progressPhase: null,
      progressPercent: 0,
      failureReason: null,
      failureCode: null,
      storageKey: null,
      fileName: null,
      sizeBytes: null,
      startedAt: null,
      finishedAt: null,
    });
  }

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<ReportRecord | null> {
    const row = await tx.getRepository(ReportEntity).findOne({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** The user's newest report of a simulation that is not failed (the one a new request reuses). */
  async findReusable(userId: string, simulationId: string): Promise<ReportRecord | null> {
    const rows = await this.dataSource.getRepository(ReportEntity).find({
      where: { userId, simulationId },
      order: { createdAt: 'DESC' },
      take: 5,
    });
    const row = rows.find((one) => one.status !== 'failed');
    return row ? toRecord(row) : null;
  }

  async findByUser(userId: string): Promise<ReportRecord[]> {
    const rows = await this.dataSource.getRepository(ReportEntity).find({ where: { userId } });
    return rows.map(toRecord);
  }

  async findBySimulation(simulationId: string): Promise<ReportRecord[]> {
    const rows = await this.dataSource.getRepository(ReportEntity).find({ where: { simulationId } });
    return rows.map(toRecord);
  }

  /** Reports still queued or running that were requested before `before`, oldest first, after `after`. */
  findUnfinished(before: Date, limit: number, after?: UnfinishedReport): Promise<UnfinishedReport[]> {
    return this.findUnfinishedRows(ReportEntity, before, limit, after);
  }

  async changeUnfinished(id: string, change: ReportChange, events: DomainEvent[]): Promise<boolean> {
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      const result = await tx
        .getRepository(ReportEntity)
        .update({ id, status: In([...UNFINISHED_JOB_STATUSES]) }, change);
      return (result.affected ?? 0) > 0;
    });
    return written === true;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(ReportEntity).delete({ id });
  }
}
