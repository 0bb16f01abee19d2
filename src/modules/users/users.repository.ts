import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { UserEntity } from './entities/user.entity';

/** True for a unique-constraint violation on PostgreSQL (23505) or SQLite (SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string } | undefined;
  return driverError?.code === '23505' || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The only code that touches the users table. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email } });
  }

  findByGoogleSubject(subject: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { googleSubject: subject } });
  }

  /** Throws a QueryFailedError that isUniqueViolation recognises when the email or Google subject is taken. */
  async insert(user: UserEntity): Promise<void> {
    await this.users.insert(user);
  }

  async update(id: string, changes: Partial<Omit<UserEntity, 'id' | 'createdAt'>>): Promise<void> {
    await this.users.update({ id }, { ...changes, updatedAt: new Date() });
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.users.manager.transaction(work);
  }

  /** Deletes the row (the foreign keys cascade to what it owns); false when there was none. */
  async delete(id: string, tx: EntityManager): Promise<boolean> {
    const result = await tx.getRepository(UserEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
