import { MigrationInterface, QueryRunner } from 'typeorm';
import { columnTypes } from './column-types';

/** Rows read per round trip while moving tickers: bounded memory on a large history. */
const BATCH = 500;

/**
 * A simulation's tickers were stored twice: the simulations.tickers column (space-separated, positions then
 * benchmark, for display) and simulation_tickers rows (what GET /history?ticker= filters on, through an index).
 * The rows stay; the column goes: the tickers shown are read from the stored parsed command (commandTickers),
 * which the column only ever repeated. Before dropping it, any ticker of the column without its row gets one, so
 * the filter keeps finding every simulation by what it showed.
 *
 * Down adds the column back and fills it from each parsed command as the old code wrote it: the positions'
 * tickers without CASH, then the benchmark. (On SQLite the restored column keeps a '' default: SQLite cannot
 * drop a default without rebuilding the table.)
 */
export class StoreSimulationTickersOnce1764930000000 implements MigrationInterface {
  name = 'StoreSimulationTickersOnce1764930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = placeholders(queryRunner);
    for await (const rows of batches<{ id: string; tickers: string }>(queryRunner, 'id, tickers')) {
      const ids = rows.map((row) => row.id);
      const existing = (await queryRunner.query(
        `SELECT simulation_id AS id, ticker FROM simulation_tickers WHERE simulation_id IN (${sql.list(ids.length)})`,
        ids,
      )) as { id: string; ticker: string }[];
      const present = new Set(existing.map((row) => `${row.id} ${row.ticker}`));
      for (const row of rows) {
        for (const ticker of new Set(row.tickers.split(' ').filter((one) => one.length > 0))) {
          if (present.has(`${row.id} ${ticker}`)) continue;
          // Which of them was the benchmark the column does not say; nothing reads the flag.
          await queryRunner.query(
            `INSERT INTO simulation_tickers (simulation_id, ticker, is_benchmark) VALUES (${sql.list(3)})`,
            [row.id, ticker, false],
          );
        }
      }
    }
    await queryRunner.query('ALTER TABLE simulations DROP COLUMN tickers');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = placeholders(queryRunner);
    await queryRunner.query(`ALTER TABLE simulations ADD COLUMN tickers text NOT NULL DEFAULT ''`);
    for await (const rows of batches<{ id: string; parsed: string }>(queryRunner, 'id, parsed_command AS parsed')) {
      for (const row of rows) {
        await queryRunner.query(`UPDATE simulations SET tickers = ${sql.at(1)} WHERE id = ${sql.at(2)}`, [
          tickersAsTheColumnHeldThem(row.parsed).join(' '),
          row.id,
        ]);
      }
    }
    if (columnTypes(queryRunner).postgres) {
      await queryRunner.query('ALTER TABLE simulations ALTER COLUMN tickers DROP DEFAULT');
    }
  }
}

/** The simulations rows' `columns`, BATCH at a time in id order. */
async function* batches<Row extends { id: string }>(queryRunner: QueryRunner, columns: string): AsyncGenerator<Row[]> {
  const sql = placeholders(queryRunner);
  let after = '';
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT ${columns} FROM simulations WHERE id > ${sql.at(1)} ORDER BY id LIMIT ${BATCH}`,
      [after],
    )) as Row[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}

/**
 * The old column's value, from the parsed command as stored (a snapshot of what the code wrote then, kept here so
 * that the migration does not change when the engine does): position tickers without CASH, then the benchmark.
 */
function tickersAsTheColumnHeldThem(parsedCommandJson: string): string[] {
  const command = JSON.parse(parsedCommandJson) as {
    positions?: { ticker?: unknown }[];
    options?: { benchmark?: unknown };
  };
  const positions = (command.positions ?? [])
    .map((position) => position.ticker)
    .filter((ticker): ticker is string => typeof ticker === 'string' && ticker !== 'CASH');
  const benchmark = command.options?.benchmark;
  return typeof benchmark === 'string' ? [...positions, benchmark] : positions;
}

/** Positional parameters: $n on PostgreSQL, ? on SQLite. */
function placeholders(queryRunner: QueryRunner) {
  const postgres = columnTypes(queryRunner).postgres;
  const at = (n: number) => (postgres ? `$${n}` : '?');
  return { at, list: (count: number) => Array.from({ length: count }, (_, index) => at(index + 1)).join(', ') };
}
