import { Column, PrimaryColumn } from 'typeorm';
import type { JobStatus } from './job-status';

/**
 * The columns every job table has (docs/jobs.md, "Adding a job kind"): a kind's entity extends this class and
 * adds its own. Not an entity itself: each kind keeps its own table (and its migrations say what is in it).
 */
export abstract class JobRowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
