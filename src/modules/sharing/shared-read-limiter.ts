import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RateLimitStore } from '../auth/rate-limit.store';
import { SharedReadsLimitedError } from './sharing.errors';

/**
 * The public routes' rate limit: SHARED_THROTTLE_LIMIT requests per client address per
 * SHARED_THROTTLE_TTL_SECONDS, counted in the project's RateLimitStore (Redis when the deployment has one, so
 * every API process counts together). Every request counts, found or not: guessing tokens is as limited as reading.
 */
@Injectable()
export class SharedReadLimiter {
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(
    config: AppConfig,
    private readonly store: RateLimitStore,
  ) {
    this.limit = config.sharing.throttle.limit;
    this.windowMs = config.sharing.throttle.ttlSeconds * 1000;
  }

  async count(ip: string): Promise<void> {
    const window = await this.store.hit(`shared:${ip}`, this.windowMs);
    if (window.count > this.limit) throw new SharedReadsLimitedError(window.resetMs);
  }
}
