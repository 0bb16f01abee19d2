import { Injectable } from '@nestjs/common';
import { UsersService } from '../users/users.service';

/**
 * Whether the account an access token names still exists, asked on every authenticated request. A positive
 * answer is remembered for EXISTING_ACCOUNT_CACHE_MS per process, so a busy user costs one primary-key read per
 * few seconds, not one per request; the process that deletes an account forgets it at once, others within that
 * time — and the foreign keys to users refuse any row written for it meanwhile.
 */
export const EXISTING_ACCOUNT_CACHE_MS = 5_000;
const MAX_REMEMBERED = 10_000;

@Injectable()
export class ExistingAccounts {
  /** User id → until when it is known to exist (ms since the epoch); insertion order is age order. */
  private readonly known = new Map<string, number>();

  constructor(private readonly users: UsersService) {}

  async exists(userId: string): Promise<boolean> {
    const now = Date.now();
    const until = this.known.get(userId);
    if (until !== undefined && until > now) return true;
    this.known.delete(userId);
    if (!(await this.users.findById(userId))) return false;
    if (this.known.size >= MAX_REMEMBERED) this.known.delete(this.known.keys().next().value as string);
    this.known.set(userId, now + EXISTING_ACCOUNT_CACHE_MS);
    return true;
  }

  forget(userId: string): void {
    this.known.delete(userId);
  }
}
