import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { normaliseEmail } from '../users/users.service';
import { TooManyAttemptsError } from './auth.errors';
import { RateLimitStore, WindowCount } from './rate-limit.store';

/**
 * The sign-in rate limits, AUTH_THROTTLE_LIMIT per AUTH_THROTTLE_TTL_SECONDS each, counted in RateLimitStore
 * (Redis when configured: shared by every API process):
 * - per client address: sign-in attempts, and registrations, each on its own count;
 * - per account (its normalised email, known or not): failed password checks — sign-in and confirming a
 *   deletion — so that spreading a guessing attack over many addresses does not help; a success clears it;
 * - per client address: refreshes with a token that is not valid (unknown, expired, revoked, reused). A valid
 *   token always refreshes — several reloads a minute are not brute force — and no token at all (a signed-out
 *   visit) is not counted.
 * Refusals are 429 TOO_MANY_REQUESTS with a standard Retry-After.
 */
@Injectable()
export class SignInLimiter {
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(
    config: AppConfig,
    private readonly store: RateLimitStore,
  ) {
    this.limit = config.auth.throttle.limit;
    this.windowMs = config.auth.throttle.ttlSeconds * 1000;
  }

  /** Before a password is checked at sign-in: the account must not be locked, and the address has one try less. */
  async beforeSignIn(ip: string, email: string): Promise<void> {
    await this.beforePasswordCheck(email);
    await this.count(`sign-in:${ip}`, 'too many sign-in attempts from this address');
  }

  /** Before a password is checked for an account (sign-in, confirming a deletion). */
  async beforePasswordCheck(email: string): Promise<void> {
    this.refuseIfSpent(await this.store.peek(accountKey(email)), 'too many failed sign-ins for this account');
  }

  async passwordRefused(email: string): Promise<void> {
    await this.store.hit(accountKey(email), this.windowMs);
  }

  async passwordAccepted(email: string): Promise<void> {
    await this.store.reset(accountKey(email));
  }

  async beforeRegister(ip: string): Promise<void> {
    await this.count(`register:${ip}`, 'too many registrations from this address');
  }

  async beforeRefresh(ip: string): Promise<void> {
    this.refuseIfSpent(await this.store.peek(refreshKey(ip)), 'too many invalid refresh tokens from this address');
  }

  async refreshRefused(ip: string): Promise<void> {
    await this.store.hit(refreshKey(ip), this.windowMs);
  }

  private async count(key: string, what: string): Promise<void> {
    const window = await this.store.hit(key, this.windowMs);
    if (window.count > this.limit) throw new TooManyAttemptsError(what, window.resetMs);
  }

  private refuseIfSpent(window: WindowCount, what: string): void {
    if (window.count >= this.limit) throw new TooManyAttemptsError(what, window.resetMs);
  }
}

const accountKey = (email: string) => `account:${normaliseEmail(email)}`;
const refreshKey = (ip: string) => `refresh-failures:${ip}`;
