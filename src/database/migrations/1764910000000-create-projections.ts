import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Projections: one row per requested Monte Carlo projection of a simulation (docs/projections.md), with the shared
 * job columns (docs/jobs.md), the validated inputs and, once completed, the outputs (JSON text: a few hundred
 * numbers per band). A projection belongs to its user and to its simulation: foreign keys with ON DELETE CASCADE
 * remove it with either (a projection has no files, so no listener is needed, unlike reports).
 */
export class CreateProjections1764910000000 implements MigrationInterface {
  name = 'CreateProjections1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'projections',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'simulation_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress_phase', type: 'varchar', length: '60', isNullable: true },
          { name: 'progress_percent', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'failure_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'inputs', type: 'text' },
          { name: 'outputs', type: 'text', isNullable: true },
          { name: 'created_at', type: types.timestamp },
          { name: 'started_at', type: types.timestamp, isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
        foreignKeys: [
          {
            name: 'fk_projections_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_projections_simulation',
            columnNames: ['simulation_id'],
            referencedTableName: 'simulations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'projections',
      new TableIndex({ name: 'idx_projections_simulation', columnNames: ['simulation_id', 'created_at'] }),
    );
    // The recovery sweep's: unfinished projections, oldest first.
    await queryRunner.query(
      `CREATE INDEX idx_projections_unfinished ON projections (created_at, id) WHERE status IN ('queued', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('projections');
  }
}
