import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MarketDataRepository } from '../../src/modules/market-data/market-data.repository';
import { testDatabaseUrl, testRedisUrl, uniquePrefix } from '../harness/test-services';
import { RunningApp, startApp } from '../support/test-app';
import { YahooStub } from './yahoo-stub';

/** Market data on PostgreSQL and Redis, Yahoo played by a local stub serving hand-written chart replies. */
describe('market data on PostgreSQL and Redis', () => {
  const stub = new YahooStub();
  let running: RunningApp;
  let redis: Redis;
  let cachePrefix: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const yahooUrl = await stub.start();
    cachePrefix = uniquePrefix('prices');
    running = await startApp({
      DATABASE_URL: await testDatabaseUrl('market_data'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('queue'),
      MARKET_DATA_CACHE_PREFIX: cachePrefix,
      MARKET_DATA_PROVIDERS: 'yahoo,sample',
      YAHOO_BASE_URL: yahooUrl,
      YAHOO_TIMEOUT_MS: '2000',
      AUTH_THROTTLE_LIMIT: '1000',
    });
    redis = new Redis(testRedisUrl());
    const register = async (email: string) =>
      (
        await request(running.url)
          .post('/auth/register')
          .send({ email, password: 'correct horse battery staple 7' })
          .expect(201)
      ).body.accessToken as string;
    alice = await register('alice@example.com');
    bob = await register('bob@example.com');
  });

  afterAll(async () => {
    await running.close();
    await redis.quit();
    await stub.stop();
  });

  const api = () => request(running.url);
  const dataSource = () => running.app.get(DataSource);

  it('serves Yahoo daily adjusted and raw closes, dividends and splits, skipping null bars', async () => {
    const response = await api().get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31').expect(200);
    expect(response.headers['x-price-source']).toBe('yahoo');
    expect(response.body).toEqual({
      ticker: 'ACME',
      source: 'yahoo',
      kind: 'total-return',
      currency: 'USD',
      available: { start: '2019-06-03', end: '2021-06-02' },
      count: 6,
      dates: ['2019-06-03', '2019-06-04', '2020-06-01', '2020-06-03', '2021-06-01', '2021-06-02'],
      close: [100.5, 101.25, 120, 121.5, 150.75, 151],
      adjClose: [98.1, 98.83, 118.2, 119.68, 150.75, 151],
      dividends: [{ date: '2020-06-03', amount: 0.5 }],
      splits: [{ date: '2021-06-01', ratio: 2 }],
    });
    const asset = await api().get('/assets/ACME').expect(200);
    expect(asset.body).toEqual({
      ticker: 'ACME',
      name: 'Acme Corporation',
      currency: 'USD',
      exchange: 'NYSE',
      type: 'EQUITY',
      source: 'yahoo',
      kind: 'total-return',
      available: { start: '2019-06-03', end: '2021-06-02' },
    });
  });

  it('returns only the part of a range the provider has (partial range), and CSV on request', async () => {
    const response = await api().get('/assets/PART/prices?start=2021-01-01&end=2023-06-30').expect(200);
    expect(response.body.dates).toEqual(['2021-06-01', '2021-06-02']);
    const csv = await api().get('/assets/PART/prices?start=2021-01-01&end=2023-06-30&format=csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toBe('date,close,adj_close\n2021-06-01,150.75,150.75\n2021-06-02,151,151\n');
  });

  it('fetches only the missing years: 2019–2021 after 2020 asks Yahoo for 2019 and 2021 only', async () => {
    await api().get('/assets/GAPCO/prices?start=2020-01-01&end=2020-12-31').expect(200);
    expect(stub.chartRanges('GAPCO')).toEqual(['2020-01-01..2020-12-31']);
    const wide = await api().get('/assets/GAPCO/prices?start=2019-01-01&end=2021-12-31').expect(200);
    expect(wide.body.count).toBe(6);
    expect(stub.chartRanges('GAPCO')).toEqual([
      '2020-01-01..2020-12-31',
      '2019-01-01..2019-12-31',
      '2021-01-01..2021-12-31',
    ]);
    await api().get('/assets/GAPCO/prices?start=2019-03-01&end=2021-03-01').expect(200);
    expect(stub.chartRequests('GAPCO')).toHaveLength(3);
  });

  it('remembers ranges where Yahoo had nothing and answers 422 with what is available, without asking again', async () => {
    const first = await api().get('/assets/EMPTY/prices?start=2020-01-01&end=2020-12-31').expect(422);
    expect(first.body).toMatchObject({
      status: 422,
      error: 'PRICE_RANGE_UNAVAILABLE',
      message: 'EMPTY has no prices from 2020-01-01 to 2020-12-31 (yahoo): no prices at all',
    });
    const asked = stub.chartRequests('EMPTY').length;
    expect(asked).toBe(3); // 2020, then the rest of the history (before and after 2020) to learn what exists
    await api().get('/assets/EMPTY/prices?start=2020-01-01&end=2020-12-31').expect(422);
    await api().get('/assets/EMPTY/prices?start=2010-01-01&end=2012-12-31').expect(422);
    expect(stub.chartRequests('EMPTY')).toHaveLength(asked);

    const outside = await api().get('/assets/ACME/prices?start=2022-01-01&end=2022-12-31').expect(422);
    expect(outside.body.details).toEqual([
      {
        ticker: 'ACME',
        source: 'yahoo',
        requested: { start: '2022-01-01', end: '2022-12-31' },
        available: { start: '2019-06-03', end: '2021-06-02' },
      },
    ]);
  });

  it('answers 404 naming an unknown ticker, 503 with Retry-After for a malformed reply, 400/422 for bad input', async () => {
    const unknown = await api().get('/assets/NOPE/prices').expect(404);
    expect(unknown.body).toMatchObject({
      error: 'TICKER_NOT_FOUND',
      message: 'ticker NOPE is not known to yahoo, sample',
    });
    const broken = await api().get('/assets/BROKEN/prices').expect(503);
    expect(broken.headers['retry-after']).toBe('30');
    expect(broken.body.error).toBe('MARKET_DATA_UNAVAILABLE');
    expect(broken.body.message).toMatch(
      /^prices of BROKEN are unavailable right now \(tried yahoo: unexpected reply from Yahoo: .*; sample: does not have BROKEN\); retry in 30 s \(the offline sample holds 20 tickers: AAPL, AMD, .*, XOM, and the index \^GSPC\)$/,
    );
    expect(stub.chartRequests('BROKEN')).toHaveLength(1);
    // Not a day: the request breaks the document (400). Days that make no range: it cannot be served (422).
    const badDate = await api().get('/assets/ACME/prices?start=2020-02-30').expect(400);
    expect(badDate.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: 'start: start must be a calendar date YYYY-MM-DD',
    });
    const reversed = await api().get('/assets/ACME/prices?start=2021-01-01&end=2020-01-01').expect(422);
    expect(reversed.body).toMatchObject({
      error: 'DATE_RANGE_INVALID',
      message: 'start 2021-01-01 is after end 2020-01-01',
    });
    await api().get('/assets/%20ACME/prices').expect(400);
    await api().get('/assets/ACME/prices?format=xml').expect(400);
  });

  it('retries a transient 503 from Yahoo with back-off', async () => {
    const response = await api().get('/assets/FLAKY/prices?start=2021-01-01&end=2021-12-31').expect(200);
    expect(response.body.dates).toEqual(['2021-06-01', '2021-06-02']);
    expect(stub.chartRequests('FLAKY')).toHaveLength(2);
  });

  it('fetches once for concurrent requests of the same ticker', async () => {
    stub.delayMs = 300;
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => api().get('/assets/CONC/prices?start=2019-01-01&end=2021-12-31')),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(responses.map((r) => r.body.count)).toEqual([6, 6, 6, 6, 6, 6]);
    } finally {
      stub.delayMs = 0;
    }
    expect(stub.chartRequests('CONC')).toHaveLength(1);
  });

  it('upserts idempotently: the same rows twice leave one row per day, new values replace old ones', async () => {
    const repository = running.app.get(MarketDataRepository, { strict: false });
    const key = { ticker: 'IDEM', source: 'yahoo' as const, ownerId: null };
    const metadata = { ticker: 'IDEM', name: 'Idem', currency: 'USD', exchange: null, type: 'EQUITY' };
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      date: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      close: 10 + i,
      adjClose: 9 + i,
      dividend: null,
      splitRatio: null,
    }));
    const asset = await repository.saveFetched(key, metadata, rows, []);
    await repository.saveFetched(key, metadata, rows, []);
    expect(await repository.countPrices(asset.id)).toBe(2500);
    await repository.saveFetched(key, metadata, [{ ...rows[1999], adjClose: 1234.5 }], []);
    expect(await repository.countPrices(asset.id)).toBe(2500);
    const [row] = await dataSource().query('SELECT adj_close FROM prices WHERE asset_id = $1 AND date = $2', [
      asset.id,
      rows[1999].date,
    ]);
    expect(row).toEqual({ adj_close: 1234.5 });
  });

  it('keeps uploads per user, caches them in Redis and invalidates the cache on upload', async () => {
    const upload = (token: string, csv: string) =>
      api()
        .post('/assets/ACME/prices')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
    // Before her upload Alice gets the public ACME; that "no upload" is remembered, and the upload must end it.
    const before = await api()
      .get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31')
      .set('Authorization', `Bearer ${alice}`)
      .expect(200);
    expect(before.body.source).toBe('yahoo');
    const created = await upload(alice, 'date,close,adj_close\n2024-01-03,11,10.5\n2024-01-02,10,9.5\n').expect(201);
    expect(created.body).toEqual({
      ticker: 'ACME',
      source: 'upload',
      rows: 2,
      available: { start: '2024-01-02', end: '2024-01-03' },
    });
    const mine = await api().get('/assets/ACME/prices').set('Authorization', `Bearer ${alice}`).expect(200);
    expect(mine.body).toMatchObject({ source: 'upload', dates: ['2024-01-02', '2024-01-03'], adjClose: [9.5, 10.5] });
    const cachedKeys = await redis.keys(`${cachePrefix}:upload:*:ACME`);
    expect(cachedKeys).toHaveLength(1);
    expect((await redis.getBuffer(cachedKeys[0]))!.length).toBeGreaterThan(0);

    await upload(alice, 'date,close\n2024-01-03,12\n').expect(201);
    const updated = await api().get('/assets/ACME/prices').set('Authorization', `Bearer ${alice}`).expect(200);
    expect(updated.body.adjClose).toEqual([9.5, 12]);

    // Bob and anonymous callers get the public ACME, not Alice's.
    const bobs = await api()
      .get('/assets/ACME/prices?start=2019-01-01&end=2021-12-31')
      .set('Authorization', `Bearer ${bob}`);
    expect(bobs.body.source).toBe('yahoo');
    expect((await api().get('/assets/ACME').expect(200)).body.source).toBe('yahoo');
  });

  it('rejects a malformed upload listing each bad line, and stores nothing', async () => {
    const response = await api()
      .post('/assets/MYFUND/prices')
      .set('Authorization', `Bearer ${alice}`)
      .set('Content-Type', 'text/csv')
      .send('date,close\n2024-01-02,10\n2024-13-01,11\n2024-01-04,-1\n')
      .expect(400);
    expect(response.body).toMatchObject({
      status: 400,
      error: 'UPLOAD_INVALID',
      details: [
        { line: 3, message: 'date "2024-13-01" is not a calendar date YYYY-MM-DD' },
        { line: 4, message: 'close "-1" is not a positive number' },
      ],
    });
    expect(await dataSource().query(`SELECT id FROM assets WHERE ticker = 'MYFUND'`)).toEqual([]);
    await api()
      .post('/assets/MYFUND/prices')
      .set('Content-Type', 'text/csv')
      .send('date,close\n2024-01-02,10\n')
      .expect(401);
    const json = await api()
      .post('/assets/MYFUND/prices')
      .set('Authorization', `Bearer ${alice}`)
      .send({ date: '2024-01-02' })
      .expect(415);
    expect(json.body.message).toBe('send the CSV as the request body with Content-Type: text/csv');
  });

  it('rolls the whole upload back when the database fails half-way (second chunk)', async () => {
    const lines = Array.from(
      { length: 1500 },
      (_, i) => `${new Date(Date.UTC(2001, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)},${100 + i}`,
    );
    // Row 1201 of 1500 (sorted by date) is in the second chunk of 1000: the first chunk is already written.
    const refused = lines[1200].slice(0, 10);
    await dataSource().query(`
      CREATE FUNCTION refuse_price() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused by test trigger'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_price BEFORE INSERT ON prices FOR EACH ROW
        WHEN (NEW.date = '${refused}') EXECUTE FUNCTION refuse_price();`);
    try {
      const response = await api()
        .post('/assets/ROLLBACK/prices')
        .set('Authorization', `Bearer ${alice}`)
        .set('Content-Type', 'text/csv')
        .send(`date,close\n${lines.join('\n')}\n`)
        .expect(500);
      expect(response.body.error).toBe('INTERNAL_ERROR');
      expect(await dataSource().query(`SELECT id FROM assets WHERE ticker = 'ROLLBACK'`)).toEqual([]);
      expect(
        await dataSource().query(`SELECT COUNT(*)::int AS n FROM prices WHERE date = '2001-01-01' AND close = 100`),
      ).toEqual([{ n: 0 }]);
    } finally {
      await dataSource().query('DROP TRIGGER refuse_price ON prices; DROP FUNCTION refuse_price();');
    }
    const retried = await api()
      .post('/assets/ROLLBACK/prices')
      .set('Authorization', `Bearer ${alice}`)
      .set('Content-Type', 'text/csv')
      .send(`date,close\n${lines.join('\n')}\n`)
      .expect(201);
    expect(retried.body.rows).toBe(1500);
  });

  it('checks tickers with one small Yahoo request each, remembered, storing nothing', async () => {
    const before = stub.chartRequests('CHKD').length;
    const response = await api().get('/tickers/check?tickers=CHKD,NOPE,KO').expect(200);
    expect(response.body).toEqual([
      { ticker: 'CHKD', status: 'known', source: 'yahoo', message: null, nearest: [] },
      {
        ticker: 'NOPE',
        status: 'unknown',
        source: null,
        message: expect.stringMatching(
          /^no configured source can price NOPE \(tried yahoo: does not have NOPE; sample: does not have NOPE\); the offline sample holds 20 tickers: /,
        ),
        nearest: expect.any(Array),
      },
      { ticker: 'KO', status: 'known', source: expect.stringMatching(/^(yahoo|sample)$/), message: null, nearest: [] },
    ]);
    await api().get('/tickers/check?tickers=CHKD').expect(200);
    expect(stub.chartRequests('CHKD').length - before).toBe(1);
    expect(await dataSource().query(`SELECT id FROM assets WHERE ticker = 'CHKD'`)).toEqual([]);
  });

  it('searches stored assets, sample tickers and Yahoo for the autocomplete', async () => {
    const response = await api().get('/assets?query=acm').expect(200);
    expect(response.body).toEqual([
      {
        ticker: 'ACME',
        name: 'Acme Corporation',
        currency: 'USD',
        exchange: 'NYSE',
        type: 'EQUITY',
        sources: ['yahoo'],
      },
    ]);
    const sample = await api().get('/assets?query=microsoft').expect(200);
    expect(sample.body).toContainEqual({
      ticker: 'MSFT',
      name: 'Microsoft Corporation',
      currency: 'USD',
      exchange: 'NASDAQ',
      type: 'EQUITY',
      sources: ['sample'],
    });
    await api().get('/assets?query=').expect(400);
  });
});
