import type { StoredSeries } from '../market-data.types';

/** Hot series by cache key: Redis when REDIS_URL is set, an in-process LRU otherwise. Never the source of truth. */
export abstract class SeriesCache {
  abstract readonly kind: 'redis' | 'memory';
  abstract get(key: string): Promise<StoredSeries | undefined>;
  abstract set(key: string, series: StoredSeries): Promise<void>;
  abstract delete(key: string): Promise<void>;
  abstract close(): Promise<void>;
}
