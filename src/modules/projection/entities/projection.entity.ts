import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JobStatus } from '../../../jobs/job-status';

/** One requested Monte Carlo projection of a simulation: `queued` → `running` → `completed` (with outputs) | `failed`. */
@Entity({ name: 'projections' })
@Index('idx_projections_simulation', ['simulationId', 'createdAt'])
export class ProjectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'simulation_id', type: 'varchar', length: 36 })
  simulationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  @Column({ name: 'progress_phase', type: 'varchar', length: 60, nullable: true })
  progressPhase!: string | null;

  @Column({ name: 'progress_percent', type: 'integer', default: 0 })
  progressPercent!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** ProjectionInputs as JSON: every option resolved (defaults filled in), so the run is reproducible. */
  @Column({ type: 'text' })
  inputs!: string;

  /** ProjectionOutputs as JSON once completed. */
  @Column({ type: 'text', nullable: true })
  outputs!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt!: Date | null;
}
