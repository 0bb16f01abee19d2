import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import { isoToDayNumber } from '../../engine/market/trading-calendar';
import { mergeRanges } from './date-ranges';
import { AssetEntity } from './entities/asset.entity';
import { PriceCoverageEntity } from './entities/price-coverage.entity';
import { PriceEntity } from './entities/price.entity';
import type { AssetMetadata, DateRange, PriceRow, PriceSource, StoredSeries } from './market-data.types';

/** Rows per INSERT ... ON CONFLICT statement: 6 parameters each, far below PostgreSQL's 65,535 and SQLite's 32,766. */
export const UPSERT_CHUNK_ROWS = 1000;

export interface AssetKey {
  ticker: string;
  source: PriceSource;
  /** null: a public asset; a user id: that user's upload. */
  ownerId: string | null;
}

/** The only code that touches TypeORM for market data. */
@Injectable()
export class MarketDataRepository {
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

  /** INSERT ... ON CONFLICT (asset_id, date) DO UPDATE, in chunks: running it twice changes nothing. */
  async upsertPrices(assetId: string, rows: readonly PriceRow[], manager: EntityManager): Promise<void> {
    for (let offset = 0; offset < rows.length; offset += UPSERT_CHUNK_ROWS) {
      const chunk = rows.slice(offset, offset + UPSERT_CHUNK_ROWS).map((row) => ({
        assetId,
        date: row.date,
        close: row.close,
        adjClose: row.adjClose,
        dividend: row.dividend,
        splitRatio: row.splitRatio,
      }));
      await manager
        .createQueryBuilder()
        .insert()
        .into(PriceEntity)
        .values(chunk)
        .orUpdate(['close', 'adj_close', 'dividend', 'split_ratio'], ['asset_id', 'date'])
        .updateEntity(false)
        .execute();
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
    return this.dataSource.transaction(async (manager) => {
      const asset = await this.findOrCreateAsset(key, metadata, manager);
      await this.updateMetadata(asset.id, metadata, manager);
      await this.upsertPrices(asset.id, rows, manager);
      await this.addCoverage(asset.id, asked, manager);
      return asset;
    });
  }

  /** A user's upload: the asset and every row, or nothing (one transaction). */
  async saveUpload(ownerId: string, ticker: string, rows: readonly PriceRow[]): Promise<AssetEntity> {
    return this.dataSource.transaction(async (manager) => {
      const metadata: AssetMetadata = { ticker, name: null, currency: null, exchange: null, type: 'UPLOAD' };
      const asset = await this.findOrCreateAsset({ ticker, source: 'upload', ownerId }, metadata, manager);
      await manager.getRepository(AssetEntity).update({ id: asset.id }, { updatedAt: new Date() });
      await this.upsertPrices(asset.id, rows, manager);
      return asset;
    });
  }

  /** Everything stored for the asset, ready to cache. */
  async loadSeries(asset: AssetEntity): Promise<StoredSeries> {
    const [rows, coverage] = await Promise.all([
      this.dataSource
        .getRepository(PriceEntity)
        .createQueryBuilder('price')
        .select(['price.date', 'price.close', 'price.adjClose', 'price.dividend', 'price.splitRatio'])
        .where('price.asset_id = :assetId', { assetId: asset.id })
        .orderBy('price.date', 'ASC')
        .getMany(),
      this.coverage(asset.id),
    ]);
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
    rows.forEach((row, i) => {
      const day = isoToDayNumber(row.date);
      series.days[i] = day;
      series.adjClose[i] = Number(row.adjClose);
      series.close[i] = row.close === null ? Number.NaN : Number(row.close);
      if (row.dividend !== null) series.dividends.push([day, Number(row.dividend)]);
      if (row.splitRatio !== null) series.splits.push([day, Number(row.splitRatio)]);
    });
    return series;
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

  /** Stored prices of one asset (tests and diagnostics). */
  countPrices(assetId: string): Promise<number> {
    return this.dataSource.getRepository(PriceEntity).count({ where: { assetId } });
  }
}
