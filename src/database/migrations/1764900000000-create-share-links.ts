import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Share links (issue 17): read-only links to a result. Only the SHA-256 of a link's token is stored (a leaked
 * table opens nothing), with its last four characters so that the owner can tell links apart. The subject is a
 * kind and an id, with no foreign key to its table (simulations today, comparisons later): a link whose subject is
 * gone answers 404 and is removed when it is next read. The owner's rows go with the account (ON DELETE CASCADE).
 */
export class CreateShareLinks1764900000000 implements MigrationInterface {
  name = 'CreateShareLinks1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'share_links',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'subject_kind', type: 'varchar', length: '16' },
          { name: 'subject_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'token_hint', type: 'varchar', length: '8' },
          { name: 'created_at', type: types.timestamp },
          { name: 'revoked_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    // The public read looks a link up by its token's hash; the owner lists a subject's links.
    await queryRunner.createIndex(
      'share_links',
      new TableIndex({ name: 'idx_share_links_token_hash', columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'share_links',
      new TableIndex({ name: 'idx_share_links_subject', columnNames: ['subject_kind', 'subject_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey(
      'share_links',
      new TableForeignKey({
        name: 'fk_share_links_user',
        columnNames: ['user_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('share_links');
  }
}
