import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which tickers a simulation uses (positions and benchmark as written, and the plain tickers they are built from):
 * lets GET /history?ticker= filter through an index. The only stored copy besides the parsed command itself.
 */
@Entity({ name: 'simulation_tickers' })
@Index('idx_simulation_tickers_ticker', ['ticker', 'simulationId'])
export class SimulationTickerEntity {
  @PrimaryColumn({ name: 'simulation_id', type: 'varchar', length: 36 })
  simulationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ticker!: string;

  @Column({ name: 'is_benchmark', type: 'boolean', default: false })
  isBenchmark!: boolean;
}
