import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/** Simulation history: one row per submitted simulation, its tickers, and the stored result. */
export class CreateSimulations1764300000000 implements MigrationInterface {
  name = 'CreateSimulations1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    const double = types.postgres ? 'double precision' : 'real';
    await queryRunner.createTable(
      new Table({
        name: 'simulations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'command', type: 'text' },
          { name: 'canonical', type: 'text' },
          { name: 'parsed_command', type: 'text' },
          { name: 'tickers', type: 'text' },
          { name: 'start_date', type: 'varchar', length: '10' },
          { name: 'end_date', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress_phase', type: 'varchar', length: '60', isNullable: true },
          { name: 'progress_percent', type: 'integer', default: 0 },
          { name: 'failure_reason', type: 'text', isNullable: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'cagr', type: double, isNullable: true },
          { name: 'sharpe', type: double, isNullable: true },
          { name: 'max_drawdown', type: double, isNullable: true },
          { name: 'total_return', type: double, isNullable: true },
          { name: 'created_at', type: types.timestamp },
          { name: 'started_at', type: types.timestamp, isNullable: true },
          { name: 'finished_at', type: types.timestamp, isNullable: true },
        ],
      }),
    );
    // Lists are per user, newest first; the status filter and the idempotency look-up have their own.
    await queryRunner.createIndex(
      'simulations',
      new TableIndex({ name: 'idx_simulations_user_created', columnNames: ['user_id', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'simulations',
      new TableIndex({ name: 'idx_simulations_user_status', columnNames: ['user_id', 'status', 'created_at'] }),
    );
    await queryRunner.createIndex(
      'simulations',
      new TableIndex({
        name: 'uq_simulations_user_idempotency',
        columnNames: ['user_id', 'idempotency_key'],
        isUnique: true,
        where: 'idempotency_key IS NOT NULL',
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'simulation_tickers',
        columns: [
          { name: 'simulation_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ticker', type: 'varchar', length: '40', isPrimary: true },
          { name: 'is_benchmark', type: 'boolean', default: false },
        ],
        foreignKeys: [
          {
            columnNames: ['simulation_id'],
            referencedTableName: 'simulations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'simulation_tickers',
      new TableIndex({ name: 'idx_simulation_tickers_ticker', columnNames: ['ticker', 'simulation_id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'simulation_results',
        columns: [
          { name: 'simulation_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'metrics', type: 'text' },
          { name: 'summary', type: 'text' },
          { name: 'series', type: types.postgres ? 'bytea' : 'blob' },
          { name: 'trades', type: types.postgres ? 'bytea' : 'blob' },
          { name: 'created_at', type: types.timestamp },
        ],
        foreignKeys: [
          {
            columnNames: ['simulation_id'],
            referencedTableName: 'simulations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('simulation_results');
    await queryRunner.dropTable('simulation_tickers');
    await queryRunner.dropTable('simulations');
  }
}
