import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { RefreshTokenEntity, RefreshTokenRevocation } from './entities/refresh-token.entity';

export type NewRefreshToken = Pick<
  RefreshTokenEntity,
  'id' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'signedInAt'
>;

/** The only code that touches the refresh_tokens table. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(RefreshTokenEntity);
  }

  async insert(token: NewRefreshToken): Promise<void> {
    await this.tokens.insert({
      ...token,
      createdAt: new Date(),
      revokedAt: null,
      revokedReason: null,
      replacedBy: null,
    });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOne({ where: { tokenHash } });
  }

  /**
   * Marks `current` rotated into `next` and stores `next`, atomically: the conditional update succeeds for
   * exactly one caller even when two present the same token at once. Returns false (and stores nothing) if
   * `current` was no longer active.
   */
  async rotate(currentId: string, next: NewRefreshToken): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RefreshTokenEntity);
      const result = await repository.update(
        { id: currentId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: 'rotated', replacedBy: next.id },
      );
      if (result.affected !== 1) return false;
      await repository.insert({
        ...next,
        createdAt: new Date(),
        revokedAt: null,
        revokedReason: null,
        replacedBy: null,
      });
      return true;
    });
  }

  /** Revokes every still-active token of the family; returns how many. */
  async revokeFamily(familyId: string, reason: RefreshTokenRevocation): Promise<number> {
    const result = await this.tokens.update(
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Revokes every still-active token of the user (all their sessions); returns how many. */
  async revokeAllOfUser(userId: string, reason: RefreshTokenRevocation): Promise<number> {
    const result = await this.tokens.update(
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }
}
