import type { PriceSeries } from '../../engine';

/** Where one ticker's prices came from and what they measure. */
export interface DataSource {
  ticker: string;
  /** The provider that served it (sample, yahoo, upload). */
  source: string;
  kind: 'total-return' | 'price-only';
}

export interface LoadedPrices {
  series: PriceSeries[];
  /** Which provider served each ticker (sample, yahoo, db, upload). */
  sources: Record<string, string>;
  /** The same per ticker, with what the prices measure. */
  dataSources: DataSource[];
}

/** Where the simulation pipeline gets prices: the market-data module behind a port the processor owns. */
export abstract class PriceSource {
  /**
   * Daily adjusted closes of `tickers` over [start, end] (plus enough history before start for the engine to
   * find the first price), calling `onTicker` after each ticker is loaded. A ticker of `mayBeEmpty` with no price
   * in the range comes back as an empty series (an FB= base before its first day: the fallback gives the period).
   */
  abstract load(
    tickers: readonly string[],
    range: { start: string; end: string },
    userId: string,
    onTicker: (done: number, total: number) => Promise<void>,
    mayBeEmpty?: readonly string[],
  ): Promise<LoadedPrices>;
}
