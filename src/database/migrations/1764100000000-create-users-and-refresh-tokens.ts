import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Accounts (users module) and their refresh tokens (auth module). A refresh token is stored only as the SHA-256
 * of its value; tokens that descend from one sign-in share a family_id, so reuse of a rotated token can revoke
 * the whole family.
 */
export class CreateUsersAndRefreshTokens1764100000000 implements MigrationInterface {
  name = 'CreateUsersAndRefreshTokens1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'google_subject', type: 'varchar', length: '255', isNullable: true },
          { name: 'display_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'email_verified_at', type: types.timestamp, isNullable: true },
          { name: 'created_at', type: types.timestamp, default: types.now },
          { name: 'updated_at', type: types.timestamp, default: types.now },
        ],
        indices: [
          new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true }),
          new TableIndex({ name: 'uq_users_google_subject', columnNames: ['google_subject'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'family_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: types.timestamp, default: types.now },
          { name: 'expires_at', type: types.timestamp },
          { name: 'revoked_at', type: types.timestamp, isNullable: true },
          { name: 'revoked_reason', type: 'varchar', length: '20', isNullable: true },
          { name: 'replaced_by', type: 'varchar', length: '36', isNullable: true },
        ],
        foreignKeys: [
          {
            name: 'fk_refresh_tokens_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          new TableIndex({ name: 'uq_refresh_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_refresh_tokens_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'idx_refresh_tokens_user', columnNames: ['user_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('refresh_tokens');
    await queryRunner.dropTable('users');
  }
}
