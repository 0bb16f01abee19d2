import type { Stream } from 'node:stream';
import request from 'supertest';
import { decodePriceSeries } from '../../src/engine/market/price-series.codec';
import { isoToDayNumber } from '../../src/engine/market/trading-calendar';
import { testDatabaseUrl, testRedisUrl, uniquePrefix } from '../harness/test-services';
import { RunningApp, startApp } from '../support/test-app';
import { YahooStub } from './yahoo-stub';

/** Reads an application/octet-stream answer as bytes (superagent would not). */
function binary(response: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

const PASSWORD = 'correct horse battery staple 7';

/**
 * GET /assets/{ticker}/prices?format=binary on PostgreSQL and Redis, Yahoo played by the local stub: the bytes
 * decode to the JSON answer's days and adjusted closes, ETag revalidation, Cache-Control, owner-scoped uploads.
 */
describe('binary prices', () => {
  const stub = new YahooStub();
  let running: RunningApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const yahooUrl = await stub.start();
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('binary_prices'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('queue'),
      MARKET_DATA_CACHE_PREFIX: uniquePrefix('prices'),
      MARKET_DATA_PROVIDERS: 'yahoo,sample',
      YAHOO_BASE_URL: yahooUrl,
      YAHOO_TIMEOUT_MS: '2000',
      AUTH_THROTTLE_LIMIT: '1000',
    });
    const register = async (email: string) =>
      (await request(running.url).post('/auth/register').send({ email, password: PASSWORD }).expect(201)).body
        .accessToken as string;
    alice = await register('alice-binary@example.com');
    bob = await register('bob-binary@example.com');
  });

  afterAll(async () => {
    await running.close();
    await stub.stop();
  });

  const get = (path: string) => request(running.url).get(path).buffer(true).parse(binary);

  it("holds the JSON answer's days and adjusted closes exactly, with the ticker, source and kind", async () => {
    const json = await request(running.url).get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31').expect(200);
    const response = await get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31&format=binary').expect(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['x-price-source']).toBe('yahoo');
    const decoded = decodePriceSeries(new Uint8Array(response.body as Buffer));
    expect(decoded.ticker).toBe('ACME');
    expect(decoded.source).toBe('yahoo');
    expect(decoded.kind).toBe('total-return');
    expect(Array.from(decoded.days)).toEqual((json.body.dates as string[]).map(isoToDayNumber));
    expect(Array.from(decoded.closes)).toEqual(json.body.adjClose);
    // 16 header bytes, "ACME" "yahoo" "total-return", 5 day gaps, 6 closes of at most 2 decimals in 1–3 bytes.
    expect((response.body as Buffer).length).toBeLessThan(16 + 5 + 6 + 13 + 5 * 2 + 6 * 3);
  });

  it('revalidates: the same ETag answers 304 without a body, also among several or weak tags', async () => {
    const path = '/assets/ACME/prices?format=binary';
    const first = await get(path).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"pfps1-[A-Za-z0-9_-]{27}"$/);
    // No end: the series grows as days pass; an anonymous request may be kept by shared caches.
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.vary).toMatch(/Authorization/);
    const again = await get(path).set('If-None-Match', etag).expect(304);
    expect((again.body as Buffer).length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    await get(path).set('If-None-Match', `"other", W/${etag}`).expect(304);
    await get(path).set('If-None-Match', '"pfps1-something-else"').expect(200);
  });

  it('is immutable for an explicit range the source will not change, and private with a token', async () => {
    // The stub's ACME ends in 2021, long before the days Yahoo may still revise.
    const settled = await get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31&format=binary').expect(200);
    expect(settled.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const withToken = await get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31&format=binary')
      .set('Authorization', `Bearer ${bob}`)
      .expect(200);
    expect(withToken.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(withToken.headers.etag).toBe(settled.headers.etag);
  });

  it('serves an upload only to its owner, privately, and a new upload changes the ETag', async () => {
    const upload = (csv: string) =>
      request(running.url)
        .post('/assets/MYFUND/prices')
        .set('Authorization', `Bearer ${alice}`)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(201);
    await upload('date,close\n2024-01-02,10.25\n2024-01-03,10.5\n');
    const mine = await get('/assets/MYFUND/prices?format=binary').set('Authorization', `Bearer ${alice}`).expect(200);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    const decoded = decodePriceSeries(new Uint8Array(mine.body as Buffer));
    expect(decoded).toMatchObject({ ticker: 'MYFUND', source: 'upload', kind: 'price-only' });
    expect(Array.from(decoded.closes)).toEqual([10.25, 10.5]);

    // Bob and anonymous callers get the public MYFUND (the stub's Yahoo knows every name), never Alice's.
    for (const token of [bob, null]) {
      const call = get('/assets/MYFUND/prices?format=binary');
      const theirs = await (token ? call.set('Authorization', `Bearer ${token}`) : call).expect(200);
      expect(decodePriceSeries(new Uint8Array(theirs.body as Buffer)).source).toBe('yahoo');
      expect(theirs.headers.etag).not.toBe(mine.headers.etag);
    }

    await upload('date,close\n2024-01-03,11\n');
    const changed = await get('/assets/MYFUND/prices?format=binary')
      .set('Authorization', `Bearer ${alice}`)
      .set('If-None-Match', mine.headers.etag as string)
      .expect(200);
    expect(changed.headers.etag).not.toBe(mine.headers.etag);
    expect(Array.from(decodePriceSeries(new Uint8Array(changed.body as Buffer)).closes)).toEqual([10.25, 11]);
  });

  it('answers errors in the error shape, as JSON', async () => {
    const unknown = await request(running.url).get('/assets/NOPE/prices?format=binary').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    expect(unknown.body).toMatchObject({ status: 404, error: 'TICKER_NOT_FOUND' });
    const format = await request(running.url).get('/assets/ACME/prices?format=parquet').expect(400);
    expect(format.body.error).toBe('VALIDATION_FAILED');
  });
});
