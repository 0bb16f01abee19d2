import type { PriceSeries } from '../../engine/market/price-matrix';

/** Where a series comes from: a provider, or the user's own upload. */
export type PriceSource = 'yahoo' | 'sample' | 'upload';

/** Inclusive range of ISO dates (YYYY-MM-DD). */
export interface DateRange {
  start: string;
  end: string;
}

/** One trading day as a provider or an upload gives it. */
export interface PriceRow {
  date: string;
  /** Unadjusted close; null when the source only has adjusted closes (the sample data). */
  close: number | null;
  /** Close adjusted for splits and dividends: what simulations use. */
  adjClose: number;
  /** Cash dividend paid that day, per share. */
  dividend: number | null;
  /** Split ratio effective that day (2 for a 2-for-1 split). */
  splitRatio: number | null;
}

export interface AssetMetadata {
  ticker: string;
  name: string | null;
  currency: string | null;
  exchange: string | null;
  /** EQUITY, ETF, INDEX, MUTUALFUND, CRYPTOCURRENCY, ... as the source says; UPLOAD for uploads. */
  type: string | null;
}

/**
 * Everything stored for one asset, as cached: day numbers (days since 1970-01-01) with adjusted and raw
 * closes (NaN: unknown), the sparse dividends and splits, and the ranges already asked of the provider.
 */
export interface StoredSeries {
  assetId: string;
  source: PriceSource;
  ownerId: string | null;
  metadata: AssetMetadata;
  coverage: DateRange[];
  days: Int32Array;
  adjClose: Float64Array;
  close: Float64Array;
  dividends: [day: number, amount: number][];
  splits: [day: number, ratio: number][];
}

/**
 * What a series' prices measure: `total-return` when dividends are reinvested in them (adjusted closes of
 * stocks and funds, a total-return index), `price-only` when they are not (a price index such as ^GSPC, an
 * upload of plain closes). Comparing the two flatters the total-return one by the dividend yield.
 */
export type SeriesKind = 'total-return' | 'price-only';

/** A served series: ready for mergePriceSeries (`series.prices` are adjusted closes), with its source. */
export interface ServedSeries {
  ticker: string;
  source: PriceSource;
  kind: SeriesKind;
  metadata: AssetMetadata;
  /** First and last stored dates of the asset (the whole of what this source has, not only the request). */
  available: DateRange;
  series: PriceSeries;
  /** The day numbers of `series.dates` (a view on the stored series). */
  days: Int32Array;
  close: Float64Array;
  /**
   * Whether this answer cannot change: a provider's series (not an upload) for an explicit range that ends on days
   * the provider calls final, served with no source before it skipped for being down. HTTP may cache it for good.
   */
  settled: boolean;
  dividends: { date: string; amount: number }[];
  splits: { date: string; ratio: number }[];
}
