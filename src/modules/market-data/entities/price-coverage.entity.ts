import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A date range already asked of the asset's provider, whatever it returned (holidays, days before the
 * listing and empty ranges included): gap filling never asks it again. Ranges are kept merged.
 */
@Entity({ name: 'price_coverage' })
export class PriceCoverageEntity {
  @PrimaryColumn({ name: 'asset_id', type: 'varchar', length: 36 })
  assetId!: string;

  @PrimaryColumn({ name: 'start_date', type: 'varchar', length: 10 })
  start!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10 })
  end!: string;
}
