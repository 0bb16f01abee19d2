import { RedisSeriesCache } from '../../src/modules/market-data/cache/redis-series.cache';
import { SeriesCache, SeriesLookup } from '../../src/modules/market-data/cache/series-cache';
import type { StoredSeries } from '../../src/modules/market-data/market-data.types';
import { testRedisUrl, uniquePrefix } from '../harness/test-services';

const series: StoredSeries = {
  assetId: 'a1',
  source: 'upload',
  ownerId: 'u1',
  metadata: { ticker: 'ACME', name: null, currency: null, exchange: null, type: 'UPLOAD' },
  coverage: [],
  days: Int32Array.from([19724, 19725]),
  adjClose: Float64Array.from([9.5, 10.5]),
  close: Float64Array.from([10, 11]),
  dividends: [],
  splits: [],
};

function remember(found: SeriesLookup): void {
  if (found.kind !== 'miss') throw new Error(`expected a miss, got ${found.kind}`);
  found.rememberAbsent();
}

/**
 * The Redis series cache as two processes see it (two instances on one Redis): remembered absences — "this
 * user has no upload of this ticker" — end with a write in either process.
 */
describe('the Redis series cache: remembered absences', () => {
  let prefix: string;
  let api: RedisSeriesCache;
  let worker: RedisSeriesCache;

  beforeEach(() => {
    prefix = uniquePrefix('series');
    api = new RedisSeriesCache(testRedisUrl(), prefix, 3600);
    worker = new RedisSeriesCache(testRedisUrl(), prefix, 3600);
  });

  afterEach(async () => {
    await Promise.all([api.close(), worker.close()]);
  });

  it('answers absent after rememberAbsent, without asking the database again', async () => {
    remember(await worker.lookup('upload:u1:ACME'));
    expect((await worker.lookup('upload:u1:ACME')).kind).toBe('absent');
    // Only the process that looked remembers.
    expect((await api.lookup('upload:u1:ACME')).kind).toBe('miss');
  });

  it('forgets an absence when another process writes or invalidates the key', async () => {
    remember(await worker.lookup('upload:u1:ACME'));
    await api.delete('upload:u1:ACME');
    expect((await worker.lookup('upload:u1:ACME')).kind).toBe('miss');

    remember(await worker.lookup('upload:u1:ACME'));
    await api.set('upload:u1:ACME', series);
    const found = await worker.lookup('upload:u1:ACME');
    expect(found.kind).toBe('hit');
    expect(found.kind === 'hit' && Array.from(found.series.adjClose)).toEqual([9.5, 10.5]);
  });

  it('does not remember an absence when a write came between the lookup and rememberAbsent', async () => {
    const found = await worker.lookup('upload:u1:ACME');
    // The upload commits and invalidates after the worker's database look-up found nothing.
    await api.delete('upload:u1:ACME');
    remember(found);
    expect((await worker.lookup('upload:u1:ACME')).kind).toBe('miss');
  });

  it('keeps an absence no longer than ABSENT_TTL_MS, or half the cache TTL when that is shorter', async () => {
    const shortLived = new RedisSeriesCache(testRedisUrl(), prefix, 1);
    try {
      remember(await shortLived.lookup('upload:u1:ACME'));
      expect((await shortLived.lookup('upload:u1:ACME')).kind).toBe('absent');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect((await shortLived.lookup('upload:u1:ACME')).kind).toBe('miss');
    } finally {
      await shortLived.close();
    }
    expect(SeriesCache.ABSENT_TTL_MS).toBeLessThanOrEqual(60_000);
  });
});
