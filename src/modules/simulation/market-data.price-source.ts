import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { PriceRangeUnavailableError } from '../market-data/market-data.errors';
import { MarketDataService } from '../market-data/market-data.service';
import type { ServedSeries } from '../market-data/market-data.types';
import { SimulationInputError } from './simulation.errors';
import { LoadedPrices, PriceSource } from './price-source';

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
    let done = 0;
    const served = await Promise.all(
      tickers.map(async (ticker) => {
        try {
          // With the last price before the start: a ticker closed on the first day is valued at it.
          const one = await this.marketData
            .getPrices(ticker, range, { userId, lookBack: true })
            .catch((error: unknown) => {
              if (error instanceof PriceRangeUnavailableError && mayBeEmpty.includes(ticker)) return null;
              throw error;
            });
          done += 1;
          await onTicker(done, tickers.length);
          return one ?? { ticker, empty: true as const };
        } catch (error) {
          // The explicit classification: a refusal (unknown ticker, no prices in the range) stays one.
          if (error instanceof DomainError && !error.retryable) {
            throw new SimulationInputError(error.message, error.code);
          }
          throw error;
        }
      }),
    );
    // An empty series is a column with no price: the engine splices its fallback over the whole period. It served
    // nothing, so it is no data source.
    const used = served.filter((one): one is ServedSeries => !('empty' in one));
    return {
      series: served.map((one) =>
        'empty' in one ? { ticker: one.ticker, dates: [], prices: [] } : { ...one.series, ticker: one.ticker },
      ),
      sources: Object.fromEntries(used.map((one) => [one.ticker, one.source])),
      dataSources: used.map((one) => ({ ticker: one.ticker, source: one.source, kind: one.kind })),
    };
  }
}
