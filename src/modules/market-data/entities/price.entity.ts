import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One trading day of one asset; the primary key (asset_id, date) makes upserts idempotent. */
@Entity({ name: 'prices' })
export class PriceEntity {
  @PrimaryColumn({ name: 'asset_id', type: 'varchar', length: 36 })
  assetId!: string;

  /** YYYY-MM-DD (text on both databases: sorts as dates, no time-zone conversion on the way in or out). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'double precision', nullable: true })
  close!: number | null;

  @Column({ name: 'adj_close', type: 'double precision' })
  adjClose!: number;

  @Column({ type: 'double precision', nullable: true })
  dividend!: number | null;

  @Column({ name: 'split_ratio', type: 'double precision', nullable: true })
  splitRatio!: number | null;
}
