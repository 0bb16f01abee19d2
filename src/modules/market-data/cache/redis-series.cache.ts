import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { StoredSeries } from '../market-data.types';
import { decodeSeries, encodeSeries } from './series-codec';
import { SeriesCache } from './series-cache';

/**
 * Series in Redis, binary-encoded (series-codec), shared by every process. A Redis outage degrades to cache
 * misses (logged), never to failed requests: the database stays the source of truth.
 *
 * Each process also keeps the decoded series it used last (a small LRU), tagged with the key's version: a
 * counter in Redis that every write or invalidation bumps. A hit then costs one tiny GET instead of moving
 * and decoding a 33-year series, and an upsert anywhere is seen everywhere on the next read.
 */
export class RedisSeriesCache extends SeriesCache {
  readonly kind = 'redis';
  private static readonly LOCAL_ENTRIES = 64;
  private readonly logger = new Logger(RedisSeriesCache.name);
  private readonly redis: Redis;
  private readonly local = new Map<string, { version: string; series: StoredSeries }>();

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

  private versionKeyOf(key: string): string {
    return `${this.prefix}:${key}:version`;
  }

  async get(key: string): Promise<StoredSeries | undefined> {
    try {
      const version = (await this.redis.get(this.versionKeyOf(key))) ?? '0';
      const local = this.local.get(key);
      if (local && local.version === version) {
        // Most recently used last: Map keeps insertion order.
        this.local.delete(key);
        this.local.set(key, local);
        return local.series;
      }
      const buffer = await this.redis.getBuffer(this.keyOf(key));
      if (!buffer) return undefined;
      const series = decodeSeries(buffer);
      if (series) this.remember(key, version, series);
      return series;
    } catch (error) {
      this.logger.warn({ message: 'cache read failed', key, error: (error as Error).message });
      return undefined;
    }
  }

  async set(key: string, series: StoredSeries): Promise<void> {
    try {
      const [[, version]] = (await this.redis
        .multi()
        .incr(this.versionKeyOf(key))
        .expire(this.versionKeyOf(key), this.ttlSeconds)
        .set(this.keyOf(key), encodeSeries(series), 'EX', this.ttlSeconds)
        .exec()) as [[Error | null, number]];
      this.remember(key, String(version), series);
    } catch (error) {
      this.logger.warn({ message: 'cache write failed', key, error: (error as Error).message });
    }
  }

  /** Invalidation must not be lost silently: a failure here is an error (the caller's write fails loudly). */
  async delete(key: string): Promise<void> {
    this.local.delete(key);
    await this.redis.multi().del(this.keyOf(key)).incr(this.versionKeyOf(key)).exec();
  }

  private remember(key: string, version: string, series: StoredSeries): void {
    this.local.delete(key);
    this.local.set(key, { version, series });
    if (this.local.size > RedisSeriesCache.LOCAL_ENTRIES) this.local.delete(this.local.keys().next().value as string);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
