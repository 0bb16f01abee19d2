import { beforeEach, describe, expect, it } from '@jest/globals';
import { PriceLoader, type FetchedSeries, type SeriesFetcher } from './price-loader';
import { MemoryPriceStore, type PriceRecord, type PriceStore } from './price-store';

/** A server in hand: each ticker's current bytes and ETag; every request recorded with the ETag it carried. */
class FakeServer {
  readonly requests: { ticker: string; etag: string | null }[] = [];
  readonly series = new Map<string, { bytes: ArrayBuffer; etag: string; source: string }>();

  put(ticker: string, size: number, etag: string, source = 'sample'): void {
    this.series.set(ticker, { bytes: new ArrayBuffer(size), etag, source });
  }

  readonly fetcher: SeriesFetcher = (ticker, etag) => {
    this.requests.push({ ticker, etag });
    const current = this.series.get(ticker);
    if (!current) return Promise.reject(new Error(`${ticker} is not a known ticker`));
    if (etag === current.etag) return Promise.resolve<FetchedSeries>({ status: 'not-modified' });
    return Promise.resolve<FetchedSeries>({ status: 'ok', immutable: false, ...current });
  };
}

/** A PriceStore that refuses every write (storage full, or a private window). */
class RefusingStore extends MemoryPriceStore {
  override put(): Promise<void> {
    return Promise.reject(new DOMException('quota exceeded', 'QuotaExceededError'));
  }
}

let server: FakeServer;
let store: MemoryPriceStore;
let clock: number;

function loader(scope = 'alice', into: PriceStore = store, maxBytes = 1_000_000): PriceLoader {
  return new PriceLoader(into, server.fetcher, scope, { maxBytes, now: () => clock });
}

beforeEach(() => {
  server = new FakeServer();
  store = new MemoryPriceStore();
  clock = 1_000;
});

describe('the price cache (IndexedDB in the browser, a PriceStore here)', () => {
  it('fetches a series it does not hold, keeps it with its ETag, and revalidates it later (304: nothing sent)', async () => {
    server.put('AAPL', 40, '"a1"');
    const prices = loader();
    expect(await prices.stored('AAPL')).toBeUndefined();
    const fetched = await prices.fetch('AAPL');
    expect(fetched).toEqual({ ticker: 'AAPL', source: 'sample', etag: '"a1"', bytes: expect.any(ArrayBuffer) });
    expect(server.requests).toEqual([{ ticker: 'AAPL', etag: null }]);
    const kept = (await store.get('alice|AAPL')) as PriceRecord;
    expect([kept.ticker, kept.etag, kept.bytes.byteLength]).toEqual(['AAPL', '"a1"', 40]);

    // A later visit: a new loader over the same store has it at once, and the check sends its ETag.
    const nextVisit = loader();
    expect((await nextVisit.stored('AAPL'))?.etag).toBe('"a1"');
    expect(await nextVisit.fetch('AAPL')).toBeNull();
    expect(server.requests[1]).toEqual({ ticker: 'AAPL', etag: '"a1"' });
  });

  it('replaces a stored series the server changed (a new ETag)', async () => {
    server.put('AAPL', 40, '"a1"');
    await loader().fetch('AAPL');
    server.put('AAPL', 48, '"a2"');
    const changed = await loader().fetch('AAPL');
    expect(changed?.etag).toBe('"a2"');
    expect(changed?.bytes.byteLength).toBe(48);
    expect((await store.get('alice|AAPL'))?.etag).toBe('"a2"');
  });

  it('keeps each person’s series apart: an upload of AAPL by one is not another’s AAPL', async () => {
    server.put('AAPL', 40, '"a1"');
    await loader('alice').fetch('AAPL');
    expect(await loader('bob').stored('AAPL')).toBeUndefined();
  });

  it('never writes an upload to the browser’s storage: it is kept in memory for the page, and replaces a public copy', async () => {
    server.put('MYFUND', 40, '"public"');
    const prices = loader();
    await prices.fetch('MYFUND');
    expect(await store.get('alice|MYFUND')).toBeDefined();
    server.put('MYFUND', 24, '"upload-1"', 'upload');
    expect((await prices.fetch('MYFUND'))?.source).toBe('upload');
    expect(await store.get('alice|MYFUND')).toBeUndefined();
    // This page still has it, and revalidates it with its ETag.
    expect((await prices.stored('MYFUND'))?.etag).toBe('"upload-1"');
    expect(await prices.fetch('MYFUND')).toBeNull();
    // The next visit does not.
    expect(await loader().stored('MYFUND')).toBeUndefined();
  });

  it('stays within its bytes: the least recently used series go first', async () => {
    for (const ticker of ['A', 'B', 'C', 'D']) server.put(ticker, 100, `"${ticker}"`);
    const prices = loader('alice', store, 300);
    for (const ticker of ['A', 'B', 'C']) {
      clock += 1;
      await prices.fetch(ticker);
    }
    // A is used again (a new page reads it), so B is now the least recently used.
    clock += 1;
    await loader('alice', store, 300).stored('A');
    clock += 1;
    await prices.fetch('D');
    const held = (await store.entries()).map((entry) => entry.key).sort();
    expect(held).toEqual(['alice|A', 'alice|C', 'alice|D']);
    expect((await store.entries()).reduce((sum, entry) => sum + entry.size, 0)).toBe(300);
  });

  it('still hands the series over when the storage refuses to keep it', async () => {
    server.put('AAPL', 40, '"a1"');
    const refusing = new RefusingStore();
    const fetched = await loader('alice', refusing).fetch('AAPL');
    expect(fetched?.etag).toBe('"a1"');
    expect(await refusing.entries()).toEqual([]);
  });

  it('rejects with the server’s error for a ticker it cannot serve', async () => {
    await expect(loader().fetch('NOPE')).rejects.toThrow('NOPE is not a known ticker');
  });

  it('asks again without an ETag when a 304 comes for a request that had none', async () => {
    let first = true;
    const confused: SeriesFetcher = (ticker, etag) => {
      if (first) {
        first = false;
        return Promise.resolve({ status: 'not-modified' });
      }
      return server.fetcher(ticker, etag);
    };
    server.put('AAPL', 40, '"a1"');
    const prices = new PriceLoader(store, confused, 'alice', { now: () => clock });
    expect((await prices.fetch('AAPL'))?.etag).toBe('"a1"');
    expect(server.requests).toEqual([{ ticker: 'AAPL', etag: null }]);
  });
});
