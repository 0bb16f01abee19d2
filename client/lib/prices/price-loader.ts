import { api, ApiError } from '../api/client';
import { MemoryPriceStore, type PriceRecord, type PriceStore } from './price-store';

/** A ticker's series as the preview worker takes it. */
export interface LoadedSeries {
  ticker: string;
  source: string;
  etag: string;
  bytes: ArrayBuffer;
}

/** What the server answered to a (conditional) request for a ticker's binary series. */
export type FetchedSeries =
  { status: 'not-modified' } | { status: 'ok'; bytes: ArrayBuffer; etag: string; source: string; immutable: boolean };

/** Asks the server for a ticker's whole binary series; with an ETag, a 304 says the copy in hand is current. */
export type SeriesFetcher = (ticker: string, etag: string | null) => Promise<FetchedSeries>;

/** GET /assets/{ticker}/prices?format=binary through the typed client (the token, the session's refresh). */
export const fetchBinarySeries: SeriesFetcher = async (ticker, etag) => {
  const { data, error, response } = await api.GET('/assets/{ticker}/prices', {
    params: { path: { ticker }, query: { format: 'binary' } },
    headers: etag ? { 'If-None-Match': etag } : {},
    parseAs: 'arrayBuffer',
    // IndexedDB is the cache: the browser's own would only hold a second copy.
    cache: 'no-store',
  });
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok || data === undefined) throw ApiError.from(response.status, error);
  return {
    status: 'ok',
    bytes: data,
    etag: response.headers.get('ETag') ?? '',
    source: response.headers.get('X-Price-Source') ?? '',
    immutable: /\bimmutable\b/.test(response.headers.get('Cache-Control') ?? ''),
  };
};

export interface PriceLoaderOptions {
  /** IndexedDB's share of the dashboard: beyond it the least recently used series go first. */
  maxBytes: number;
  now: () => number;
}

/** About 650 series of 33 years of the sample data; a few MB at most for what people really use. */
export const DEFAULT_PRICE_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * The series of one person's tickers: kept in a PriceStore (IndexedDB) across visits, bounded in bytes with the least
 * recently used evicted, and checked against the server by ETag (If-None-Match → 304) — a stored series is used at
 * once and revalidated beside it, so a reload previews before any network answer. Uploads (the person's own
 * series, private) are kept in memory only, never written to the browser's storage.
 */
export class PriceLoader {
  private readonly memory = new MemoryPriceStore();
  private readonly touched = new Set<string>();
  private readonly options: PriceLoaderOptions;

  constructor(
    private readonly store: PriceStore,
    private readonly fetcher: SeriesFetcher,
    /** The signed-in person: series are theirs (an upload shadows a public ticker). */
    private readonly scope: string,
    options: Partial<PriceLoaderOptions> = {},
  ) {
    this.options = { maxBytes: DEFAULT_PRICE_CACHE_BYTES, now: () => Date.now(), ...options };
  }

  private key(ticker: string): string {
    return `${this.scope}|${ticker}`;
  }

  /** The stored series, without the network; undefined when there is none. */
  async stored(ticker: string): Promise<(LoadedSeries & { immutable: boolean }) | undefined> {
    const key = this.key(ticker);
    const record = (await this.memory.get(key)) ?? (await this.store.get(key).catch(() => undefined));
    if (!record) return undefined;
    if (!this.touched.has(key)) {
      this.touched.add(key);
      await this.store.touch(key, this.options.now()).catch(() => undefined);
    }
    return { ticker, source: record.source, etag: record.etag, bytes: record.bytes, immutable: record.immutable };
  }

  /**
   * The server's current series: a conditional request when one is stored. Resolves with the series when it is
   * new or changed, with null when the stored one is current; rejects with the API's error (unknown ticker, no
   * source reachable, …).
   */
  async fetch(ticker: string): Promise<LoadedSeries | null> {
    const held = await this.stored(ticker);
    const answer = await this.fetcher(ticker, held?.etag ?? null);
    if (answer.status === 'not-modified') {
      if (held) return null;
      // A 304 to a request without an ETag is not an answer: ask again without one.
      return this.fetchFresh(ticker);
    }
    await this.keep(ticker, answer);
    return { ticker, source: answer.source, etag: answer.etag, bytes: answer.bytes };
  }

  private async fetchFresh(ticker: string): Promise<LoadedSeries> {
    const answer = await this.fetcher(ticker, null);
    if (answer.status === 'not-modified') throw new Error(`the server answered 304 for ${ticker} without an ETag`);
    await this.keep(ticker, answer);
    return { ticker, source: answer.source, etag: answer.etag, bytes: answer.bytes };
  }

  private async keep(ticker: string, answer: Extract<FetchedSeries, { status: 'ok' }>): Promise<void> {
    const key = this.key(ticker);
    const record: PriceRecord = {
      key,
      ticker,
      source: answer.source,
      etag: answer.etag,
      immutable: answer.immutable,
      bytes: answer.bytes,
    };
    const now = this.options.now();
    this.touched.add(key);
    if (answer.source === 'upload') {
      await this.store.delete(key).catch(() => undefined);
      await this.memory.put(record, now);
      await this.evict(this.memory);
      return;
    }
    await this.memory.delete(key);
    try {
      await this.store.put(record, now);
      await this.evict(this.store);
    } catch {
      // Storage full or refused: the series still reaches the preview, it just is not kept.
    }
  }

  /** Drops the least recently used series until the store holds at most maxBytes. */
  private async evict(store: PriceStore): Promise<void> {
    const entries = await store.entries();
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    if (total <= this.options.maxBytes) return;
    for (const entry of [...entries].sort((a, b) => a.usedAt - b.usedAt)) {
      if (total <= this.options.maxBytes) break;
      await store.delete(entry.key);
      this.touched.delete(entry.key);
      total -= entry.size;
    }
  }
}
