import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The states every job kind shares (src/jobs/job-status.ts). */
export const REPORT_STATUSES = JOB_STATUSES;
export type ReportStatus = JobStatus;

/** One requested report of a simulation: from `queued` to a stored workbook (`completed`) or `failed`. */
@Entity({ name: 'reports' })
@Index('idx_reports_simulation', ['simulationId'])
@Index('idx_reports_user_simulation', ['userId', 'simulationId', 'createdAt'])
export class ReportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'simulation_id', type: 'varchar', length: 36 })
  simulationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** Where ReportStorage keeps the file (a key, not a path: the storage decides where that is). */
  @Column({ name: 'storage_key', type: 'varchar', length: 300, nullable: true })
  storageKey!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
