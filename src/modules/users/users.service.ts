import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { UserEntity } from './entities/user.entity';
import { EmailAlreadyRegisteredError, UserNotFoundError } from './users.errors';
import { isUniqueViolation, UsersRepository } from './users.repository';

/** A user as other modules see it (never the entity). */
export interface User {
  id: string;
  email: string;
  displayName: string | null;
  emailVerified: boolean;
  hasPassword: boolean;
  googleLinked: boolean;
  createdAt: Date;
}

/** What only the auth module needs: the stored password hash. */
export interface UserCredentials {
  user: User;
  passwordHash: string | null;
}

/**
 * Email addresses are compared in one form: trimmed, Unicode NFC, lower case. (Lower-casing the local part is
 * not RFC 5321, but no mail provider people use distinguishes case, and two accounts for "Ann@x" and "ann@x"
 * would be a support and phishing hazard.)
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/**
 * People with an account. A module of its own (not part of auth) because every domain — simulations, history,
 * reports — will refer to users by id and ask for them through this service, without depending on the auth
 * module's passport/JWT/throttling machinery; auth owns credentials and sessions (refresh tokens), users owns
 * the person's row.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly events: EventPublisher,
  ) {}

  async findById(id: string): Promise<User | null> {
    const row = await this.users.findById(id);
    return row ? this.toUser(row) : null;
  }

  async getById(id: string): Promise<User> {
    const user = await this.findById(id);
    if (!user) throw new UserNotFoundError(id);
    return user;
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const row = await this.users.findByEmail(normaliseEmail(email));
    return row ? { user: this.toUser(row), passwordHash: row.passwordHash } : null;
  }

  async findCredentialsById(id: string): Promise<UserCredentials | null> {
    const row = await this.users.findById(id);
    return row ? { user: this.toUser(row), passwordHash: row.passwordHash } : null;
  }

  async findByGoogleSubject(subject: string): Promise<User | null> {
    const row = await this.users.findByGoogleSubject(subject);
    return row ? this.toUser(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.users.findByEmail(normaliseEmail(email));
    return row ? this.toUser(row) : null;
  }

  /** Creates an account; EmailAlreadyRegisteredError if the (normalised) email is taken, also under a race. */
  async create(input: {
    email: string;
    passwordHash: string | null;
    displayName?: string | null;
    googleSubject?: string | null;
    emailVerified?: boolean;
  }): Promise<User> {
    const now = new Date();
    const row: UserEntity = {
      id: randomUUID(),
      email: normaliseEmail(input.email),
      passwordHash: input.passwordHash,
      googleSubject: input.googleSubject ?? null,
      displayName: input.displayName ?? null,
      emailVerifiedAt: input.emailVerified ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    if (await this.users.findByEmail(row.email)) throw new EmailAlreadyRegisteredError();
    try {
      await this.users.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailAlreadyRegisteredError();
      throw error;
    }
    this.logger.log({ message: 'user created', userId: row.id, google: row.googleSubject !== null });
    return this.toUser(row);
  }

  async setPasswordHash(userId: string, passwordHash: string | null): Promise<void> {
    await this.users.update(userId, { passwordHash });
  }

  /**
   * Links a Google identity to an existing account whose address Google has verified. The address is then
   * verified too. If it was not verified before (a password sign-up, which proves nothing about the mailbox),
   * the password is removed: whoever registered it may not be the mailbox's owner (pre-account-takeover).
   * Returns whether the password was removed.
   */
  async linkGoogle(userId: string, subject: string, displayName: string | null): Promise<{ passwordRemoved: boolean }> {
    const row = await this.users.findById(userId);
    if (!row) throw new UserNotFoundError(userId);
    const passwordRemoved = row.emailVerifiedAt === null && row.passwordHash !== null;
    await this.users.update(userId, {
      googleSubject: subject,
      displayName: row.displayName ?? displayName,
      emailVerifiedAt: row.emailVerifiedAt ?? new Date(),
      ...(passwordRemoved ? { passwordHash: null } : {}),
    });
    this.logger.log({ message: 'google identity linked', userId, passwordRemoved });
    return { passwordRemoved };
  }

  /**
   * Deletes the account and, through the database's foreign keys (ON DELETE CASCADE), everything it owns:
   * sessions (refresh tokens), simulations with their results, reports, uploaded prices. `events` are written in
   * the same transaction. False when there was no such account.
   */
  async delete(userId: string, events: DomainEvent[]): Promise<boolean> {
    const deleted = await this.users.transaction(async (tx) => {
      if (!(await this.users.delete(userId, tx))) return false;
      await this.events.publish(events, tx);
      return true;
    });
    if (deleted) this.logger.log({ message: 'user deleted', userId });
    return deleted;
  }

  private toUser(row: UserEntity): User {
    return {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      emailVerified: row.emailVerifiedAt !== null,
      hasPassword: row.passwordHash !== null,
      googleLinked: row.googleSubject !== null,
      createdAt: row.createdAt,
    };
  }
}
