import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { AccountForeignKeys1764800000000 } from '../../src/database/migrations/1764800000000-account-foreign-keys';
import { StoreSimulationTickersOnce1764930000000 } from '../../src/database/migrations/1764930000000-store-simulation-tickers-once';
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
    expect(await indexNames(dataSource, 'projections')).toContain('idx_projections_unfinished');
    // Share links: the public read finds a link by its token's hash (unique); the owner lists a subject's links.
    expect(await indexNames(dataSource, 'share_links')).toEqual(
      expect.arrayContaining(['idx_share_links_subject', 'idx_share_links_token_hash']),
    );
    // Comparisons: a user's list newest first; the recovery sweep's unfinished ones, oldest first.
    expect(await indexNames(dataSource, 'comparisons')).toEqual(
      expect.arrayContaining(['idx_comparisons_user_created', 'idx_comparisons_unfinished']),
    );
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

/** Index names and definitions of a table, to compare before and after SQLite rebuilds it. */
async function indexesOf(dataSource: DataSource, table: string): Promise<string[]> {
  const rows =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT indexdef AS sql FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`, [
          table,
        ])
      : await dataSource.query(
          `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`,
          [table],
        );
  return (rows as { sql: string }[]).map((row) => row.sql.replace(/\s+/g, ' '));
}

describe.each([
  ['PostgreSQL', async () => ({ kind: 'postgres' as const, url: await testDatabaseUrl('account_fks'), poolSize: 2 })],
  ['SQLite', async () => ({ kind: 'sqlite' as const, path: temporarySqlitePath().path })],
])('account foreign keys on %s', (_, database) => {
  const ADA = '00000000-0000-4000-8000-00000000000a';
  const ACCOUNT_FOREIGN_KEYS = MIGRATIONS.indexOf(AccountForeignKeys1764800000000);
  const GONE = '00000000-0000-4000-8000-0000000000ff';
  let options: Awaited<ReturnType<typeof database>>;
  let dataSource: DataSource;
  let run: (sql: string, parameters?: unknown[]) => Promise<unknown>;
  const count = async (sql: string) => Number(((await run(sql)) as { n: number | string }[])[0].n);

  /** A user's simulation with its ticker and result, a report, an upload with a price and coverage. */
  async function ownedRows(userId: string, suffix: string): Promise<void> {
    const simulation = `10000000-0000-4000-8000-0000000000${suffix}`;
    const asset = `20000000-0000-4000-8000-0000000000${suffix}`;
    const now = '2026-01-02 03:04:05';
    await run(
      `INSERT INTO simulations (id, user_id, command, canonical, parsed_command, tickers, start_date, end_date, status, created_at)
       VALUES ('${simulation}', '${userId}', 'c', 'c', '{}', 'AAPL', '2020-01-01', '2021-01-01', 'completed', '${now}')`,
    );
    await run(`INSERT INTO simulation_tickers (simulation_id, ticker) VALUES ('${simulation}', 'AAPL')`);
    await run(
      `INSERT INTO simulation_results (simulation_id, metrics, summary, series, trades, created_at)
       VALUES ('${simulation}', '{}', '{}', ${blob(options.kind)}, ${blob(options.kind)}, '${now}')`,
    );
    await run(
      `INSERT INTO reports (id, user_id, simulation_id, status, created_at)
       VALUES ('30000000-0000-4000-8000-0000000000${suffix}', '${userId}', '${simulation}', 'queued', '${now}')`,
    );
    await run(
      `INSERT INTO assets (id, ticker, source, owner_id) VALUES ('${asset}', 'MINE${suffix}', 'upload', '${userId}')`,
    );
    await run(`INSERT INTO prices (asset_id, date, adj_close) VALUES ('${asset}', '2020-01-02', 1.5)`);
    await run(
      `INSERT INTO price_coverage (asset_id, start_date, end_date) VALUES ('${asset}', '2020-01-02', '2020-01-02')`,
    );
  }
  const blob = (kind: string) => (kind === 'postgres' ? `'\\x00'::bytea` : `x'00'`);
  const TABLES = [
    'simulations',
    'simulation_tickers',
    'simulation_results',
    'reports',
    'assets',
    'prices',
    'price_coverage',
  ];
  const rowsPerTable = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = await count(`SELECT COUNT(*) AS n FROM ${table}`);
    return counts;
  };

  beforeAll(async () => {
    options = await database();
    // Everything before the new migration, with data written as the old schema allowed (orphans included).
    const before = new DataSource({
      ...buildDataSourceOptions({ ...options, migrationsRun: false }),
      migrations: MIGRATIONS.slice(0, ACCOUNT_FOREIGN_KEYS),
    });
    await before.initialize();
    await before.runMigrations();
    dataSource = before;
    run = (sql, parameters) => dataSource.query(sql, parameters);
    await run(
      `INSERT INTO users (id, email, created_at, updated_at) VALUES ('${ADA}', 'ada@example.com', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
    );
    for (const [family, created] of [
      ['f1', '2026-01-01 00:00:00'],
      ['f1', '2026-01-01 00:15:00'],
      ['f2', '2026-01-03 00:00:00'],
    ]) {
      await run(
        `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)
         VALUES ('${family}-${created}', '${ADA}', '${family}', '${family}${created}', '${created}', '2027-01-01 00:00:00')`,
      );
    }
    await ownedRows(ADA, '01');
    await ownedRows(GONE, '02');
    await before.destroy();

    // Up to this migration only: later ones (new indexes) are not what is checked here.
    dataSource = new DataSource({
      ...buildDataSourceOptions({ ...options, migrationsRun: false }),
      migrations: MIGRATIONS.slice(0, ACCOUNT_FOREIGN_KEYS + 1),
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('removes rows of users that no longer exist, keeps the rest and every index', async () => {
    const indexesBefore = await Promise.all(['simulations', 'reports', 'assets'].map((t) => indexesOf(dataSource, t)));
    expect(await rowsPerTable()).toEqual(Object.fromEntries(TABLES.map((table) => [table, 2])));
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(['AccountForeignKeys1764800000000']);
    expect(await rowsPerTable()).toEqual(Object.fromEntries(TABLES.map((table) => [table, 1])));
    expect(await count(`SELECT COUNT(*) AS n FROM simulations WHERE user_id = '${ADA}'`)).toBe(1);
    // The partial unique indexes (idempotency keys, owned tickers) survive SQLite's table rebuild.
    const indexesAfter = await Promise.all(['simulations', 'reports', 'assets'].map((t) => indexesOf(dataSource, t)));
    expect(indexesAfter).toEqual(indexesBefore);
    // Each family's tokens carry the time of its sign-in: its first token's creation.
    const signedIn = (await run(
      `SELECT family_id AS family, signed_in_at AS "signedInAt" FROM refresh_tokens ORDER BY id`,
    )) as { family: string; signedInAt: Date | string }[];
    expect(signedIn.map((row) => [row.family, new Date(row.signedInAt).getTime()])).toEqual([
      ['f1', new Date('2026-01-01T00:00:00Z').getTime()],
      ['f1', new Date('2026-01-01T00:00:00Z').getTime()],
      ['f2', new Date('2026-01-03T00:00:00Z').getTime()],
    ]);
  });

  it('deletes everything a user owns with the user, and refuses rows for a user who does not exist', async () => {
    await expect(ownedRows(GONE, '03')).rejects.toThrow(/foreign key/i);
    await run(`DELETE FROM users WHERE id = '${ADA}'`);
    expect(await rowsPerTable()).toEqual(Object.fromEntries(TABLES.map((table) => [table, 0])));
    expect(await count(`SELECT COUNT(*) AS n FROM refresh_tokens`)).toBe(0);
  });

  it('reverts to the old schema and applies again', async () => {
    await dataSource.undoLastMigration();
    await ownedRows(GONE, '04');
    expect(await count(`SELECT COUNT(*) AS n FROM simulations`)).toBe(1);
    await expect(dataSource.runMigrations()).resolves.toHaveLength(1);
    expect(await count(`SELECT COUNT(*) AS n FROM simulations`)).toBe(0);
  });
});

describe.each([
  ['PostgreSQL', async () => ({ kind: 'postgres' as const, url: await testDatabaseUrl('tickers_once'), poolSize: 2 })],
  ['SQLite', async () => ({ kind: 'sqlite' as const, path: temporarySqlitePath().path })],
])('simulation tickers stored once on %s', (_, database) => {
  const USER = '00000000-0000-4000-8000-00000000000b';
  const LEVERED = '10000000-0000-4000-8000-0000000000a1';
  const PLAIN = '10000000-0000-4000-8000-0000000000a2';
  const TICKERS_ONCE = MIGRATIONS.indexOf(StoreSimulationTickersOnce1764930000000);
  let dataSource: DataSource;
  const run = (sql: string) => dataSource.query(sql) as Promise<Record<string, unknown>[]>;
  const tickerRows = async () =>
    // Sorted here: PostgreSQL's collation and SQLite's byte order disagree on ^ and ?.
    (await run(`SELECT simulation_id AS id, ticker FROM simulation_tickers`))
      .map((row) => `${String(row.id).slice(-2)} ${String(row.ticker)}`)
      .sort();

  beforeAll(async () => {
    const options = await database();
    // The schema before the migration, with rows as the old code wrote them.
    const before = new DataSource({
      ...buildDataSourceOptions({ ...options, migrationsRun: false }),
      migrations: MIGRATIONS.slice(0, TICKERS_ONCE),
    });
    await before.initialize();
    await before.runMigrations();
    await before.query(
      `INSERT INTO users (id, email, created_at, updated_at) VALUES ('${USER}', 'bo@example.com', '2026-01-01 00:00:00', '2026-01-01 00:00:00')`,
    );
    const simulation = (id: string, parsed: object, tickers: string) =>
      before.query(
        `INSERT INTO simulations (id, user_id, command, canonical, parsed_command, tickers, start_date, end_date, status, created_at)
         VALUES ('${id}', '${USER}', 'c', 'c', '${JSON.stringify(parsed)}', '${tickers}', '2020-01-01', '2021-01-01', 'completed', '2026-01-02 03:04:05')`,
      );
    const withBenchmark = (benchmark: string | null) => ({ benchmark, rebalance: 'none' });
    await simulation(
      LEVERED,
      {
        positions: [
          { ticker: 'SPY?L=2', side: 'L', weightPercent: 60 },
          { ticker: 'CASH', side: 'L', weightPercent: 10 },
          { ticker: '^GSPC', side: 'L', weightPercent: 30 },
        ],
        start: '2020-01-01',
        end: '2021-01-01',
        options: withBenchmark('^GSPC'),
      },
      'SPY?L=2 ^GSPC ^GSPC',
    );
    for (const ticker of ['SPY?L=2', '^GSPC', 'SPY'])
      await before.query(`INSERT INTO simulation_tickers (simulation_id, ticker) VALUES ('${LEVERED}', '${ticker}')`);
    // A row whose ticker rows were lost: the column still names KO.
    await simulation(
      PLAIN,
      {
        positions: [{ ticker: 'KO', side: 'L', weightPercent: 100 }],
        start: '2020-01-01',
        end: '2021-01-01',
        options: withBenchmark(null),
      },
      'KO',
    );
    await before.destroy();

    dataSource = new DataSource({
      ...buildDataSourceOptions({ ...options, migrationsRun: false }),
      migrations: MIGRATIONS.slice(0, TICKERS_ONCE + 1),
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('drops the column, keeping a row for every ticker it named', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(['StoreSimulationTickersOnce1764930000000']);
    const [row] = await run(`SELECT * FROM simulations WHERE id = '${PLAIN}'`);
    expect(Object.keys(row)).not.toContain('tickers');
    expect(await tickerRows()).toEqual(['a1 SPY', 'a1 SPY?L=2', 'a1 ^GSPC', 'a2 KO']);
  });

  it('reverts to the column, filled from each parsed command as the old code wrote it', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await run(`SELECT id, tickers FROM simulations ORDER BY id`)).toEqual([
      { id: LEVERED, tickers: 'SPY?L=2 ^GSPC ^GSPC' },
      { id: PLAIN, tickers: 'KO' },
    ]);
    // The old code inserts the column without a default; rows keep theirs and the migration applies again.
    await expect(dataSource.runMigrations()).resolves.toHaveLength(1);
    expect(await tickerRows()).toEqual(['a1 SPY', 'a1 SPY?L=2', 'a1 ^GSPC', 'a2 KO']);
  });
});
