import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { JobStateRepository, UnfinishedJob } from '../../jobs/job-state.repository';
import { UNFINISHED_JOB_STATUSES } from '../../jobs/job-status';
import { ProjectionEntity } from './entities/projection.entity';
import type { ProjectionChange, ProjectionInputs, ProjectionOutputs, ProjectionRecord } from './projection.types';

/** A row the recovery sweep looks at. */
export type UnfinishedProjection = UnfinishedJob;

const toRecord = (row: ProjectionEntity): ProjectionRecord => ({
  id: row.id,
  userId: row.userId,
  simulationId: row.simulationId,
  status: row.status,
  progress: { phase: row.progressPhase, percent: row.progressPercent },
  failureReason: row.failureReason,
  failureCode: row.failureCode,
  // Written by this repository only, from these types.
  inputs: JSON.parse(row.inputs) as ProjectionInputs,
  outputs: row.outputs === null ? null : (JSON.parse(row.outputs) as ProjectionOutputs),
  createdAt: row.createdAt,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

/** The only code that touches the projections table: each state change is written with its events. */
@Injectable()
export class ProjectionRepository extends JobStateRepository<ProjectionChange> {
  constructor(@InjectDataSource() dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  /** The projection (queued) and its events, in one transaction. */
  async insert(
    projection: Pick<ProjectionRecord, 'id' | 'userId' | 'simulationId' | 'inputs' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    await this.inTransactionWithEvents(events, async (tx: EntityManager) => {
      await tx.getRepository(ProjectionEntity).insert({
        ...projection,
        inputs: JSON.stringify(projection.inputs),
        status: 'queued',
        progressPhase: null,
        progressPercent: 0,
        failureReason: null,
        failureCode: null,
        outputs: null,
        startedAt: null,
        finishedAt: null,
      });
      return true;
    });
  }

  async findById(id: string): Promise<ProjectionRecord | null> {
    const row = await this.dataSource.getRepository(ProjectionEntity).findOne({ where: { id } });
    return row ? toRecord(row) : null;
  }

  /** Projections still queued or running that were requested before `before`, oldest first, after `after`. */
  findUnfinished(before: Date, limit: number, after?: UnfinishedProjection): Promise<UnfinishedProjection[]> {
    return this.findUnfinishedRows(ProjectionEntity, before, limit, after);
  }

  async changeUnfinished(id: string, change: ProjectionChange, events: DomainEvent[]): Promise<boolean> {
    const written = await this.inTransactionWithEvents(events, async (tx) => {
      const result = await tx
        .getRepository(ProjectionEntity)
        .update({ id, status: In([...UNFINISHED_JOB_STATUSES]) }, change);
      return (result.affected ?? 0) > 0;
    });
    return written === true;
  }
}
