import request from 'supertest';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { YahooStub } from './yahoo-stub';

/** What `npm start` does without internet: embedded SQLite, in-memory cache, Yahoo unreachable. */
describe('market data offline (embedded SQLite, memory cache)', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    // Port 9 on loopback refuses connections: Yahoo is unreachable at once, as with no network.
    running = await startApp({ SQLITE_PATH: sqlite.path, YAHOO_BASE_URL: 'http://127.0.0.1:9' });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  it('falls back to the sample data and says so', async () => {
    const response = await request(running.url).get('/assets/AAPL/prices?start=2022-12-20&end=2022-12-31').expect(200);
    expect(response.headers['x-price-source']).toBe('sample');
    expect(response.body).toMatchObject({
      ticker: 'AAPL',
      source: 'sample',
      dates: ['2022-12-20', '2022-12-21', '2022-12-22', '2022-12-23', '2022-12-27', '2022-12-28'],
      close: [null, null, null, null, null, null],
    });
    const index = await request(running.url).get('/assets/%5EGSPC').expect(200);
    expect(index.body).toEqual({
      ticker: '^GSPC',
      name: 'S&P 500 (price index)',
      currency: 'USD',
      exchange: 'SNP',
      type: 'INDEX',
      source: 'sample',
      available: { start: '1990-01-02', end: '2022-12-28' },
    });
  });

  it('gives the available range for a range the sample data does not cover', async () => {
    const response = await request(running.url).get('/assets/MSFT/prices?start=2023-01-01&end=2023-06-30').expect(422);
    expect(response.body.details).toEqual([
      {
        ticker: 'MSFT',
        source: 'sample',
        requested: { start: '2023-01-01', end: '2023-06-30' },
        available: { start: '1990-01-02', end: '2022-12-28' },
      },
    ]);
  });

  it('answers 503 with Retry-After for a ticker only Yahoo could serve', async () => {
    const response = await request(running.url).get('/assets/TSLA/prices').expect(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(200);
    expect(response.body).toMatchObject({ status: 503, error: 'MARKET_DATA_UNAVAILABLE' });
    expect(response.body.message).toMatch(/^prices of TSLA are unavailable right now \(yahoo: /);
  });
});

describe('market data when Yahoo times out', () => {
  const stub = new YahooStub();
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      YAHOO_BASE_URL: await stub.start(),
      YAHOO_TIMEOUT_MS: '300',
      YAHOO_OFFLINE_SECONDS: '120',
    });
  });

  afterAll(async () => {
    await running.close();
    await stub.stop();
    sqlite.remove();
  });

  it('gives up after YAHOO_TIMEOUT_MS, then skips Yahoo without waiting while it is marked offline', async () => {
    const slow = await request(running.url).get('/assets/SLOW/prices?start=2021-01-01&end=2021-12-31').expect(503);
    expect(slow.body.message).toBe(
      'prices of SLOW are unavailable right now (yahoo: no answer within 300 ms); retry in 120 s',
    );
    expect(stub.chartRequests('SLOW')).toHaveLength(1);
    const next = await request(running.url).get('/assets/ACME/prices?start=2021-01-01&end=2021-12-31').expect(503);
    expect(next.body.message).toMatch(/yahoo: unreachable moments ago/);
    expect(stub.chartRequests('ACME')).toHaveLength(0);
    // The sample data still serves its tickers meanwhile.
    const sample = await request(running.url).get('/assets/KO/prices?start=2021-01-04&end=2021-01-05').expect(200);
    expect(sample.body.source).toBe('sample');
  });
});
