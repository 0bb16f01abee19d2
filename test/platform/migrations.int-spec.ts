import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { testDatabaseUrl } from '../harness/test-services';
import { temporarySqlitePath } from '../support/test-app';

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
      : await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
        );
  return (rows as { name: string }[]).map((row) => row.name);
}

async function indexNames(dataSource: DataSource, table = 'event_outbox'): Promise<string[]> {
  const rows =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT indexname AS name FROM pg_indexes WHERE tablename = $1 ORDER BY 1`, [table])
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY 1`, [
          table,
        ]);
  return (rows as { name: string }[]).map((row) => row.name);
}

describe.each([
  ['PostgreSQL', async () => ({ kind: 'postgres' as const, url: await testDatabaseUrl('migrations'), poolSize: 2 })],
  ['SQLite', async () => ({ kind: 'sqlite' as const, path: temporarySqlitePath().path })],
])('migrations on %s', (_, database) => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(buildDataSourceOptions({ ...(await database()), migrationsRun: false }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('applies every migration up, then reverts each one down to an empty schema', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await tableNames(dataSource)).toEqual(expect.arrayContaining(['event_outbox', 'migrations']));
    expect(await indexNames(dataSource)).toEqual(
      expect.arrayContaining(['idx_event_outbox_published_at', 'idx_event_outbox_unpublished']),
    );
    // The recovery sweep's: unfinished simulations and reports, oldest first.
    expect(await indexNames(dataSource, 'simulations')).toContain('idx_simulations_unfinished');
    expect(await indexNames(dataSource, 'reports')).toContain('idx_reports_unfinished');
    expect(await dataSource.showMigrations()).toBe(false);

    for (let index = 0; index < MIGRATIONS.length; index += 1) await dataSource.undoLastMigration();
    expect(await tableNames(dataSource)).toEqual(['migrations']);
    expect(await dataSource.query('SELECT COUNT(*) AS count FROM migrations')).toEqual([
      { count: dataSource.options.type === 'postgres' ? '0' : 0 },
    ]);

    // And up again: down left nothing behind that would block a second run.
    await dataSource.runMigrations();
    expect(await tableNames(dataSource)).toContain('event_outbox');
  });

  it('stores and reads outbox rows with their timestamps intact', async () => {
    const createdAt = new Date('2024-03-01T12:34:56.789Z');
    await dataSource.query(
      `INSERT INTO event_outbox (id, topic, key, type, payload, created_at) VALUES (${
        dataSource.options.type === 'postgres' ? '$1, $2, $3, $4, $5, $6' : '?, ?, ?, ?, ?, ?'
      })`,
      [
        '2b1f2d0c-9a43-4a2e-8f0a-54d1c5f1e001',
        't',
        'k',
        'x.created',
        '{}',
        dataSource.options.type === 'postgres' ? createdAt : '2024-03-01 12:34:56.789',
      ],
    );
    const [row] = (await dataSource.query('SELECT seq, attempts, published_at FROM event_outbox')) as {
      seq: string | number;
      attempts: number;
      published_at: unknown;
    }[];
    expect(Number(row.seq)).toBe(1);
    expect(row.attempts).toBe(0);
    expect(row.published_at).toBeNull();
  });
});
