import { JobRowEntity } from '../../../jobs/job-row.entity';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import { Column, Entity, Index } from 'typeorm';

/** The states every job kind shares (src/jobs/job-status.ts). */
export const SIMULATION_STATUSES = JOB_STATUSES;
export type SimulationStatus = JobStatus;

/** One submitted simulation: the user's history entry, from `queued` to `completed` or `failed`. */
@Entity({ name: 'simulations' })
@Index('idx_simulations_user_created', ['userId', 'createdAt'])
export class SimulationEntity extends JobRowEntity {
  @Column({ type: 'text' })
  command!: string;

  @Column({ type: 'text' })
  canonical!: string;

  /**
   * The parsed command (positions and options) as JSON; the tickers shown are read from it (commandTickers), those
   * the history filter finds the simulation by are simulation_tickers rows.
   */
  @Column({ name: 'parsed_command', type: 'text' })
  parsedCommand!: string;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  endDate!: string;

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
}
