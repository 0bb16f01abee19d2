import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL tries to compress (pglz) every large value it stores. A result's series is raw Float64 data and its
 * trades are already deflated: pglz gains nothing on either, but trying cost a fifth of the database's CPU in
 * the pipeline bench. EXTERNAL keeps them out of line, uncompressed. (SQLite never compresses: nothing to do.)
 */
export class StoreResultsUncompressed1764700000000 implements MigrationInterface {
  name = 'StoreResultsUncompressed1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      'ALTER TABLE simulation_results ALTER COLUMN series SET STORAGE EXTERNAL, ALTER COLUMN trades SET STORAGE EXTERNAL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      'ALTER TABLE simulation_results ALTER COLUMN series SET STORAGE EXTENDED, ALTER COLUMN trades SET STORAGE EXTENDED',
    );
  }
}
