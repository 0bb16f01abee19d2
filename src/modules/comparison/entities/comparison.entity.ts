import { JobRowEntity } from '../../../jobs/job-row.entity';
import { Column, Entity, Index } from 'typeorm';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import type { ComparisonPeriodMode } from '../../../engine';

export const COMPARISON_STATUSES = JOB_STATUSES;
export type ComparisonStatus = JobStatus;

/** One comparison of 2 to 10 portfolios: its members as asked, and once completed the outcome (JSON). */
@Entity({ name: 'comparisons' })
@Index('idx_comparisons_user_created', ['userId', 'createdAt'])
@Index('idx_comparisons_unfinished', ['status', 'createdAt'])
export class ComparisonEntity extends JobRowEntity {
  @Column({ name: 'period_mode', type: 'varchar', length: 8 })
  periodMode!: ComparisonPeriodMode;

  /** The members as accepted: `[{ name, named, command, canonical }]` (JSON text). */
  @Column({ type: 'text' })
  members!: string;

  /** The history entries it was built from (JSON array of ids), or null. */
  @Column({ name: 'simulation_ids', type: 'text', nullable: true })
  simulationIds!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** The member (0-based) a failure is about, or null. */
  @Column({ name: 'failure_member', type: 'integer', nullable: true })
  failureMember!: number | null;

  /** The ComparisonOutcome (JSON text), once completed. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;
}
