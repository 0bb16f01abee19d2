import { Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';

/** A counter in its current window: how many hits, and how long until the window ends. */
export interface WindowCount {
  count: number;
  resetMs: number;
}

/**
 * Short-lived shared state of the auth module: fixed-window counters (sign-in limits) and single-use markers
 * (OAuth states). In Redis when the deployment has one (REDIS_URL), so that every API process counts together;
 * in memory otherwise (one process: the embedded mode).
 */
export abstract class RateLimitStore implements OnModuleDestroy {
  /** Adds one to `key` in its window of `windowMs` (a window starts with its first hit). */
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The count of `key` without adding to it (0 when it has no window). */
  abstract peek(key: string): Promise<WindowCount>;
  abstract reset(key: string): Promise<void>;
  /** True for the first claim of `key` within `ttlMs`, false for every later one: a single-use marker. */
  abstract claimOnce(key: string, ttlMs: number): Promise<boolean>;
  abstract close(): Promise<void>;

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

const EMPTY: WindowCount = { count: 0, resetMs: 0 };

/** One process's counters: entries expire with their window; expired ones are swept as the map grows. */
export class MemoryRateLimitStore extends RateLimitStore {
  private static readonly SWEEP_ABOVE = 10_000;
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.resetAt - now };
  }

  async peek(key: string): Promise<WindowCount> {
    const now = Date.now();
    const window = this.windows.get(key);
    return window && window.resetAt > now ? { count: window.count, resetMs: window.resetAt - now } : EMPTY;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    if ((await this.peek(key)).count > 0) return false;
    await this.hit(key, ttlMs);
    return true;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweep(now: number): void {
    if (this.windows.size < MemoryRateLimitStore.SWEEP_ABOVE) return;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/** INCR, a first hit starts the window, then the count and the time left: one round trip, atomic. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/**
 * Counters in Redis, shared by every process. When Redis does not answer, each process falls back to counting
 * on its own (logged): sign-in stays possible and still limited, if less tightly.
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimitStore();

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, enableAutoPipelining: true });
    this.redis.on('error', (error: Error) => this.logger.warn({ message: 'redis error', error: error.message }));
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.orFallback(
      'hit',
      () => this.fallback.hit(key, windowMs),
      async () => {
        const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.keyOf(key), String(windowMs))) as [
          number,
          number,
        ];
        return { count, resetMs: ttl };
      },
    );
  }

  async peek(key: string): Promise<WindowCount> {
    return this.orFallback(
      'peek',
      () => this.fallback.peek(key),
      async () => {
        const [[, count], [, ttl]] = (await this.redis.multi().get(this.keyOf(key)).pttl(this.keyOf(key)).exec()) as [
          [Error | null, string | null],
          [Error | null, number],
        ];
        return count === null || ttl <= 0 ? EMPTY : { count: Number(count), resetMs: ttl };
      },
    );
  }

  async reset(key: string): Promise<void> {
    await this.orFallback(
      'reset',
      () => this.fallback.reset(key),
      async () => {
        await this.redis.del(this.keyOf(key));
      },
    );
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.orFallback(
      'claim',
      () => this.fallback.claimOnce(key, ttlMs),
      async () => {
        return (await this.redis.set(this.keyOf(key), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
      },
    );
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async orFallback<T>(operation: string, local: () => Promise<T>, shared: () => Promise<T>): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      this.logger.warn({ message: 'rate limits counted in this process only', operation, error: String(error) });
      return local();
    }
  }
}
