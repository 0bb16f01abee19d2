import type { DataSource, EntityTarget } from 'typeorm';
import type { JobRowEntity } from './job-row.entity';
import { UNFINISHED_JOB_STATUSES } from './job-status';

/** A job row the recovery sweep looks at (src/queue/job-recovery.ts). */
export interface UnfinishedJob {
  id: string;
  createdAt: Date;
}

/**
 * The rows of a job table still queued or running that were created before `before`, oldest first (ties by id),
 * `limit` of them after `after`: one page of the recovery sweep. Every job kind's repository answers its
 * `findUnfinished` with it.
 */
export async function findUnfinishedJobs(
  dataSource: DataSource,
  entity: EntityTarget<JobRowEntity>,
  before: Date,
  limit: number,
  after?: UnfinishedJob,
): Promise<UnfinishedJob[]> {
  const builder = dataSource
    .getRepository(entity)
    .createQueryBuilder('j')
    .select(['j.id', 'j.createdAt'])
    .where('j.status IN (:...unfinished)', { unfinished: [...UNFINISHED_JOB_STATUSES] })
    .andWhere('j.created_at < :before', { before });
  if (after) {
    builder.andWhere('(j.created_at > :afterAt OR (j.created_at = :afterAt AND j.id > :afterId))', {
      afterAt: after.createdAt,
      afterId: after.id,
    });
  }
  const rows = await builder.orderBy('j.created_at', 'ASC').addOrderBy('j.id', 'ASC').limit(limit).getMany();
  return rows.map((row) => ({ id: row.id, createdAt: row.createdAt }));
}
