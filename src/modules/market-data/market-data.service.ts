import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { isTickerSyntax } from '../../engine/command/ticker-syntax';
import { editDistance } from '../../engine/command/nearest-name';
import { isoToDayNumber, isIsoDate } from '../../engine/market/trading-calendar';
import { SeriesCache } from './cache/series-cache';
import { servedRows } from '../../engine/market/simulation-prices';
import { addDays, intersectRange, isoOfDay, missingRanges } from './date-ranges';
import { KeyedMutex } from './keyed-mutex';
import { MetricsService } from '../metrics/metrics.service';
import {
  InvalidDateRangeError,
  InvalidTickerError,
  InvalidUploadError,
  MarketDataUnavailableError,
  PriceRangeUnavailableError,
  TickerNotFoundError,
} from './market-data.errors';
import type { AssetEntity } from './entities/asset.entity';
import { AssetKey, MarketDataRepository } from './market-data.repository';
import type { AssetMetadata, DateRange, PriceRow, SeriesKind, ServedSeries, StoredSeries } from './market-data.types';
import { readPriceUpload } from './price-upload.parser';
import {
  MarketDataProvider,
  ProviderSeries,
  ProviderTickerNotFoundError,
  ProviderUnavailableError,
} from './providers/market-data.provider';

/** The same ticker rule as the command language (BRK-B, ^GSPC, 7203.T, EURUSD=X). */
/** Without a start date, history is asked from here. */
export const DEFAULT_START = '1970-01-01';

export const MARKET_DATA_PROVIDERS = Symbol('MARKET_DATA_PROVIDERS');

export interface SeriesRequestOptions {
  /** The requesting user: their own uploads are served first. */
  userId?: string | null;
  /** Serve only what is stored (the CLI's --source db): no provider is asked. */
  storedOnly?: boolean;
  /**
   * Also serve the last price before `start` when there is none on it (simulations: a ticker's value on a day
   * it did not trade is its last price). A provider is asked from LOOK_BACK_DAYS before the start for it.
   */
  lookBack?: boolean;
}

/** How far before a simulation's start a provider is asked, to find the last price before it (holidays). */
export const LOOK_BACK_DAYS = 14;

export interface AssetSearchResult extends AssetMetadata {
  /** Where the ticker can be served from (stored sources first). */
  sources: string[];
}

/** Whether some source can price a ticker, without fetching its history (the editor's check as you type). */
export interface TickerCheck {
  ticker: string;
  /** known: a source can price it; unknown: every source said no; unverified: none said yes and one could not answer. */
  status: 'known' | 'unknown' | 'unverified' | 'invalid';
  /** The source that would serve it (upload, a stored source, a provider), when known. */
  source: string | null;
  /** Why it cannot be priced, naming every source tried; null when known. */
  message: string | null;
  /** Known tickers closest in spelling (up to 3), when it is not known. */
  nearest: string[];
}

/** Answers of providers' knows() are kept this long (the editor checks as people type). */
const KNOWS_TTL_MS = 10 * 60_000;
const KNOWS_MAX_ENTRIES = 5000;

export interface UploadResult {
  ticker: string;
  source: 'upload';
  rows: number;
  available: DateRange;
}

/**
 * Prices for the rest of PortoFino. A series comes from the user's own upload when there is one, else from the
 * first configured provider that knows the ticker (Yahoo, then the bundled sample data by default). Stored
 * prices are reused; only date ranges never asked of the provider are fetched (gap filling), one request at a
 * time per asset in this process (single flight), and the whole stored series is cached hot (Redis or memory)
 * until an upsert invalidates it.
 */
@Injectable()
export class MarketDataService implements OnModuleDestroy {
  private readonly logger = new Logger(MarketDataService.name);
  private readonly mutex = new KeyedMutex();
  private readonly knows = new Map<string, { known: boolean; until: number }>();
  private readonly servedDates = new WeakMap<StoredSeries, { from: number; to: number; dates: readonly string[] }>();
  private readonly kinds = new WeakMap<StoredSeries, SeriesKind>();

  constructor(
    private readonly repository: MarketDataRepository,
    private readonly cache: SeriesCache,
    @Inject(MARKET_DATA_PROVIDERS) private readonly providers: MarketDataProvider[],
    private readonly metrics: MetricsService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  /** What the configured fixed sources hold, in words (the offline sample's tickers). */
  private catalogues(): string[] {
    return this.providers.map((provider) => provider.catalogue()).filter((text): text is string => text !== null);
  }

  /** The configured provider names, in order. */
  providerNames(): string[] {
    return this.providers.map((provider) => provider.name);
  }

  /**
   * What the simulation pipeline calls: each ticker's adjusted closes from `start` to `end` (inclusive) and
   * the source that served it, ready for mergePriceSeries(result.map((r) => r.series)).
   */
  async getSeries(
    tickers: readonly string[],
    range: DateRange,
    options: SeriesRequestOptions = {},
  ): Promise<ServedSeries[]> {
    const unique = [...new Set(tickers.map((ticker) => ticker.toUpperCase()))];
    return Promise.all(unique.map((ticker) => this.getPrices(ticker, range, options)));
  }

  /** One ticker's prices over a range; missing bounds mean "from 1970" and "up to today". */
  // eslint-disable-next-line complexity -- above the limit when it was set (issue 16): split it when it next changes
  async getPrices(
    ticker: string,
    range: Partial<DateRange> = {},
    options: SeriesRequestOptions = {},
  ): Promise<ServedSeries> {
    const symbol = this.normalizeTicker(ticker);
    const served = this.normalizeRange(range);
    const lookBack = options.lookBack === true;
    // What must be stored: with a look-back, a few days before the start too.
    const requested = lookBack ? { ...served, start: addDays(served.start, -LOOK_BACK_DAYS) } : served;
    const serve = (stored: StoredSeries, note?: string, settled = false) =>
      this.serve(stored, served, note, lookBack, settled);
    const userId = options.userId ?? null;
    if (userId !== null) {
      const own = await this.ownUpload(symbol, userId);
      if (own) return serve(own);
    }
    const problems: { source: string; problem: string }[] = [];
    let retryAfter = 0;
    let down = false;
    for (const provider of this.providers) {
      if (options.storedOnly) {
        const stored = await this.storedSeries({ ticker: symbol, source: provider.name, ownerId: null });
        if (stored) return serve(stored);
        continue;
      }
      if (!provider.isAvailable()) {
        problems.push({ source: provider.name, problem: 'unreachable moments ago' });
        retryAfter = Math.max(retryAfter, provider.retryAfterSeconds());
        down = true;
        // Stored prices are still good when the source is down.
        const stored = await this.storedSeries({ ticker: symbol, source: provider.name, ownerId: null });
        if (stored && missingRanges(requested, stored.coverage).length === 0) {
          return serve(stored);
        }
        continue;
      }
      try {
        const stored = await this.fill(provider, symbol, requested);
        const note = problems.length > 0 ? ` (${problems.map((p) => `${p.source} ${p.problem}`).join('; ')})` : '';
        // No source before this one was skipped for being down, and the range ends where its days are final.
        const finalUntil = provider.finalUntil();
        const unchanging = !down && range.end !== undefined && (finalUntil === null || served.end <= finalUntil);
        try {
          return serve(stored, note, unchanging);
        } catch (error) {
          if (!(error instanceof PriceRangeUnavailableError)) throw error;
          // Nothing in the range: fetch the whole history once, so the error can say what is available.
          const history = this.normalizeRange({});
          const settled = { start: history.start, end: provider.finalUntil() ?? history.end };
          if (missingRanges(settled, stored.coverage).length === 0) throw error;
          return serve(await this.fill(provider, symbol, history), note, unchanging);
        }
      } catch (error) {
        if (error instanceof ProviderTickerNotFoundError) {
          problems.push({ source: provider.name, problem: `does not have ${symbol}` });
          continue;
        }
        if (error instanceof ProviderUnavailableError) {
          problems.push({ source: provider.name, problem: error.message });
          retryAfter = Math.max(retryAfter, provider.retryAfterSeconds());
          down = true;
          continue;
        }
        throw error;
      }
    }
    // A source that was down may know it: retry later. Otherwise every source said it does not have it.
    if (down) {
      throw new MarketDataUnavailableError(symbol, retryAfter || 30, problems, this.catalogues());
    }
    throw new TickerNotFoundError(symbol, this.providerNames());
  }

  /** Metadata and available range: the whole history is fetched (and stored) on first sight. */
  getAsset(ticker: string, options: SeriesRequestOptions = {}): Promise<ServedSeries> {
    return this.getPrices(ticker, {}, options);
  }

  /**
   * Whether each ticker can be priced, cheaply: the user's upload, prices already stored from a provider, else each
   * provider's own answer (the sample's list, a small Yahoo request), remembered for a few minutes.
   */
  async checkTickers(tickers: readonly string[], options: SeriesRequestOptions = {}): Promise<TickerCheck[]> {
    const userId = options.userId ?? null;
    const unique = [...new Set(tickers.map((ticker) => ticker.trim().toUpperCase()).filter((t) => t !== ''))];
    return Promise.all(unique.map((ticker) => this.checkTicker(ticker, userId)));
  }

  private async checkTicker(ticker: string, userId: string | null): Promise<TickerCheck> {
    const answer = (status: TickerCheck['status'], source: string | null, message: string | null) => ({
      ticker,
      status,
      source,
      message,
      nearest: [] as string[],
    });
    if (!isTickerSyntax(ticker)) {
      return answer('invalid', null, new InvalidTickerError(ticker).message);
    }
    if (userId !== null && (await this.repository.findAsset({ ticker, source: 'upload', ownerId: userId }))) {
      return answer('known', 'upload', null);
    }
    const tried: { source: string; problem: string; down: boolean }[] = [];
    for (const provider of this.providers) {
      if (await this.repository.findAsset({ ticker, source: provider.name, ownerId: null })) {
        return answer('known', provider.name, null);
      }
      const known = await this.providerKnows(provider, ticker);
      if (known === true) return answer('known', provider.name, null);
      if (known === false) tried.push({ source: provider.name, problem: `does not have ${ticker}`, down: false });
      else tried.push({ source: provider.name, problem: known, down: true });
    }
    const unverified = tried.some((t) => t.down);
    const catalogues = this.catalogues();
    const result = answer(
      unverified ? 'unverified' : 'unknown',
      null,
      `no configured source can price ${ticker}${unverified ? ' right now' : ''} (tried ${tried
        .map((t) => `${t.source}: ${t.problem}`)
        .join('; ')})${catalogues.length > 0 ? `; ${catalogues.join('; ')}` : ''}`,
    );
    result.nearest = await this.nearestTickers(ticker, userId);
    return result;
  }

  /** A provider's answer for the ticker: true, false, or why it could not answer. Remembered for KNOWS_TTL_MS. */
  private async providerKnows(provider: MarketDataProvider, ticker: string): Promise<boolean | string> {
    if (!provider.isAvailable()) return `unreachable moments ago (retry in ${provider.retryAfterSeconds()} s)`;
    const key = `${provider.name}:${ticker}`;
    const remembered = this.knows.get(key);
    if (remembered && remembered.until > Date.now()) return remembered.known;
    try {
      const known = await provider.knows(ticker);
      if (this.knows.size >= KNOWS_MAX_ENTRIES) this.knows.clear();
      this.knows.set(key, { known, until: Date.now() + KNOWS_TTL_MS });
      return known;
    } catch (error) {
      if (error instanceof ProviderUnavailableError) return error.message;
      throw error;
    }
  }

  /** Up to three known tickers closest in spelling: the fixed sources' lists, stored assets and the user's uploads. */
  private async nearestTickers(ticker: string, userId: string | null): Promise<string[]> {
    const candidates = new Set<string>(await this.repository.storedTickers(userId));
    for (const provider of this.providers) for (const known of provider.listedTickers()) candidates.add(known);
    const bare = ticker.replace(/^\^/, '');
    return [...candidates]
      .map((candidate) => ({ candidate, distance: editDistance(bare, candidate.replace(/^\^/, '')) }))
      .filter(
        ({ distance, candidate }) => distance <= Math.max(1, Math.floor(Math.max(bare.length, candidate.length) / 2)),
      )
      .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
      .slice(0, 3)
      .map(({ candidate }) => candidate);
  }

  /** Autocomplete: the user's and stored assets, the sample tickers, then Yahoo search when it is reachable. */
  async search(query: string, limit: number, options: SeriesRequestOptions = {}): Promise<AssetSearchResult[]> {
    const userId = options.userId ?? null;
    const results = new Map<string, AssetSearchResult>();
    const add = (meta: AssetMetadata, source: string) => {
      const key = meta.ticker.toUpperCase();
      const existing = results.get(key);
      if (existing) {
        if (!existing.sources.includes(source)) existing.sources.push(source);
        existing.name ??= meta.name;
        existing.currency ??= meta.currency;
        existing.exchange ??= meta.exchange;
        existing.type ??= meta.type;
      } else {
        results.set(key, { ...meta, ticker: key, sources: [source] });
      }
    };
    for (const asset of await this.repository.searchAssets(query, userId, limit)) {
      add(
        {
          ticker: asset.ticker,
          name: asset.name,
          currency: asset.currency,
          exchange: asset.exchange,
          type: asset.type,
        },
        asset.source,
      );
    }
    for (const provider of this.providers) {
      if (results.size >= limit) break;
      if (!provider.isAvailable()) continue;
      for (const meta of await provider.search(query, limit)) add(meta, provider.name);
    }
    return [...results.values()].slice(0, limit);
  }

  /**
   * Stores a user's series from CSV text (date,close[,adj_close], Yahoo's export, semicolon-separated; see
   * PriceUploadParser); all rows or none.
   */
  async upload(userId: string, ticker: string, csv: string): Promise<UploadResult> {
    const symbol = this.normalizeTicker(ticker);
    const parsed = await readPriceUpload(csv);
    if (!parsed.ok) throw new InvalidUploadError(parsed.problems, parsed.total);
    const key: AssetKey = { ticker: symbol, source: 'upload', ownerId: userId };
    const asset = await this.repository.saveUpload(userId, symbol, parsed.rows);
    await this.cache.delete(this.cacheKey(key));
    const stored = await this.loadAndCache(asset, key);
    this.logger.log({
      message: 'prices uploaded',
      userId,
      ticker: symbol,
      assetId: asset.id,
      rows: parsed.rows.length,
    });
    return {
      ticker: symbol,
      source: 'upload',
      rows: parsed.rows.length,
      available: { start: isoOfDay(stored.days[0]), end: isoOfDay(stored.days[stored.days.length - 1]) },
    };
  }

  // --- internals -------------------------------------------------------------------------------------------

  /** Checked as written (ASCII only, as the API documents it: TICKER_SCHEMA), then upper-cased. */
  private normalizeTicker(ticker: string): string {
    if (!isTickerSyntax(ticker)) throw new InvalidTickerError(ticker);
    return ticker.toUpperCase();
  }

  private normalizeRange(range: Partial<DateRange>): DateRange {
    const today = new Date().toISOString().slice(0, 10);
    const start = range.start ?? DEFAULT_START;
    const end = range.end ?? today;
    for (const [name, value] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (!isIsoDate(value)) throw new InvalidDateRangeError(`${name} "${value}" is not a date YYYY-MM-DD`, range);
    }
    if (start > end) throw new InvalidDateRangeError(`start ${start} is after end ${end}`, range);
    if (start > today) throw new InvalidDateRangeError(`start ${start} is in the future`, range);
    return { start, end: end > today ? today : end };
  }

  private cacheKey(key: AssetKey): string {
    return key.ownerId === null ? `${key.source}:${key.ticker}` : `upload:${key.ownerId}:${key.ticker}`;
  }

  /** Cached or stored series of an asset, without asking any provider; undefined when not stored. */
  private async storedSeries(key: AssetKey): Promise<StoredSeries | undefined> {
    const cached = await this.cache.get(this.cacheKey(key));
    this.metrics.cacheLookup(cached !== undefined && cached !== null);
    if (cached) return cached;
    const asset = await this.repository.findAsset(key);
    return asset ? this.loadAndCache(asset, key) : undefined;
  }

  /**
   * The user's upload of the ticker, if any. Most users upload nothing, so "none" is remembered too (until an
   * upload of that ticker by that user, in any process): a simulation does not ask the database every time.
   */
  private async ownUpload(ticker: string, userId: string): Promise<StoredSeries | undefined> {
    const key: AssetKey = { ticker, source: 'upload', ownerId: userId };
    const cached = await this.cache.lookup(this.cacheKey(key));
    this.metrics.cacheLookup(cached.kind !== 'miss');
    if (cached.kind === 'hit') return cached.series;
    if (cached.kind === 'absent') return undefined;
    const asset = await this.repository.findAsset(key);
    if (asset) return this.loadAndCache(asset, key);
    cached.rememberAbsent();
    return undefined;
  }

  private async loadAndCache(asset: AssetEntity, key: AssetKey): Promise<StoredSeries> {
    const series = await this.repository.loadSeries(asset);
    await this.cache.set(this.cacheKey(key), series);
    return series;
  }

  /**
   * Makes sure every day of `requested` has been asked of the provider, fetching only what was never asked,
   * and returns the asset's stored series. Concurrent calls for one asset run one after the other, so the
   * second finds the first one's prices and fetches nothing.
   */
  private async fill(provider: MarketDataProvider, ticker: string, requested: DateRange): Promise<StoredSeries> {
    const key: AssetKey = { ticker, source: provider.name, ownerId: null };
    const cacheKey = this.cacheKey(key);
    const fast = await this.cache.get(cacheKey);
    this.metrics.cacheLookup(fast !== undefined && fast !== null);
    if (fast && missingRanges(requested, fast.coverage).length === 0) return fast;
    return this.mutex.run(cacheKey, async () => {
      const asset = await this.repository.findAsset(key);
      const coverage = asset ? await this.repository.coverage(asset.id) : [];
      const missing = missingRanges(requested, coverage);
      if (missing.length === 0 && asset) {
        return (await this.cache.get(cacheKey)) ?? this.loadAndCache(asset, key);
      }
      const fetched: ProviderSeries[] = [];
      for (const range of missing) fetched.push(await this.timedFetch(provider, ticker, range));
      const rows: PriceRow[] = fetched.flatMap((result) => result.rows);
      const metadata = fetched[fetched.length - 1].metadata;
      // Days not final yet (today's bar) are stored but asked again next time.
      const finalUntil = provider.finalUntil();
      const asked = missing
        .map((range) => (finalUntil === null ? range : intersectRange(range, { start: range.start, end: finalUntil })))
        .filter((range): range is DateRange => range !== null);
      const saved = await this.repository.saveFetched(key, metadata, rows, asked);
      await this.cache.delete(cacheKey);
      this.logger.log({
        message: 'prices fetched',
        ticker,
        source: provider.name,
        assetId: saved.id,
        ranges: missing,
        rows: rows.length,
      });
      return this.loadAndCache(saved, key);
    });
  }

  /** One provider request, timed; failures other than an unknown ticker count as provider errors. */
  private async timedFetch(provider: MarketDataProvider, ticker: string, range: DateRange): Promise<ProviderSeries> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const series = await provider.fetchDaily(ticker, range);
      this.metrics.providerRequest(provider.name, seconds(), false);
      return series;
    } catch (error) {
      this.metrics.providerRequest(provider.name, seconds(), !(error instanceof ProviderTickerNotFoundError));
      throw error;
    }
  }

  /**
   * The ISO dates of days[from..to) of a cached series. The last slice served of each series is kept with it
   * (simulations ask the same ranges over and over), so it is built once, not per request.
   */
  private datesOf(stored: StoredSeries, from: number, to: number): readonly string[] {
    const last = this.servedDates.get(stored);
    if (last && last.from === from && last.to === to) return last.dates;
    const dates: string[] = [];
    for (let i = from; i < to; i++) dates.push(isoOfDay(stored.days[i]));
    // Shared, so read-only by type; not frozen: V8 reads frozen arrays through a slow path.
    this.servedDates.set(stored, { from, to, dates });
    return dates;
  }

  /**
   * Total return or price only (docs/market-data.md, "What a series measures"): an index (^GSPC) is a price
   * index unless its name says total return; an upload whose adjusted closes are its closes is price only;
   * the adjusted closes of stocks and funds (Yahoo, the sample data) include dividends.
   */
  private kindOf(stored: StoredSeries): SeriesKind {
    let kind = this.kinds.get(stored);
    if (kind !== undefined) return kind;
    if (stored.metadata.ticker.startsWith('^')) {
      kind = /total return/i.test(stored.metadata.name ?? '') ? 'total-return' : 'price-only';
    } else if (stored.source === 'upload') {
      kind = 'price-only';
      for (let i = 0; i < stored.adjClose.length; i++) {
        if (stored.close[i] === stored.close[i] && stored.close[i] !== stored.adjClose[i]) {
          kind = 'total-return';
          break;
        }
      }
    } else {
      kind = 'total-return';
    }
    this.kinds.set(stored, kind);
    return kind;
  }

  /**
   * The requested slice of a stored series: views on the cached arrays, no copies of prices. With `lookBack`, the
   * slice starts at the last price before the start when there is none on it.
   */
  private serve(
    stored: StoredSeries,
    requested: DateRange,
    note = '',
    lookBack = false,
    settled = false,
  ): ServedSeries {
    const ticker = stored.metadata.ticker;
    const n = stored.days.length;
    const available = n > 0 ? { start: isoOfDay(stored.days[0]), end: isoOfDay(stored.days[n - 1]) } : null;
    // The same rows the dashboard's live preview takes from the whole series (src/engine/market/simulation-prices.ts).
    const rows = servedRows(stored.days, isoToDayNumber(requested.start), isoToDayNumber(requested.end), lookBack);
    if (rows === null || available === null) {
      throw new PriceRangeUnavailableError(ticker, stored.source, requested, available, note);
    }
    const { from, to } = rows;
    const dates = this.datesOf(stored, from, to);
    const first = stored.days[from];
    const last = stored.days[to - 1];
    const inRange = ([day]: [number, number]) => day >= first && day <= last;
    return {
      ticker,
      source: stored.source,
      kind: this.kindOf(stored),
      metadata: stored.metadata,
      available,
      series: { ticker, dates, prices: stored.adjClose.subarray(from, to) },
      days: stored.days.subarray(from, to),
      close: stored.close.subarray(from, to),
      settled,
      dividends: stored.dividends.filter(inRange).map(([day, amount]) => ({ date: isoOfDay(day), amount })),
      splits: stored.splits.filter(inRange).map(([day, ratio]) => ({ date: isoOfDay(day), ratio })),
    };
  }
}
