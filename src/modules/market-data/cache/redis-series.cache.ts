import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { StoredSeries } from '../market-data.types';
import { decodeSeries, encodeSeries } from './series-codec';
import { SeriesCache } from './series-cache';

/**
 * Series in Redis, binary-encoded (series-codec), shared by every process. A Redis outage degrades to cache
 * misses (logged), never to failed requests: the database stays the source of truth.
 */
export class RedisSeriesCache extends SeriesCache {
  readonly kind = 'redis';
  private readonly logger = new Logger(RedisSeriesCache.name);
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    this.redis.on('error', (error: Error) => this.logger.warn({ message: 'redis cache error', error: error.message }));
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }

  async get(key: string): Promise<StoredSeries | undefined> {
    try {
      const buffer = await this.redis.getBuffer(this.keyOf(key));
      return buffer ? decodeSeries(buffer) : undefined;
    } catch (error) {
      this.logger.warn({ message: 'cache read failed', key, error: (error as Error).message });
      return undefined;
    }
  }

  async set(key: string, series: StoredSeries): Promise<void> {
    try {
      await this.redis.set(this.keyOf(key), encodeSeries(series), 'EX', this.ttlSeconds);
    } catch (error) {
      this.logger.warn({ message: 'cache write failed', key, error: (error as Error).message });
    }
  }

  /** Invalidation must not be lost silently: a failure here is an error (the caller's write fails loudly). */
  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
