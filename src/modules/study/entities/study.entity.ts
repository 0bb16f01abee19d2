import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';

export const STUDY_STATUSES = JOB_STATUSES;
export type StudyStatus = JobStatus;

/** One study: the request as accepted, its size, and once completed its result (JSON) and encoded scatter. */
@Entity({ name: 'studies' })
@Index('idx_studies_user_created', ['userId', 'createdAt'])
@Index('idx_studies_unfinished', ['status', 'createdAt'])
export class StudyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: StudyStatus;

  /** The request as accepted (StudyRequest, JSON text). */
  @Column({ type: 'text' })
  request!: string;

  @Column({ name: 'candidate_count', type: 'integer' })
  candidateCount!: number;

  @Column({ name: 'chunk_count', type: 'integer' })
  chunkCount!: number;

  @Column({ name: 'chunk_size', type: 'integer' })
  chunkSize!: number;

  /** The plan's fingerprint when the study was accepted (study and price data): chunks run on the same data. */
  @Column({ type: 'varchar', length: 200 })
  fingerprint!: string;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** The finalised StudyResult without its scatter (StoredStudyResult, JSON text), once completed. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  /** The scatter as GET /studies/{id}/scatter serves it (encodeStudyScatter), once completed. */
  @Column({ type: 'text', nullable: true })
  scatter!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
