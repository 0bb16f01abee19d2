import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';
import { columnTypes } from './column-types';

/** The tables whose rows belong to a user, by the column naming the owner. */
const OWNED = [
  { table: 'simulations', column: 'user_id', foreignKey: 'fk_simulations_user' },
  { table: 'reports', column: 'user_id', foreignKey: 'fk_reports_user' },
  { table: 'assets', column: 'owner_id', foreignKey: 'fk_assets_owner' },
] as const;

/**
 * Everything a user owns goes with the user: simulations (and through them their tickers and results), reports
 * and uploaded assets (and their prices) get a foreign key to users with ON DELETE CASCADE, so deleting the
 * account (DELETE /auth/me) removes them in the same statement, and no row can be written for a user who no
 * longer exists. Rows already orphaned (no such user; unreachable by anyone) are removed first, children
 * explicitly: SQLite runs migrations with foreign keys off. On SQLite adding a foreign key rebuilds the table
 * (TypeORM copies it), indexes included.
 *
 * Also refresh_tokens.signed_in_at: when the sign-in that started a token family happened, carried through every
 * rotation, so an access token can say how fresh its sign-in is (`auth_time`): deleting an account without the
 * password needs a recent sign-in.
 */
export class AccountForeignKeys1764800000000 implements MigrationInterface {
  name = 'AccountForeignKeys1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const orphan = (column: string) => `${column} NOT IN (SELECT id FROM users)`;
    const orphanSimulations = `SELECT id FROM simulations WHERE ${orphan('user_id')}`;
    const orphanAssets = `SELECT id FROM assets WHERE owner_id IS NOT NULL AND ${orphan('owner_id')}`;
    await queryRunner.query(`DELETE FROM simulation_results WHERE simulation_id IN (${orphanSimulations})`);
    await queryRunner.query(`DELETE FROM simulation_tickers WHERE simulation_id IN (${orphanSimulations})`);
    await queryRunner.query(`DELETE FROM simulations WHERE ${orphan('user_id')}`);
    await queryRunner.query(`DELETE FROM reports WHERE ${orphan('user_id')}`);
    await queryRunner.query(`DELETE FROM prices WHERE asset_id IN (${orphanAssets})`);
    await queryRunner.query(`DELETE FROM price_coverage WHERE asset_id IN (${orphanAssets})`);
    await queryRunner.query(`DELETE FROM assets WHERE owner_id IS NOT NULL AND ${orphan('owner_id')}`);
    await queryRunner.query(`DELETE FROM refresh_tokens WHERE ${orphan('user_id')}`);
    for (const { table, column, foreignKey } of OWNED) {
      await queryRunner.createForeignKey(
        table,
        new TableForeignKey({
          name: foreignKey,
          columnNames: [column],
          referencedTableName: 'users',
          referencedColumnNames: ['id'],
          onDelete: 'CASCADE',
        }),
      );
    }

    const types = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'refresh_tokens',
      new TableColumn({ name: 'signed_in_at', type: types.timestamp, isNullable: true }),
    );
    // The family's first token was issued at its sign-in.
    await queryRunner.query(
      `UPDATE refresh_tokens SET signed_in_at =
         (SELECT MIN(family.created_at) FROM refresh_tokens family WHERE family.family_id = refresh_tokens.family_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('refresh_tokens', 'signed_in_at');
    for (const { table, foreignKey } of [...OWNED].reverse()) await queryRunner.dropForeignKey(table, foreignKey);
  }
}
