import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { PriceRangeUnavailableError } from '../market-data/market-data.errors';
import { MarketDataService, SeriesRequestOptions } from '../market-data/market-data.service';
import type { ServedSeries } from '../market-data/market-data.types';
import { SimulationInputError } from './simulation.errors';
import { LoadedPrices, PriceSource } from './price-source';

export interface CommandPricesOptions extends SeriesRequestOptions {
  /** Tickers that may have no price in the range (commandSeriesNeeds().mayBeEmpty): they come back empty. */
  mayBeEmpty?: readonly string[];
  /** Called after each ticker is loaded. */
  onTicker?: (done: number, total: number) => Promise<void>;
}

/**
 * The loading rule of a command's prices, shared by the server (MarketDataPriceSource) and the CLI's --source
 * yahoo|db: each ticker through the market-data module, and a ticker of `mayBeEmpty` with no price in the range
 * as an empty series (an FB= base before its first day: the engine splices its fallback over the whole period).
 * The module's errors are thrown as they are.
 */
export async function loadCommandPrices(
  marketData: Pick<MarketDataService, 'getPrices'>,
  tickers: readonly string[],
  range: { start: string; end: string },
  options: CommandPricesOptions = {},
): Promise<LoadedPrices> {
  const { mayBeEmpty = [], onTicker, ...request } = options;
  let done = 0;
  const served = await Promise.all(
    tickers.map(async (ticker) => {
      const one = await marketData.getPrices(ticker, range, request).catch((error: unknown) => {
        if (error instanceof PriceRangeUnavailableError && mayBeEmpty.includes(ticker)) return null;
        throw error;
      });
      done += 1;
      await onTicker?.(done, tickers.length);
      return one ?? { ticker, empty: true as const };
    }),
  );
  // An empty series served nothing, so it is no data source.
  const used = served.filter((one): one is ServedSeries => !('empty' in one));
  return {
    series: served.map((one) =>
      'empty' in one ? { ticker: one.ticker, dates: [], prices: [] } : { ...one.series, ticker: one.ticker },
    ),
    sources: Object.fromEntries(used.map((one) => [one.ticker, one.source])),
    dataSources: used.map((one) => ({ ticker: one.ticker, source: one.source, kind: one.kind })),
  };
}

/**
 * Prices through the market-data module (uploads, stored prices, Yahoo, the sample data). A problem with the
 * request itself (unknown ticker, no prices in the range) ends the simulation with the module's message; a
 * provider outage is left to throw, so the job is retried.
 */
@Injectable()
export class MarketDataPriceSource extends PriceSource {
  constructor(private readonly marketData: MarketDataService) {
    super();
  }

  async load(
    tickers: readonly string[],
    range: { start: string; end: string },
    userId: string,
    onTicker: (done: number, total: number) => Promise<void>,
    mayBeEmpty: readonly string[] = [],
  ): Promise<LoadedPrices> {
    try {
      // With the last price before the start: a ticker closed on the first day is valued at it.
      return await loadCommandPrices(this.marketData, tickers, range, { userId, lookBack: true, mayBeEmpty, onTicker });
    } catch (error) {
      // The explicit classification: a refusal (unknown ticker, no prices in the range) stays one.
      if (error instanceof DomainError && !error.retryable) {
        throw new SimulationInputError(error.message, error.code);
      }
      throw error;
    }
  }
}
