import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { isoOfDay, isoToDayNumber } from '../../engine/dates/iso-days';
import { LOAD_PAGE_ROWS, MarketDataRepository, UPSERT_CHUNK_ROWS } from './market-data.repository';
import type { AssetMetadata, PriceRow } from './market-data.types';

const metadata = (ticker: string, name: string | null = null): AssetMetadata => ({
  ticker,
  name,
  currency: 'USD',
  exchange: 'NMS',
  type: 'EQUITY',
});

const row = (date: string, adjClose: number, changes: Partial<PriceRow> = {}): PriceRow => ({
  date,
  close: adjClose + 1,
  adjClose,
  dividend: null,
  splitRatio: null,
  ...changes,
});

/** `count` consecutive calendar days from `start`, with prices that say which day they are. */
function days(start: string, count: number): PriceRow[] {
  const first = isoToDayNumber(start);
  return Array.from({ length: count }, (_, i) => row(isoOfDay(first + i), 100 + i));
}

/**
 * The market-data tables on each database: prices are upserted (a second write of a day replaces it), coverage
 * is stored merged, a series is read back whole across pages, and searches see public assets and the user's own
 * uploads only.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('MarketDataRepository on %s', (kind) => {
  let db: JobDatabase;
  let market: MarketDataRepository;
  /** Tickers unique to this run of the file: the database is shared by its tests. */
  const tag = randomUUID().slice(0, 6).toUpperCase();

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    market = new MarketDataRepository(db.dataSource);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('creates an asset once per ticker and source; a user upload of the same ticker is another asset', async () => {
    const key = { ticker: `A${tag}`, source: 'yahoo' as const, ownerId: null };
    const created = await market.findOrCreateAsset(key, metadata(key.ticker, 'Apple'));
    expect(await market.findOrCreateAsset(key, metadata(key.ticker, 'ignored'))).toMatchObject({
      id: created.id,
      name: 'Apple',
    });
    expect((await market.findOrCreateAsset({ ...key, source: 'sample' }, metadata(key.ticker))).id).not.toBe(
      created.id,
    );
    const upload = await market.saveUpload(await db.newUser(), key.ticker, [row('2020-01-02', 10)]);
    expect(upload).toMatchObject({ ticker: key.ticker, source: 'upload', type: 'UPLOAD' });
    expect(upload.id).not.toBe(created.id);
    expect(await market.findAsset(key)).toMatchObject({ id: created.id });
  });

  it('saves fetched prices with merged coverage and fresh metadata; a day written again is replaced', async () => {
    const key = { ticker: `F${tag}`, source: 'yahoo' as const, ownerId: null };
    const asset = await market.saveFetched(
      key,
      metadata(key.ticker, 'Old name'),
      [row('2020-01-02', 10)],
      [{ start: '2020-01-01', end: '2020-01-05' }],
    );
    await market.saveFetched(
      key,
      metadata(key.ticker, 'New name'),
      [
        row('2020-01-02', 11, { close: null, dividend: 0.5 }),
        row('2020-01-06', 12, { splitRatio: 2 }),
        row('2020-01-20', 13),
      ],
      [
        { start: '2020-01-06', end: '2020-01-10' },
        { start: '2020-01-20', end: '2020-01-31' },
      ],
    );
    expect(await market.countPrices(asset.id)).toBe(3);
    expect(await market.coverage(asset.id)).toEqual([
      { start: '2020-01-01', end: '2020-01-10' },
      { start: '2020-01-20', end: '2020-01-31' },
    ]);
    const series = await market.loadSeries((await market.findAsset(key))!);
    expect(series.metadata).toEqual(metadata(key.ticker, 'New name'));
    expect(Array.from(series.days).map(isoOfDay)).toEqual(['2020-01-02', '2020-01-06', '2020-01-20']);
    expect(Array.from(series.adjClose)).toEqual([11, 12, 13]);
    expect(Array.from(series.close)).toEqual([Number.NaN, 13, 14]);
    expect(series.dividends).toEqual([[isoToDayNumber('2020-01-02'), 0.5]]);
    expect(series.splits).toEqual([[isoToDayNumber('2020-01-06'), 2]]);
  });

  it('writes and reads back a series longer than a write chunk and a read page, in date order', async () => {
    const count = LOAD_PAGE_ROWS + 7;
    expect(count).toBeGreaterThan(UPSERT_CHUNK_ROWS);
    const rows = days('1990-01-01', count).reverse();
    const asset = await market.saveUpload(await db.newUser(), `L${tag}`, rows);
    const series = await market.loadSeries(asset);
    expect(series.days.length).toBe(count);
    expect(isoOfDay(series.days[0])).toBe('1990-01-01');
    expect(series.adjClose[0]).toBe(100);
    expect(series.adjClose[LOAD_PAGE_ROWS]).toBe(100 + LOAD_PAGE_ROWS);
    expect(series.days.every((day, i) => i === 0 || day === series.days[i - 1] + 1)).toBe(true);
  });

  it("searches tickers and names of public assets and the user's own uploads, escaping LIKE wildcards", async () => {
    // A tag of its own: the tickers of the other tests match the file's tag.
    const q = `Q${randomUUID().slice(0, 5).toUpperCase()}`;
    const owner = await db.newUser();
    const stranger = await db.newUser();
    await market.findOrCreateAsset({ ticker: `S${q}`, source: 'yahoo', ownerId: null }, metadata(`S${q}`));
    await market.findOrCreateAsset(
      { ticker: `N${q}`, source: 'yahoo', ownerId: null },
      metadata(`N${q}`, `Search ${q} 100% Corp`),
    );
    await market.saveUpload(owner, `U${q}`, [row('2020-01-02', 1)]);

    const tickers = (assets: { ticker: string }[]) => assets.map((asset) => asset.ticker);
    expect(tickers(await market.searchAssets(q.toLowerCase(), owner, 10))).toEqual([`N${q}`, `S${q}`, `U${q}`]);
    expect(tickers(await market.searchAssets(q, stranger, 10))).toEqual([`N${q}`, `S${q}`]);
    expect(tickers(await market.searchAssets(q, null, 10))).toEqual([`N${q}`, `S${q}`]);
    expect(tickers(await market.searchAssets(q, owner, 2))).toEqual([`N${q}`, `S${q}`]);
    expect(tickers(await market.searchAssets(`${q} 100%`, owner, 10))).toEqual([`N${q}`]);
    expect(tickers(await market.searchAssets(`${q} 1_0%`, owner, 10))).toEqual([]);
    expect(tickers(await market.searchAssets(`${q}%`, owner, 10))).toEqual([]);
  });

  it("lists distinct stored tickers a user may see: public ones and the user's own uploads", async () => {
    const owner = await db.newUser();
    const ticker = `T${tag}`;
    await market.findOrCreateAsset({ ticker, source: 'yahoo', ownerId: null }, metadata(ticker));
    await market.findOrCreateAsset({ ticker, source: 'sample', ownerId: null }, metadata(ticker));
    await market.saveUpload(owner, `V${tag}`, [row('2020-01-02', 1)]);
    const mine = await market.storedTickers(owner);
    expect(mine.filter((one) => one === ticker)).toHaveLength(1);
    expect(mine).toContain(`V${tag}`);
    expect(await market.storedTickers(null)).not.toContain(`V${tag}`);
    expect(await market.storedTickers(await db.newUser())).not.toContain(`V${tag}`);
    expect(await market.storedTickers(owner, 1)).toHaveLength(1);
  });
});
