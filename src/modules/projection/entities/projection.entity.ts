import { JobRowEntity } from '../../../jobs/job-row.entity';
import { Column, Entity, Index } from 'typeorm';

/** One requested Monte Carlo projection of a simulation: `queued` → `running` → `completed` (with outputs) | `failed`. */
@Entity({ name: 'projections' })
@Index('idx_projections_simulation', ['simulationId', 'createdAt'])
export class ProjectionEntity extends JobRowEntity {
  @Column({ name: 'simulation_id', type: 'varchar', length: 36 })
  simulationId!: string;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  failureCode!: string | null;

  /** ProjectionInputs as JSON: every option resolved (defaults filled in), so the run is reproducible. */
  @Column({ type: 'text' })
  inputs!: string;

  /** ProjectionOutputs as JSON once completed. */
  @Column({ type: 'text', nullable: true })
  outputs!: string | null;
}
