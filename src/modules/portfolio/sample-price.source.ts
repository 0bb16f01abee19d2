import { Injectable } from '@nestjs/common';
import type { PriceMatrix, PriceSeries } from '../../engine';
import { loadSamplePrices } from '../../sample-data/sample-data.loader';
import { LoadedPrices, PriceSource } from './price-source';
import { SimulationInputError } from './portfolio.errors';

/** Prices from the bundled sample data (loaded once per process). */
@Injectable()
export class SamplePriceSource extends PriceSource {
  private matrix: PriceMatrix | undefined;

  async load(
    tickers: readonly string[],
    _range: { start: string; end: string },
    _userId: string,
    onTicker: (done: number, total: number) => Promise<void>,
  ): Promise<LoadedPrices> {
    this.matrix ??= loadSamplePrices();
    const matrix = this.matrix;
    const missing = tickers.filter((ticker) => !matrix.tickerIndex.has(ticker.toUpperCase()));
    if (missing.length > 0) {
      throw new SimulationInputError(
        `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the sample data, which has ${matrix.tickers.join(', ')}`,
        'UNKNOWN_TICKER',
      );
    }
    const width = matrix.tickers.length;
    const series: PriceSeries[] = [];
    for (const [index, ticker] of tickers.entries()) {
      const column = matrix.tickerIndex.get(ticker.toUpperCase()) as number;
      series.push({
        ticker,
        dates: matrix.dates,
        prices: Float64Array.from(matrix.dates, (_, row) => matrix.values[row * width + column]),
      });
      await onTicker(index + 1, tickers.length);
    }
    return { series, sources: Object.fromEntries(tickers.map((ticker) => [ticker, 'sample'])) };
  }
}
