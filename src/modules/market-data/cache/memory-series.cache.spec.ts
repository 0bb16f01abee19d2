import type { StoredSeries } from '../market-data.types';
import { MemorySeriesCache } from './memory-series.cache';
import type { SeriesLookup } from './series-cache';

const series = { assetId: 'a1', days: Int32Array.from([1]) } as unknown as StoredSeries;

function remember(found: SeriesLookup): void {
  if (found.kind !== 'miss') throw new Error(`expected a miss, got ${found.kind}`);
  found.rememberAbsent();
}

describe('MemorySeriesCache lookup', () => {
  it('answers hit, miss, and absent once remembered', async () => {
    const cache = new MemorySeriesCache(4);
    expect((await cache.lookup('k')).kind).toBe('miss');
    remember(await cache.lookup('k'));
    expect((await cache.lookup('k')).kind).toBe('absent');
    await cache.set('k', series);
    expect(await cache.lookup('k')).toEqual({ kind: 'hit', series });
  });

  it('forgets an absence on delete, and skips remembering one when a write came in between', async () => {
    const cache = new MemorySeriesCache(4);
    remember(await cache.lookup('k'));
    await cache.delete('k');
    const found = await cache.lookup('k');
    expect(found.kind).toBe('miss');
    await cache.set('other', series);
    remember(found);
    expect((await cache.lookup('k')).kind).toBe('miss');
  });

  it('keeps an absence for ABSENT_TTL_MS at most', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const cache = new MemorySeriesCache(4);
      remember(await cache.lookup('k'));
      jest.setSystemTime(MemorySeriesCache.ABSENT_TTL_MS - 1);
      expect((await cache.lookup('k')).kind).toBe('absent');
      jest.setSystemTime(MemorySeriesCache.ABSENT_TTL_MS + 1);
      expect((await cache.lookup('k')).kind).toBe('miss');
    } finally {
      jest.useRealTimers();
    }
  });
});
