import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import type { ComparisonPeriodMode } from '../../../engine';

export const COMPARISON_STATUSES = JOB_STATUSES;
export type ComparisonStatus = JobStatus;

/** One comparison of 2 to 10 portfolios: its members as asked, and once completed the outcome (JSON). */
@Entity({ name: 'comparisons' })
@Index('idx_comparisons_user_created', ['userId', 'createdAt'])
@Index('idx_comparisons_unfinished', ['status', 'createdAt'])
export class ComparisonEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ComparisonStatus;

  @Column({ name: 'period_mode', type: 'varchar', length: 8 })
  periodMode!: ComparisonPeriodMode;

  /** The members as accepted: `[{ name, named, command, canonical }]` (JSON text). */
  @Column({ type: 'text' })
  members!: string;

  /** The history entries it was built from (JSON array of ids), or null. */
  @Column({ name: 'simulation_ids', type: 'text', nullable: true })
  simulationIds!: string | null;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** The member (0-based) a failure is about, or null. */
  @Column({ name: 'failure_member', type: 'integer', nullable: true })
  failureMember!: number | null;

  /** The ComparisonOutcome (JSON text), once completed. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
