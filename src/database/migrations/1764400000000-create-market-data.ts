import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from './column-types';

/**
 * Market data: assets (public per ticker and source, or owned by the user who uploaded them), their daily
 * prices (unique per asset and date) and the date ranges already asked of each asset's provider.
 */
export class CreateMarketData1764400000000 implements MigrationInterface {
  name = 'CreateMarketData1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'assets',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'ticker', type: 'varchar', length: '32' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'owner_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'name', type: 'varchar', length: '200', isNullable: true },
          { name: 'currency', type: 'varchar', length: '16', isNullable: true },
          { name: 'exchange', type: 'varchar', length: '100', isNullable: true },
          { name: 'type', type: 'varchar', length: '40', isNullable: true },
          { name: 'created_at', type: types.timestamp, default: types.now },
          { name: 'updated_at', type: types.timestamp, default: types.now },
        ],
      }),
    );
    // NULLs never collide in a unique index: public and owned assets get one partial index each.
    await queryRunner.createIndex(
      'assets',
      new TableIndex({
        name: 'uq_assets_public_ticker_source',
        columnNames: ['ticker', 'source'],
        isUnique: true,
        where: 'owner_id IS NULL',
      }),
    );
    await queryRunner.createIndex(
      'assets',
      new TableIndex({
        name: 'uq_assets_owner_ticker',
        columnNames: ['owner_id', 'ticker'],
        isUnique: true,
        where: 'owner_id IS NOT NULL',
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'prices',
        columns: [
          { name: 'asset_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'close', type: 'double precision', isNullable: true },
          { name: 'adj_close', type: 'double precision' },
          { name: 'dividend', type: 'double precision', isNullable: true },
          { name: 'split_ratio', type: 'double precision', isNullable: true },
        ],
        foreignKeys: [
          {
            name: 'fk_prices_asset',
            columnNames: ['asset_id'],
            referencedTableName: 'assets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'price_coverage',
        columns: [
          { name: 'asset_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'start_date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'end_date', type: 'varchar', length: '10' },
        ],
        foreignKeys: [
          {
            name: 'fk_price_coverage_asset',
            columnNames: ['asset_id'],
            referencedTableName: 'assets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('price_coverage');
    await queryRunner.dropTable('prices');
    await queryRunner.dropTable('assets');
  }
}
