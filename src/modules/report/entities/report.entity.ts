import { JobRowEntity } from '../../../jobs/job-row.entity';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import { Column, Entity, Index } from 'typeorm';

/** The states every job kind shares (src/jobs/job-status.ts). */
export const REPORT_STATUSES = JOB_STATUSES;
export type ReportStatus = JobStatus;

/** One requested report of a simulation: from `queued` to a stored workbook (`completed`) or `failed`. */
@Entity({ name: 'reports' })
@Index('idx_reports_simulation', ['simulationId'])
@Index('idx_reports_user_simulation', ['userId', 'simulationId', 'createdAt'])
export class ReportEntity extends JobRowEntity {
  @Column({ name: 'simulation_id', type: 'varchar', length: 36 })
  simulationId!: string;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** Where ReportStorage keeps the file (a key, not a path: the storage decides where that is). */
  @Column({ name: 'storage_key', type: 'varchar', length: 300, nullable: true })
  storageKey!: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes!: number | null;
}
