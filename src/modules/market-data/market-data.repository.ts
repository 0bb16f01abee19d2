import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import { executeSql } from '../../database/sql';
import { isoToDayNumber } from '../../engine/market/trading-calendar';
import { mergeRanges } from './date-ranges';
import { AssetEntity } from './entities/asset.entity';
import { PriceCoverageEntity } from './entities/price-coverage.entity';
import { PriceEntity } from './entities/price.entity';
import type { AssetMetadata, DateRange, PriceRow, PriceSource, StoredSeries } from './market-data.types';

/**
 * Rows per statement on PostgreSQL (one INSERT … SELECT FROM unnest(arrays) each), and rows written between two
 * yields to the event loop on SQLite (better-sqlite3 is synchronous: a 1,000-row chunk takes a few milliseconds).
 */
export const UPSERT_CHUNK_ROWS = 1000;
/** Rows read per query (milliseconds of work, synchronous on SQLite), with a yield between two pages. */
export const LOAD_PAGE_ROWS = 10_000;

const PRICE_UPDATE =
  'ON CONFLICT (asset_id, date) DO UPDATE SET close = excluded.close, adj_close = excluded.adj_close, ' +
  'dividend = excluded.dividend, split_ratio = excluded.split_ratio';
/** One row, prepared once and run row by row (better-sqlite3). */
const SQLITE_UPSERT = `INSERT INTO prices (asset_id, date, close, adj_close, dividend, split_ratio) VALUES (?, ?, ?, ?, ?, ?) ${PRICE_UPDATE}`;
/** One chunk as five arrays: the statement text never changes (prepared once per connection), cheap to build. */
const POSTGRES_UPSERT =
  'INSERT INTO prices (asset_id, date, close, adj_close, dividend, split_ratio) ' +
  'SELECT $1::varchar, * FROM unnest($2::varchar[], $3::float8[], $4::float8[], $5::float8[], $6::float8[]) ' +
  PRICE_UPDATE;
const SQLITE_LOAD_PAGE =
  'SELECT date, close, adj_close, dividend, split_ratio FROM prices WHERE asset_id = ? AND date > ? ' +
  'ORDER BY date LIMIT ?';
const POSTGRES_LOAD_PAGE =
  'SELECT date, close, adj_close, dividend, split_ratio FROM prices WHERE asset_id = $1 AND date > $2 ' +
  'ORDER BY date LIMIT $3';

/** One stored price as read: [date, close, adj_close, dividend, split_ratio]. */
type PriceTuple = [date: string, close: number | null, adjClose: number, dividend: number | null, split: number | null];

/** Price transactions at a time on PostgreSQL: a few pooled connections, the rest left to other requests. */
const PRICE_WRITERS_POSTGRES = 2;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** better-sqlite3's own handle when the database is SQLite (one connection: the transaction's too), else null. */
function sqliteDatabase(manager: EntityManager): BetterSqlite3.Database | null {
  if (manager.connection.options.type !== 'better-sqlite3') return null;
  return (manager.connection.driver as BetterSqlite3Driver).databaseConnection as BetterSqlite3.Database;
}

export interface AssetKey {
  ticker: string;
  source: PriceSource;
  /** null: a public asset; a user id: that user's upload. */
  ownerId: string | null;
}

/** The only code that touches TypeORM for market data. */
@Injectable()
export class MarketDataRepository {
  /** Price transactions running, and the ones waiting for a turn (see priceWrite). */
  private priceWriters = 0;
  private readonly priceWriteQueue: (() => void)[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAsset(key: AssetKey, manager: EntityManager = this.dataSource.manager): Promise<AssetEntity | null> {
    return manager.getRepository(AssetEntity).findOne({
      where: { ticker: key.ticker, source: key.source, ownerId: key.ownerId === null ? IsNull() : key.ownerId },
    });
  }

  /** Finds the asset or creates it; a concurrent creator (another process) wins harmlessly. */
  async findOrCreateAsset(
    key: AssetKey,
    metadata: AssetMetadata,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AssetEntity> {
    const existing = await this.findAsset(key, manager);
    if (existing) return existing;
    const now = new Date();
    const asset = manager.getRepository(AssetEntity).create({
      id: randomUUID(),
      ticker: key.ticker,
      source: key.source,
      ownerId: key.ownerId,
      name: metadata.name,
      currency: metadata.currency,
      exchange: metadata.exchange,
      type: metadata.type,
      createdAt: now,
      updatedAt: now,
    });
    await manager
      .createQueryBuilder()
      .insert()
      .into(AssetEntity)
      .values(asset)
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (await this.findAsset(key, manager))!;
  }

  async updateMetadata(assetId: string, metadata: AssetMetadata, manager: EntityManager): Promise<void> {
    await manager.getRepository(AssetEntity).update(
      { id: assetId },
      {
        name: metadata.name,
        currency: metadata.currency,
        exchange: metadata.exchange,
        type: metadata.type,
        updatedAt: new Date(),
      },
    );
  }

  /**
   * INSERT … ON CONFLICT (asset_id, date) DO UPDATE in chunks, inside the caller's transaction: running it twice
   * changes nothing. Written out, not through a query builder: building TypeORM's multi-row INSERTs cost seconds of
   * CPU for a 20-ticker first run. On SQLite one prepared statement runs row by row, and the event loop gets a turn
   * between chunks; on PostgreSQL each chunk is one statement over five arrays.
   */
  async upsertPrices(assetId: string, rows: readonly PriceRow[], manager: EntityManager): Promise<void> {
    const sqlite = sqliteDatabase(manager);
    if (sqlite) {
      const upsert = sqlite.prepare(SQLITE_UPSERT);
      for (let offset = 0; offset < rows.length; offset += UPSERT_CHUNK_ROWS) {
        if (offset > 0) await yieldToEventLoop();
        const end = Math.min(rows.length, offset + UPSERT_CHUNK_ROWS);
        for (let i = offset; i < end; i++) {
          const row = rows[i];
          upsert.run(assetId, row.date, row.close, row.adjClose, row.dividend, row.splitRatio);
        }
      }
      return;
    }
    for (let offset = 0; offset < rows.length; offset += UPSERT_CHUNK_ROWS) {
      const chunk = rows.slice(offset, offset + UPSERT_CHUNK_ROWS);
      await manager.query(POSTGRES_UPSERT, [
        assetId,
        chunk.map((row) => row.date),
        chunk.map((row) => row.close),
        chunk.map((row) => row.adjClose),
        chunk.map((row) => row.dividend),
        chunk.map((row) => row.splitRatio),
      ]);
    }
  }

  async coverage(assetId: string, manager: EntityManager = this.dataSource.manager): Promise<DateRange[]> {
    const rows = await manager.getRepository(PriceCoverageEntity).find({ where: { assetId }, order: { start: 'ASC' } });
    return rows.map((row) => ({ start: row.start, end: row.end }));
  }

  /** Adds ranges to the asset's coverage and stores it merged. */
  async addCoverage(assetId: string, ranges: readonly DateRange[], manager: EntityManager): Promise<void> {
    if (ranges.length === 0) return;
    const merged = mergeRanges([...(await this.coverage(assetId, manager)), ...ranges]);
    const repository = manager.getRepository(PriceCoverageEntity);
    await repository.delete({ assetId });
    await repository.insert(merged.map((range) => ({ assetId, start: range.start, end: range.end })));
  }

  /** Prices fetched from a provider, the coverage they answer and fresh metadata, in one transaction. */
  async saveFetched(
    key: AssetKey,
    metadata: AssetMetadata,
    rows: readonly PriceRow[],
    asked: readonly DateRange[],
  ): Promise<AssetEntity> {
    return this.priceWrite(async (manager) => {
      const asset = await this.findOrCreateAsset(key, metadata, manager);
      await this.updateMetadata(asset.id, metadata, manager);
      await this.upsertPrices(asset.id, rows, manager);
      await this.addCoverage(asset.id, asked, manager);
      return asset;
    });
  }

  /** A user's upload: the asset and every row, or nothing (one transaction). */
  async saveUpload(ownerId: string, ticker: string, rows: readonly PriceRow[]): Promise<AssetEntity> {
    return this.priceWrite(async (manager) => {
      const metadata: AssetMetadata = { ticker, name: null, currency: null, exchange: null, type: 'UPLOAD' };
      const asset = await this.findOrCreateAsset({ ticker, source: 'upload', ownerId }, metadata, manager);
      await manager.getRepository(AssetEntity).update({ id: asset.id }, { updatedAt: new Date() });
      await this.upsertPrices(asset.id, rows, manager);
      return asset;
    });
  }

  /**
   * Everything stored for the asset, ready to cache: read as plain rows (hydrating 8,000 entities per ticker cost
   * more than the query), in pages of LOAD_PAGE_ROWS with a yield between two: a series longer than a page
   * (uploads of decades) is read in several short steps, not one long one.
   */
  async loadSeries(asset: AssetEntity): Promise<StoredSeries> {
    const [rows, coverage] = await Promise.all([this.loadPrices(asset.id), this.coverage(asset.id)]);
    const n = rows.length;
    const series: StoredSeries = {
      assetId: asset.id,
      source: asset.source,
      ownerId: asset.ownerId,
      metadata: {
        ticker: asset.ticker,
        name: asset.name,
        currency: asset.currency,
        exchange: asset.exchange,
        type: asset.type,
      },
      coverage,
      days: new Int32Array(n),
      adjClose: new Float64Array(n),
      close: new Float64Array(n),
      dividends: [],
      splits: [],
    };
    for (let i = 0; i < n; i++) {
      const [date, close, adjClose, dividend, splitRatio] = rows[i];
      const day = isoToDayNumber(date);
      series.days[i] = day;
      series.adjClose[i] = adjClose;
      series.close[i] = close === null ? Number.NaN : close;
      if (dividend !== null) series.dividends.push([day, dividend]);
      if (splitRatio !== null) series.splits.push([day, splitRatio]);
    }
    return series;
  }

  /** The asset's prices in date order, a page at a time (keyset on the date), with a turn of the event loop between. */
  private async loadPrices(assetId: string): Promise<PriceTuple[]> {
    const sqlite = sqliteDatabase(this.dataSource.manager);
    const page = sqlite
      ? (() => {
          const statement = sqlite.prepare<[string, string, number], PriceTuple>(SQLITE_LOAD_PAGE).raw(true);
          return (after: string) => Promise.resolve(statement.all(assetId, after, LOAD_PAGE_ROWS));
        })()
      : async (after: string): Promise<PriceTuple[]> => {
          const rows: {
            date: string;
            close: number | null;
            adj_close: number;
            dividend: number | null;
            split_ratio: number | null;
          }[] = await this.dataSource.query(POSTGRES_LOAD_PAGE, [assetId, after, LOAD_PAGE_ROWS]);
          return rows.map((row) => [row.date, row.close, row.adj_close, row.dividend, row.split_ratio]);
        };
    let rows: PriceTuple[] = [];
    for (let after = ''; ;) {
      const next = await page(after);
      rows = rows.length === 0 ? next : rows.concat(next);
      if (next.length < LOAD_PAGE_ROWS) return rows;
      after = next[next.length - 1][0];
      await yieldToEventLoop();
    }
  }

  /**
   * Runs a transaction that stores prices, at most PRICE_WRITERS of them at a time. On SQLite every transaction
   * waits its turn on the one connection (serializeTransactions): twenty tickers of a first run queued at once would
   * make a submission or a progress write wait for all of them, so price writes are queued here one at a time and
   * other transactions get in between two of them. On PostgreSQL each transaction holds a pooled connection for its
   * whole length: twenty at once would take the pool (10 by default) from every other request.
   */
  private async priceWrite<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const limit = sqliteDatabase(this.dataSource.manager) ? 1 : PRICE_WRITERS_POSTGRES;
    while (this.priceWriters >= limit) await new Promise<void>((resolve) => this.priceWriteQueue.push(resolve));
    this.priceWriters += 1;
    try {
      return await this.dataSource.transaction(work);
    } finally {
      this.priceWriters -= 1;
      this.priceWriteQueue.shift()?.();
    }
  }

  /** Stored assets a user may see (public ones and their own uploads) whose ticker or name matches. */
  async searchAssets(query: string, ownerId: string | null, limit: number): Promise<AssetEntity[]> {
    const pattern = `%${query.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource
      .getRepository(AssetEntity)
      .createQueryBuilder('asset')
      .where(
        new Brackets((where) =>
          where
            .where("UPPER(asset.ticker) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("UPPER(COALESCE(asset.name, '')) LIKE :pattern ESCAPE '\\'", { pattern }),
        ),
      )
      .andWhere(ownerId === null ? 'asset.owner_id IS NULL' : '(asset.owner_id IS NULL OR asset.owner_id = :ownerId)', {
        ownerId,
      })
      .orderBy('asset.ticker', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Distinct tickers a user may see (public assets and their own uploads), at most `limit`. */
  async storedTickers(ownerId: string | null, limit = 5000): Promise<string[]> {
    // owner_id = NULL matches nothing: without a user, public assets only.
    const rows = (await executeSql(
      this.dataSource.manager,
      'SELECT DISTINCT ticker FROM assets WHERE owner_id IS NULL OR owner_id = :ownerId ORDER BY ticker LIMIT :limit',
      { ownerId, limit },
    )) as { ticker: string }[];
    return rows.map((row) => row.ticker);
  }

  /** Stored prices of one asset (tests and diagnostics). */
  countPrices(assetId: string): Promise<number> {
    return this.dataSource.getRepository(PriceEntity).count({ where: { assetId } });
  }
}
