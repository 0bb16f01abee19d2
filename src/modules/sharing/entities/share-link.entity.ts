import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SHARE_SUBJECT_KINDS = ['simulation', 'comparison'] as const;
export type ShareSubjectKind = (typeof SHARE_SUBJECT_KINDS)[number];

/** One read-only link to a result: the token itself is never stored, only its SHA-256. */
@Entity({ name: 'share_links' })
@Index('idx_share_links_token_hash', ['tokenHash'], { unique: true })
@Index('idx_share_links_subject', ['subjectKind', 'subjectId', 'createdAt'])
export class ShareLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind!: ShareSubjectKind;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId!: string;

  /** Hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The token's last four characters, so that the owner can tell links apart. */
  @Column({ name: 'token_hint', type: 'varchar', length: 8 })
  tokenHint!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;
}
