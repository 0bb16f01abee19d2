import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person with an account. Created by the migration CreateUsersAndRefreshTokens. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Normalised (trimmed, lower case); unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  /** argon2id PHC string; null for accounts that only sign in with Google. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** Google's stable subject id (`sub`) once the account is linked. */
  @Column({ name: 'google_subject', type: 'varchar', length: 255, nullable: true, unique: true })
  googleSubject!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 200, nullable: true })
  displayName!: string | null;

  /** When an identity provider vouched for the address; null for password sign-ups (not verified). */
  @Column({ name: 'email_verified_at', type: Date, nullable: true })
  emailVerifiedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
