import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recovery sweep (JobRecovery) lists, every QUEUE_RECOVERY_MS in each worker, the simulations and reports
 * still queued or running, oldest first. Partial indexes keep that a read of the few unfinished rows, however
 * long the history grows. PostgreSQL and SQLite both index a WHERE clause.
 */
export class IndexUnfinishedWork1764810000000 implements MigrationInterface {
  name = 'IndexUnfinishedWork1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX idx_simulations_unfinished ON simulations (created_at, id) WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE INDEX idx_reports_unfinished ON reports (created_at, id) WHERE status IN ('queued', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idx_reports_unfinished');
    await queryRunner.query('DROP INDEX idx_simulations_unfinished');
  }
}
