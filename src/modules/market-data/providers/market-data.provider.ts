import type { MarketDataProviderName } from '../../../config/app-config';
import type { AssetMetadata, DateRange, PriceRow } from '../market-data.types';

export interface ProviderSeries {
  metadata: AssetMetadata;
  /** Trading days within the asked range, ascending; empty when the source has nothing there. */
  rows: PriceRow[];
}

/**
 * One adapter per price source (as Ghostfolio's data-provider interface). Adapters only translate: storage,
 * gap filling, caching and fallback to the next source live in MarketDataService.
 */
export abstract class MarketDataProvider {
  abstract readonly name: MarketDataProviderName;

  /**
   * Daily prices of `ticker` from range.start to range.end (inclusive). Throws ProviderTickerNotFoundError
   * when the source does not know the ticker, ProviderUnavailableError when it cannot answer now.
   */
  abstract fetchDaily(ticker: string, range: DateRange): Promise<ProviderSeries>;

  /**
   * Whether the source can price `ticker`, asked cheaply (no history fetched, nothing stored). Throws
   * ProviderUnavailableError when the source cannot tell now.
   */
  abstract knows(ticker: string): Promise<boolean>;

  /** What the source holds, in words, when it is a fixed list people should know about; null otherwise. */
  catalogue(): string | null {
    return null;
  }

  /** The tickers of a fixed list (the offline sample), for suggestions; [] for open-ended sources. */
  listedTickers(): readonly string[] {
    return [];
  }

  /** Tickers matching a free-text query, best first (best effort: [] when the source cannot answer). */
  abstract search(query: string, limit: number): Promise<AssetMetadata[]>;

  /**
   * Days up to this date (inclusive) are final once fetched and are never asked again; later days (today's
   * unfinished bar) are asked again next time. null: everything is final (static data).
   */
  abstract finalUntil(): string | null;

  /** False while the source is known to be unreachable (so callers skip it at once). */
  isAvailable(): boolean {
    return true;
  }

  /** Seconds until an unavailable source is worth trying again. */
  retryAfterSeconds(): number {
    return 60;
  }
}

export class ProviderTickerNotFoundError extends Error {
  constructor(
    readonly source: string,
    readonly ticker: string,
  ) {
    super(`${source} does not know ${ticker}`);
    this.name = 'ProviderTickerNotFoundError';
  }
}

export class ProviderUnavailableError extends Error {
  constructor(
    readonly source: string,
    message: string,
    /** Transient (network, 429, 5xx): worth retrying. False for replies that retrying cannot fix. */
    readonly transient: boolean,
    readonly unreachable = false,
  ) {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}
