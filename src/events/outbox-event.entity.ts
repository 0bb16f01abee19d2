import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** One event waiting for (or done with) publication. Created by the migration CreateEventOutbox. */
@Entity({ name: 'event_outbox' })
export class OutboxEventEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  seq!: number;

  @Column({ type: 'varchar', length: 36, unique: true })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'text', nullable: true })
  headers!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
