import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { MarketDataService } from '../market-data/market-data.service';
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
  ): Promise<LoadedPrices> {
    let done = 0;
    const served = await Promise.all(
      tickers.map(async (ticker) => {
        try {
          // With the last price before the start: a ticker closed on the first day is valued at it.
          const one = await this.marketData.getPrices(ticker, range, { userId, lookBack: true });
          done += 1;
          await onTicker(done, tickers.length);
          return one;
        } catch (error) {
          // The explicit classification: a refusal (unknown ticker, no prices in the range) stays one.
          if (error instanceof DomainError && !error.retryable) {
            throw new SimulationInputError(error.message, error.code);
          }
          throw error;
        }
      }),
    );
    return {
      series: served.map((one) => ({ ...one.series, ticker: one.ticker })),
      sources: Object.fromEntries(served.map((one) => [one.ticker, one.source])),
      dataSources: served.map((one) => ({ ticker: one.ticker, source: one.source, kind: one.kind })),
    };
  }
}
