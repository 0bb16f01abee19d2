import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A ticker as one source knows it. Public assets (owner_id null) are unique per (ticker, source); an upload
 * is owned by its user and unique per (owner_id, ticker), so a user's AAPL never clashes with the public one.
 */
@Entity({ name: 'assets' })
export class AssetEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  ticker!: string;

  @Column({ type: 'varchar', length: 16 })
  source!: 'yahoo' | 'sample' | 'upload';

  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true })
  ownerId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  currency!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  exchange!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  type!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
