import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { PriceMatrix } from '../../../engine/market/price-matrix';
import { loadSamplePrices } from '../../../sample-data/sample-data.loader';
import type { AssetMetadata, DateRange, PriceRow } from '../market-data.types';
import { MarketDataProvider, ProviderSeries, ProviderTickerNotFoundError } from './market-data.provider';

const NAMES: Record<string, [name: string, exchange: string]> = {
  AAPL: ['Apple Inc.', 'NASDAQ'],
  AMD: ['Advanced Micro Devices, Inc.', 'NASDAQ'],
  BAC: ['Bank of America Corporation', 'NYSE'],
  BBY: ['Best Buy Co., Inc.', 'NYSE'],
  CVX: ['Chevron Corporation', 'NYSE'],
  GE: ['General Electric Company', 'NYSE'],
  HD: ['The Home Depot, Inc.', 'NYSE'],
  JNJ: ['Johnson & Johnson', 'NYSE'],
  JPM: ['JPMorgan Chase & Co.', 'NYSE'],
  KO: ['The Coca-Cola Company', 'NYSE'],
  LLY: ['Eli Lilly and Company', 'NYSE'],
  MRK: ['Merck & Co., Inc.', 'NYSE'],
  MSFT: ['Microsoft Corporation', 'NASDAQ'],
  PEP: ['PepsiCo, Inc.', 'NASDAQ'],
  PFE: ['Pfizer Inc.', 'NYSE'],
  PG: ['The Procter & Gamble Company', 'NYSE'],
  RRC: ['Range Resources Corporation', 'NYSE'],
  UNH: ['UnitedHealth Group Incorporated', 'NYSE'],
  WMT: ['Walmart Inc.', 'NYSE'],
  XOM: ['Exxon Mobil Corporation', 'NYSE'],
  '^GSPC': ['S&P 500 (price index)', 'SNP'],
};

/** The index of the first of the ascending `dates` after `date` (at or after it with `inclusive`). */
function firstAfter(dates: readonly string[], date: string, inclusive = false): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle] < date || (!inclusive && dates[middle] === date)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The bundled sample prices (data/sample, from skfolio: adjusted closes only, 1990-01-02..2022-12-28; for
 * testing and examples, not investment use). Offline and static: every day is final.
 */
@Injectable()
export class SampleProvider extends MarketDataProvider implements OnApplicationBootstrap {
  readonly name = 'sample';

  constructor(private readonly config: AppConfig) {
    super();
  }

  /** Parsed once at start-up (tens of milliseconds) rather than in the middle of the first simulation. */
  onApplicationBootstrap(): void {
    if (this.config.marketData.providers.includes('sample')) setImmediate(() => this.matrix());
  }

  private matrix(): PriceMatrix {
    return loadSamplePrices();
  }

  tickers(): string[] {
    return [...this.matrix().tickers];
  }

  override listedTickers(): readonly string[] {
    return this.matrix().tickers;
  }

  knows(ticker: string): Promise<boolean> {
    return Promise.resolve(this.matrix().tickerIndex.has(ticker));
  }

  /** "the offline sample holds 20 tickers: AAPL, AMD, …, XOM, and the index ^GSPC". */
  override catalogue(): string {
    const tickers = this.tickers();
    const stocks = tickers.filter((ticker) => !ticker.startsWith('^'));
    const indexes = tickers.filter((ticker) => ticker.startsWith('^'));
    return `the offline sample holds ${stocks.length} tickers: ${stocks.join(', ')}${
      indexes.length > 0 ? `, and the index ${indexes.join(', ')}` : ''
    }`;
  }

  metadata(ticker: string): AssetMetadata {
    const [name, exchange] = NAMES[ticker] ?? [null, null];
    return { ticker, name, currency: 'USD', exchange, type: ticker.startsWith('^') ? 'INDEX' : 'EQUITY' };
  }

  async fetchDaily(ticker: string, range: DateRange): Promise<ProviderSeries> {
    // Read like a remote source: the caller's other work (twenty tickers asked at once) gets turns in between.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const matrix = this.matrix();
    const column = matrix.tickerIndex.get(ticker);
    if (column === undefined) throw new ProviderTickerNotFoundError(this.name, ticker);
    const width = matrix.tickers.length;
    const rows: PriceRow[] = [];
    const end = firstAfter(matrix.dates, range.end);
    for (let row = firstAfter(matrix.dates, range.start, true); row < end; row++) {
      const price = matrix.values[row * width + column];
      if (Number.isFinite(price)) {
        rows.push({ date: matrix.dates[row], close: null, adjClose: price, dividend: null, splitRatio: null });
      }
    }
    return { metadata: this.metadata(ticker), rows };
  }

  search(query: string, limit: number): Promise<AssetMetadata[]> {
    const needle = query.trim().toUpperCase();
    const scored = this.tickers()
      .map((ticker) => this.metadata(ticker))
      .map((meta) => {
        const name = (meta.name ?? '').toUpperCase();
        const score = meta.ticker === needle ? 0 : meta.ticker.startsWith(needle) ? 1 : name.includes(needle) ? 2 : -1;
        return { meta, score };
      })
      .filter((entry) => entry.score >= 0)
      .sort((a, b) => a.score - b.score || a.meta.ticker.localeCompare(b.meta.ticker));
    return Promise.resolve(scored.slice(0, limit).map((entry) => entry.meta));
  }

  finalUntil(): string | null {
    return null;
  }
}
