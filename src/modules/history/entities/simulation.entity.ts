import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The states every job kind shares (src/jobs/job-status.ts). */
export const SIMULATION_STATUSES = JOB_STATUSES;
export type SimulationStatus = JobStatus;

/** One submitted simulation: the user's history entry, from `queued` to `completed` or `failed`. */
@Entity({ name: 'simulations' })
@Index('idx_simulations_user_created', ['userId', 'createdAt'])
export class SimulationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'text' })
  command!: string;

  @Column({ type: 'text' })
  canonical!: string;

  /** The parsed command (positions and options) as JSON. */
  @Column({ name: 'parsed_command', type: 'text' })
  parsedCommand!: string;

  /** Space-separated, upper case: positions then benchmark (for display; filtering uses simulation_tickers). */
  @Column({ type: 'text' })
  tickers!: string;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SimulationStatus;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  /** Headline metrics, copied out of the result so lists sort and show them without loading it. */
  @Column({ type: 'double precision', nullable: true })
  cagr!: number | null;

  @Column({ type: 'double precision', nullable: true })
  sharpe!: number | null;

  @Column({ name: 'max_drawdown', type: 'double precision', nullable: true })
  maxDrawdown!: number | null;

  @Column({ name: 'total_return', type: 'double precision', nullable: true })
  totalReturn!: number | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
