import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RefreshTokenRevocation = 'rotated' | 'logout' | 'reuse' | 'credentials';

/**
 * One refresh token, stored as the SHA-256 of its value (the value itself is never stored). Created by the
 * migration CreateUsersAndRefreshTokens.
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** Shared by every token rotated from one sign-in. */
  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId!: string;

  /** Lower-case hex SHA-256 of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** When the sign-in that started the family happened (copied by every rotation; migration AccountForeignKeys). */
  @Column({ name: 'signed_in_at', type: Date, nullable: true })
  signedInAt!: Date | null;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 20, nullable: true })
  revokedReason!: RefreshTokenRevocation | null;

  /** The token this one was rotated into. */
  @Column({ name: 'replaced_by', type: 'varchar', length: 36, nullable: true })
  replacedBy!: string | null;
}
