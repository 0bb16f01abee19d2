import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Reports: one row per requested workbook of a simulation. No foreign key to simulations: the report
 * module removes its rows and files when it hears history.deleted, so the two modules stay decoupled.
 */
export class CreateReports1764600000000 implements MigrationInterface {
  name = 'CreateReports1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reports',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'simulation_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress_phase', type: 'varchar', length: '60', isNullable: true },
          { name: 'progress_percent', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'failure_code', type: 'varchar', length: '60', isNullable: true },
          { name: 'storage_key', type: 'varchar', length: '300', isNullable: true },
          { name: 'file_name', type: 'varchar', length: '200', isNullable: true },
          { name: 'size_bytes', type: 'integer', isNullable: true },
          { name: 'created_at', type: types.timestamp },
          { name: 'started_at', type: types.timestamp, isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    // Reuse looks up a user's latest report of a simulation; the clean-up finds all reports of one.
    await queryRunner.createIndex(
      'reports',
      new TableIndex({ name: 'idx_reports_user_simulation', columnNames: ['user_id', 'simulation_id', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'reports',
      new TableIndex({ name: 'idx_reports_simulation', columnNames: ['simulation_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reports');
  }
}
