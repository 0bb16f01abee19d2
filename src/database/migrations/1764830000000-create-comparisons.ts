import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Comparisons: one row per comparison of 2 to 10 portfolios (a job kind, docs/jobs.md). The members and, once
 * completed, the outcome are JSON text. The owner's rows go with the account (ON DELETE CASCADE).
 */
export class CreateComparisons1764830000000 implements MigrationInterface {
  name = 'CreateComparisons1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'comparisons',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'period_mode', type: 'varchar', length: '8' },
          { name: 'members', type: 'text' },
          { name: 'simulation_ids', type: 'text', isNullable: true },
          { name: 'progress_phase', type: 'varchar', length: '60', isNullable: true },
          { name: 'progress_percent', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'failure_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'failure_member', type: 'integer', isNullable: true },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'created_at', type: types.timestamp },
          { name: 'started_at', type: types.timestamp, isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    // The list reads a user's comparisons newest first; the recovery sweep the unfinished ones oldest first.
    await queryRunner.createIndex(
      'comparisons',
      new TableIndex({ name: 'idx_comparisons_user_created', columnNames: ['user_id', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'comparisons',
      new TableIndex({ name: 'idx_comparisons_unfinished', columnNames: ['status', 'created_at'] }),
    );
    await queryRunner.createForeignKey(
      'comparisons',
      new TableForeignKey({
        name: 'fk_comparisons_user',
        columnNames: ['user_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('comparisons');
  }
}
