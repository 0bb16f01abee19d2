import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ShareLinkEntity, ShareSubjectKind } from './entities/share-link.entity';
import type { NewShareLink, ShareLinkRecord } from './sharing.types';

const toRecord = (row: ShareLinkEntity): ShareLinkRecord => ({
  id: row.id,
  userId: row.userId,
  subjectKind: row.subjectKind,
  subjectId: row.subjectId,
  tokenHint: row.tokenHint,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/** The only code that touches the share_links table. */
@Injectable()
export class SharingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(link: NewShareLink, tx: EntityManager): Promise<void> {
    await tx.getRepository(ShareLinkEntity).insert({ ...link, revokedAt: null });
  }

  /** The active link with this token hash, or null. */
  async findActiveByTokenHash(tokenHash: string): Promise<ShareLinkRecord | null> {
    const row = await this.dataSource
      .getRepository(ShareLinkEntity)
      .findOne({ where: { tokenHash, revokedAt: IsNull() } });
    return row ? toRecord(row) : null;
  }

  /** The owner's active links to one subject, newest first. */
  async listActive(userId: string, subjectKind: ShareSubjectKind, subjectId: string): Promise<ShareLinkRecord[]> {
    const rows = await this.dataSource.getRepository(ShareLinkEntity).find({
      where: { userId, subjectKind, subjectId, revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toRecord);
  }

  /** The owner's active link to the subject, found by its token's hash or by its id. */
  async findActiveOf(
    userId: string,
    subjectKind: ShareSubjectKind,
    subjectId: string,
    by: { tokenHash: string } | { id: string },
  ): Promise<ShareLinkRecord | null> {
    const row = await this.dataSource.getRepository(ShareLinkEntity).findOne({
      where: { userId, subjectKind, subjectId, revokedAt: IsNull(), ...by },
    });
    return row ? toRecord(row) : null;
  }

  /** Marks an active link revoked; false when it already was. */
  async revoke(id: string, revokedAt: Date, tx: EntityManager): Promise<boolean> {
    const result = await tx.getRepository(ShareLinkEntity).update({ id, revokedAt: IsNull() }, { revokedAt });
    return (result.affected ?? 0) > 0;
  }

  /** Removes every link to a subject that no longer exists. */
  async deleteForSubject(subjectKind: ShareSubjectKind, subjectId: string): Promise<number> {
    const result = await this.dataSource.getRepository(ShareLinkEntity).delete({ subjectKind, subjectId });
    return result.affected ?? 0;
  }
}
