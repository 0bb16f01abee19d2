import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with OWASP's Password Storage Cheat Sheet parameters: 19 MiB of memory, 2 iterations, 1 lane
 * (m=19456, t=2, p=1), 16-byte random salt, 32-byte tag, stored as a PHC string ($argon2id$v=19$...).
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  hashLength: 32,
} as const;

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** A hash of a random password, verified against when there is no account, so failures take the same time. */
  private dummyHash: string | undefined;

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('hex'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** False for a wrong password and for a malformed hash (never throws on bad input). */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification and returns false: for unknown emails and accounts without a password. */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= await this.hash(randomBytes(32).toString('hex'));
    await this.verify(this.dummyHash, password);
    return false;
  }

  /** True when the hash was made with other parameters than today's (rehashed on the next successful login). */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2_OPTIONS);
    } catch {
      return false;
    }
  }
}
