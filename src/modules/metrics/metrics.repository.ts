import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OutboxLag {
  unpublished: number;
  /** Creation time of the oldest unpublished event; null when none waits. */
  oldestCreatedAt: Date | null;
}

/** Read-only figures for the scrape-time gauges: one aggregate query on the outbox per scrape. */
@Injectable()
export class MetricsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async outboxLag(): Promise<OutboxLag> {
    const [row] = (await this.dataSource.query(
      'SELECT COUNT(*) AS unpublished, MIN(created_at) AS oldest FROM event_outbox WHERE published_at IS NULL',
    )) as { unpublished: string | number; oldest: Date | string | number | null }[];
    const oldest = row?.oldest ?? null;
    return {
      unpublished: Number(row?.unpublished ?? 0),
      oldestCreatedAt: oldest === null ? null : oldest instanceof Date ? oldest : asUtc(oldest),
    };
  }
}

/** SQLite returns `YYYY-MM-DD HH:MM:SS.sss` in UTC without a zone; PostgreSQL returns a Date. */
function asUtc(value: string | number): Date {
  if (typeof value === 'number') return new Date(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
