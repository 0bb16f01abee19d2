import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { ComparisonOutcome } from '../../engine';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { JobStateRepository, UnfinishedJob } from '../../jobs/job-state.repository';
import { UNFINISHED_JOB_STATUSES } from '../../jobs/job-status';
import { ComparisonEntity } from './entities/comparison.entity';
import type { ComparisonChange, ComparisonRecord, StoredMember } from './comparison.types';

/** A row the recovery sweep looks at. */
export type UnfinishedComparison = UnfinishedJob;

/** The stored JSON columns, read once here (they are only ever written by this repository's callers' records). */
const toRecord = (row: ComparisonEntity): ComparisonRecord => ({
  id: row.id,
  userId: row.userId,
  status: row.status,
  periodMode: row.periodMode,
  members: JSON.parse(row.members) as StoredMember[],
  simulationIds: row.simulationIds === null ? null : (JSON.parse(row.simulationIds) as string[]),
  progress: { phase: row.progressPhase, percent: row.progressPercent },
  failureReason: row.failureReason,
  failureCode: row.failureCode,
  failureMember: row.failureMember,
  result: row.result === null ? null : (JSON.parse(row.result) as ComparisonOutcome),
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

/** The only code that touches the comparisons table: each state change is written with its events. */
@Injectable()
export class ComparisonRepository extends JobStateRepository<ComparisonChange> {
  constructor(@InjectDataSource() dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  /** The comparison (queued) and its events, in one transaction. */
  async insert(
    comparison: Pick<ComparisonRecord, 'id' | 'userId' | 'periodMode' | 'members' | 'simulationIds' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    await this.inTransactionWithEvents(events, async (tx) => {
      await tx.getRepository(ComparisonEntity).insert({
        id: comparison.id,
        userId: comparison.userId,
        periodMode: comparison.periodMode,
        members: JSON.stringify(comparison.members),
        simulationIds: comparison.simulationIds === null ? null : JSON.stringify(comparison.simulationIds),
        createdAt: comparison.createdAt,
        status: 'queued',
        progressPhase: null,
        progressPercent: 0,
        failureReason: null,
        failureCode: null,
        failureMember: null,
        result: null,
        startedAt: null,
        finishedAt: null,
      });
      return true;
    });
  }

  async findById(id: string): Promise<ComparisonRecord | null> {
    const row = await this.dataSource.getRepository(ComparisonEntity).findOne({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** One page of the user's comparisons, newest first (ties by id), without their results, and their count. */
  async findPageByUser(
    userId: string,
    page: number,
    size: number,
  ): Promise<{ items: ComparisonRecord[]; total: number }> {
    const [rows, total] = await this.dataSource
      .getRepository(ComparisonEntity)
      .createQueryBuilder('c')
      .select([
        'c.id',
        'c.userId',
        'c.status',
        'c.periodMode',
        'c.members',
        'c.simulationIds',
        'c.progressPhase',
        'c.progressPercent',
        'c.failureReason',
        'c.failureCode',
        'c.failureMember',
        'c.createdAt',
        'c.startedAt',
        'c.finishedAt',
      ])
      .where('c.user_id = :userId', { userId })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * size)
      .take(size)
      .getManyAndCount();
    return { items: rows.map((row) => toRecord({ ...row, result: null })), total };
  }

  /** Comparisons still queued or running that were requested before `before`, oldest first, after `after`. */
  findUnfinished(before: Date, limit: number, after?: UnfinishedComparison): Promise<UnfinishedComparison[]> {
    return this.findUnfinishedRows(ComparisonEntity, before, limit, after);
  }

  async changeUnfinished(id: string, change: ComparisonChange, events: DomainEvent[]): Promise<boolean> {
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      const result = await tx
        .getRepository(ComparisonEntity)
        .update({ id, status: In([...UNFINISHED_JOB_STATUSES]) }, change);
      return (result.affected ?? 0) > 0;
    });
    return written === true;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(ComparisonEntity).delete({ id });
  }
}
