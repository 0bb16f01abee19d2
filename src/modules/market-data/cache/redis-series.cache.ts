import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { StoredSeries } from '../market-data.types';
import { decodeSeries, encodeSeries } from './series-codec';
import { AbsentKeys, SeriesCache, SeriesLookup } from './series-cache';

/**
 * Series in Redis, binary-encoded (series-codec), shared by every process. A Redis outage degrades to cache
 * misses (logged), never to failed requests: the database stays the source of truth.
 *
 * Each process also keeps the decoded series it used last (a small LRU), tagged with the key's version: a
 * counter in Redis that every write or invalidation bumps. A hit then costs one tiny GET instead of moving
 * and decoding a 33-year series, and an upsert anywhere is seen everywhere on the next read. Remembered absences
 * (lookup()) are tagged with the version the same way, so a write anywhere ends them.
 *
 * Commands issued in the same tick share one write to Redis (auto-pipelining): the version checks of a
 * simulation's tickers, and of simulations running side by side, cost one round trip.
 */
export class RedisSeriesCache extends SeriesCache {
  readonly kind = 'redis';
  private static readonly LOCAL_ENTRIES = 64;
  private readonly logger = new Logger(RedisSeriesCache.name);
  private readonly redis: Redis;
  private readonly local = new Map<string, { version: string; series: StoredSeries }>();
  private readonly absent: AbsentKeys<string>;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {
    super();
    // A version key may expire (with its series) and restart at 0: an absence must not outlive that.
    this.absent = new AbsentKeys(
      Math.min(SeriesCache.ABSENT_TTL_MS, (ttlSeconds * 1000) / 2),
      SeriesCache.ABSENT_ENTRIES,
    );
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      lazyConnect: false,
      enableAutoPipelining: true,
    });
    this.redis.on('error', (error: Error) => this.logger.warn({ message: 'redis cache error', error: error.message }));
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }

  private versionKeyOf(key: string): string {
    return `${this.prefix}:${key}:version`;
  }

  async get(key: string): Promise<StoredSeries | undefined> {
    const found = await this.read(key);
    return found.kind === 'hit' ? found.series : undefined;
  }

  async lookup(key: string): Promise<SeriesLookup> {
    const found = await this.read(key);
    if (found.kind === 'hit') return found;
    const version = found.version;
    if (version === null) return { kind: 'miss', rememberAbsent: () => undefined };
    if (this.absent.has(key, version)) return { kind: 'absent' };
    return { kind: 'miss', rememberAbsent: () => this.absent.add(key, version) };
  }

  /** The series, or a miss with the version it was read at (null: Redis did not answer). */
  private async read(
    key: string,
  ): Promise<{ kind: 'hit'; series: StoredSeries } | { kind: 'miss'; version: string | null }> {
    try {
      const version = (await this.redis.get(this.versionKeyOf(key))) ?? '0';
      const local = this.local.get(key);
      if (local && local.version === version) {
        // Most recently used last: Map keeps insertion order.
        this.local.delete(key);
        this.local.set(key, local);
        return { kind: 'hit', series: local.series };
      }
      // Known absent at this version: no need to ask for the series itself.
      if (this.absent.has(key, version)) return { kind: 'miss', version };
      const buffer = await this.redis.getBuffer(this.keyOf(key));
      const series = buffer ? decodeSeries(buffer) : undefined;
      if (!series) return { kind: 'miss', version };
      this.remember(key, version, series);
      return { kind: 'hit', series };
    } catch (error) {
      this.logger.warn({ message: 'cache read failed', key, error: (error as Error).message });
      return { kind: 'miss', version: null };
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
    this.absent.delete(key);
    await this.redis.multi().del(this.keyOf(key)).incr(this.versionKeyOf(key)).exec();
  }

  private remember(key: string, version: string, series: StoredSeries): void {
    this.local.delete(key);
    this.local.set(key, { version, series });
    if (this.local.size > RedisSeriesCache.LOCAL_ENTRIES) this.local.delete(this.local.keys().next().value as string);
  }

  async close(): Promise<void> {
    this.absent.clear();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
