import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { isoOfDay, isoToDayNumber } from '../../engine/dates/iso-days';
import type { MarketDataProviderName } from '../../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { MemorySeriesCache } from './cache/memory-series.cache';
import {
  InvalidDateRangeError,
  InvalidTickerError,
  InvalidUploadError,
  MarketDataUnavailableError,
  TickerNotFoundError,
} from './market-data.errors';
import { MarketDataRepository } from './market-data.repository';
import { MarketDataService } from './market-data.service';
import type { AssetMetadata, DateRange, PriceRow } from './market-data.types';
import {
  MarketDataProvider,
  ProviderSeries,
  ProviderTickerNotFoundError,
  ProviderUnavailableError,
} from './providers/market-data.provider';

/** Every calendar day of 2020 priced 100 + its day of the year (a weekend is a day like another here). */
function year2020(): PriceRow[] {
  const first = isoToDayNumber('2020-01-01');
  return Array.from({ length: 366 }, (_, i) => ({
    date: isoOfDay(first + i),
    close: 100 + i,
    adjClose: 100 + i,
    dividend: null,
    splitRatio: null,
  }));
}

/** A price source with a fixed list of tickers that records what it was asked. */
class ScriptedProvider extends MarketDataProvider {
  readonly fetched: [string, DateRange][] = [];
  readonly asked: string[] = [];
  /** Known to be unreachable: skipped by the service. */
  unreachable = false;
  /** Reachable, but each request fails. */
  failing = false;

  constructor(
    readonly name: MarketDataProviderName,
    private readonly tickers: readonly string[],
  ) {
    super();
  }

  async fetchDaily(ticker: string, range: DateRange): Promise<ProviderSeries> {
    this.fetched.push([ticker, range]);
    if (this.failing) throw new ProviderUnavailableError(this.name, `${this.name} timed out`, true);
    if (!this.tickers.includes(ticker)) throw new ProviderTickerNotFoundError(this.name, ticker);
    return {
      metadata: this.metadata(ticker),
      rows: year2020().filter((row) => row.date >= range.start && row.date <= range.end),
    };
  }

  async knows(ticker: string): Promise<boolean> {
    this.asked.push(ticker);
    if (this.failing) throw new ProviderUnavailableError(this.name, `${this.name} timed out`, true);
    return this.tickers.includes(ticker);
  }

  async search(query: string): Promise<AssetMetadata[]> {
    return this.tickers.filter((ticker) => ticker.includes(query.toUpperCase())).map((t) => this.metadata(t));
  }

  override listedTickers(): readonly string[] {
    return this.tickers;
  }

  finalUntil(): string | null {
    return null;
  }

  override isAvailable(): boolean {
    return !this.unreachable;
  }

  override retryAfterSeconds(): number {
    return 42;
  }

  private metadata(ticker: string): AssetMetadata {
    return { ticker, name: `${ticker} Inc.`, currency: 'USD', exchange: this.name, type: 'EQUITY' };
  }
}

/**
 * Serving prices over the real repository (SQLite) and memory cache with two scripted sources: gap filling (only
 * what was never asked is fetched), falling back to the next source, serving stored prices while a source is
 * down, uploads that only their owner sees, and the errors with their codes.
 */
describe('MarketDataService', () => {
  let db: JobDatabase;
  let primary: ScriptedProvider;
  let fallback: ScriptedProvider;
  let market: MarketDataService;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    primary = new ScriptedProvider('yahoo', ['AAPL', 'MSFT', 'DOWN', 'KO', 'GONE']);
    fallback = new ScriptedProvider('sample', ['SPY', 'AAPL', 'GONE']);
    market = new MarketDataService(
      new MarketDataRepository(db.dataSource),
      new MemorySeriesCache(100),
      [primary, fallback],
      new MetricsService(),
    );
  });

  afterAll(async () => {
    await market?.onModuleDestroy();
    await db?.close();
  });

  const fetchesOf = (provider: ScriptedProvider, ticker: string) =>
    provider.fetched.filter(([asked]) => asked === ticker).map(([, range]) => range);

  it('fetches a range once, then only the days never asked, and serves the slice asked for', async () => {
    const january = await market.getPrices('aapl', { start: '2020-01-10', end: '2020-01-20' });
    expect(january).toMatchObject({ ticker: 'AAPL', source: 'yahoo', kind: 'total-return', settled: true });
    expect(january.series.dates).toHaveLength(11);
    expect(january.series.dates[0]).toBe('2020-01-10');
    expect(Array.from(january.series.prices).slice(0, 2)).toEqual([109, 110]);

    await market.getPrices('AAPL', { start: '2020-01-12', end: '2020-01-15' });
    await market.getPrices('AAPL', { start: '2020-01-05', end: '2020-01-25' });
    expect(fetchesOf(primary, 'AAPL')).toEqual([
      { start: '2020-01-10', end: '2020-01-20' },
      { start: '2020-01-05', end: '2020-01-09' },
      { start: '2020-01-21', end: '2020-01-25' },
    ]);
    expect(fetchesOf(fallback, 'AAPL')).toEqual([]);
  });

  it('asks a source for two weeks before the start too with a look-back', async () => {
    const served = await market.getPrices('MSFT', { start: '2020-03-01', end: '2020-03-10' }, { lookBack: true });
    expect(fetchesOf(primary, 'MSFT')).toEqual([{ start: '2020-02-16', end: '2020-03-10' }]);
    expect(served.series.dates[0]).toBe('2020-03-01');
  });

  it('falls back to the next source when the first does not have the ticker', async () => {
    const served = await market.getPrices('SPY', { start: '2020-02-01', end: '2020-02-05' });
    expect(served).toMatchObject({ ticker: 'SPY', source: 'sample' });
    expect(fetchesOf(primary, 'SPY')).toHaveLength(1);
  });

  it('serves stored prices while their source is down, and says when it must be asked again', async () => {
    await market.getPrices('DOWN', { start: '2020-04-01', end: '2020-04-30' });
    primary.unreachable = true;
    try {
      const stored = await market.getPrices('DOWN', { start: '2020-04-10', end: '2020-04-20' });
      expect(stored).toMatchObject({ source: 'yahoo', settled: false });
      const unavailable = await market
        .getPrices('DOWN', { start: '2020-05-01', end: '2020-05-10' })
        .catch((error: unknown) => error);
      expect(unavailable).toBeInstanceOf(MarketDataUnavailableError);
      expect(unavailable).toMatchObject({ code: 'MARKET_DATA_UNAVAILABLE', retryAfterSeconds: 42 });
    } finally {
      primary.unreachable = false;
    }
  });

  it('refuses a ticker no source has, and one the only source that has it cannot serve now', async () => {
    const missing = await market.getPrices('NOPE', { start: '2020-01-01', end: '2020-01-31' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TickerNotFoundError);
    expect(missing).toMatchObject({ code: 'TICKER_NOT_FOUND' });

    primary.failing = true;
    try {
      await expect(market.getPrices('KO', { start: '2020-01-01', end: '2020-01-31' })).rejects.toThrow(
        MarketDataUnavailableError,
      );
    } finally {
      primary.failing = false;
    }
  });

  it.each([
    ['a malformed ticker', 'AA PL', {}, InvalidTickerError],
    ['a start after the end', 'AAPL', { start: '2020-02-01', end: '2020-01-01' }, InvalidDateRangeError],
    ['a start in the future', 'AAPL', { start: '2999-01-01' }, InvalidDateRangeError],
    ['a date that is not one', 'AAPL', { start: '2020-02-30' }, InvalidDateRangeError],
  ])('refuses %s before asking any source', async (_case, ticker, range, error) => {
    const before = primary.fetched.length + fallback.fetched.length;
    await expect(market.getPrices(ticker, range)).rejects.toThrow(error);
    expect(primary.fetched.length + fallback.fetched.length).toBe(before);
  });

  it("serves a user's upload to that user first and to no one else; a bad file stores nothing", async () => {
    const [owner, other] = [await db.newUser(), await db.newUser()];
    const csv = 'date,close\n2020-01-02,10\n2020-01-03,11\n2020-01-06,12\n';
    expect(await market.upload(owner, 'gone', csv)).toEqual({
      ticker: 'GONE',
      source: 'upload',
      rows: 3,
      available: { start: '2020-01-02', end: '2020-01-06' },
    });
    const own = await market.getPrices('GONE', { start: '2020-01-01', end: '2020-01-31' }, { userId: owner });
    expect(own).toMatchObject({ source: 'upload', kind: 'price-only' });
    expect(Array.from(own.series.prices)).toEqual([10, 11, 12]);
    // No price on the 4th: a look-back starts at the last price before it.
    const range = { start: '2020-01-04', end: '2020-01-31' };
    expect((await market.getPrices('GONE', range, { userId: owner, lookBack: true })).series.dates).toEqual([
      '2020-01-03',
      '2020-01-06',
    ]);
    expect((await market.getPrices('GONE', range, { userId: owner })).series.dates).toEqual(['2020-01-06']);
    const others = await market.getPrices('GONE', { start: '2020-01-01', end: '2020-01-31' }, { userId: other });
    expect(others.source).toBe('yahoo');

    const bad = await market.upload(owner, 'BAD', 'date,close\nyesterday,ten\n').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidUploadError);
    expect(await market.checkTickers(['BAD'], { userId: owner })).toMatchObject([{ status: 'unknown' }]);
  });

  it('checks tickers cheaply: stored or listed ones are known, unknown ones get the nearest names', async () => {
    const checks = await market.checkTickers(['aapl', 'SPY', 'APPL', 'A B', 'aapl']);
    expect(checks.map(({ ticker, status, source }) => [ticker, status, source])).toEqual([
      ['AAPL', 'known', 'yahoo'],
      ['SPY', 'known', 'sample'],
      ['APPL', 'unknown', null],
      ['A B', 'invalid', null],
    ]);
    expect(checks[2].nearest).toContain('AAPL');
    expect(checks[2].message).toContain('no configured source can price APPL');

    const asked = primary.asked.length;
    await market.checkTickers(['APPL']);
    expect(primary.asked.length).toBe(asked);
  });

  it('calls a ticker unverified, not unknown, when a source that might have it cannot answer', async () => {
    primary.failing = true;
    try {
      const [check] = await market.checkTickers(['ZZZQ']);
      expect(check).toMatchObject({ ticker: 'ZZZQ', status: 'unverified', source: null });
    } finally {
      primary.failing = false;
    }
  });

  it('searches stored assets and sources, merging the sources of one ticker', async () => {
    const results = await market.search('aap', 10);
    expect(results.find((result) => result.ticker === 'AAPL')).toMatchObject({
      name: 'AAPL Inc.',
      sources: ['yahoo', 'sample'],
    });
    expect(await market.search('aap', 0)).toEqual([]);
  });
});
