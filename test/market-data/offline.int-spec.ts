import request from 'supertest';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp } from '../support/test-users';
import { YahooStub } from './yahoo-stub';

const SAMPLE =
  'the offline sample holds 20 tickers: AAPL, AMD, BAC, BBY, CVX, GE, HD, JNJ, JPM, KO, LLY, MRK, MSFT, PEP, PFE, PG, RRC, UNH, WMT, XOM, and the index ^GSPC';

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
      kind: 'total-return',
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
      kind: 'price-only',
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
    // Issue 15 item 11: every source tried, and what the offline sample holds.
    expect(response.body.message).toBe(
      `prices of TSLA are unavailable right now (tried yahoo: unreachable moments ago; sample: does not have TSLA); ` +
        `retry in ${response.headers['retry-after']} s (${SAMPLE})`,
    );
  });
  it('checks tickers for the editor without fetching histories: sources tried, the sample named, nearest tickers', async () => {
    const response = await request(running.url)
      .get('/tickers/check?tickers=AAPL,TSLA,APPL,%5EGSPC,no%20way')
      .expect(200);
    const [aapl, tsla, appl, gspc, invalid] = response.body;
    expect(aapl).toEqual({ ticker: 'AAPL', status: 'known', source: 'sample', message: null, nearest: [] });
    expect(gspc).toMatchObject({ ticker: '^GSPC', status: 'known' });
    expect(tsla.status).toBe('unverified');
    expect(tsla.message).toMatch(
      /^no configured source can price TSLA right now \(tried yahoo: unreachable moments ago \(retry in \d+ s\); sample: does not have TSLA\); the offline sample holds 20 tickers: AAPL, AMD, BAC/,
    );
    expect(appl).toMatchObject({ ticker: 'APPL', status: 'unverified', nearest: ['AAPL'] });
    expect(invalid).toMatchObject({ ticker: 'NO WAY', status: 'invalid' });
    await request(running.url).get('/tickers/check').expect(400);
    await request(running.url)
      .get(`/tickers/check?tickers=${Array.from({ length: 51 }, () => 'KO').join(',')}`)
      .expect(400);
  });

  it("stores Yahoo's export and semicolon-separated files, and refuses implausible values naming the line", async () => {
    const user = await signUp(running.url, 'uploader');
    const upload = (ticker: string, csv: string) =>
      request(running.url)
        .post(`/assets/${ticker}/prices`)
        .set('Authorization', user.bearer)
        .set('Content-Type', 'text/csv')
        .send(csv);
    const yahoo = await upload(
      'MYFUND',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,187.15,188.44,183.89,185.64,185.11,82488700\n',
    ).expect(201);
    expect(yahoo.body).toEqual({
      ticker: 'MYFUND',
      source: 'upload',
      rows: 1,
      available: { start: '2024-01-02', end: '2024-01-02' },
    });
    await upload('EUFUND', 'Date;CLOSE\n2024-01-02;101,25\n').expect(201);
    const stored = await request(running.url).get('/assets/EUFUND/prices').set('Authorization', user.bearer);
    expect(stored.body).toMatchObject({ dates: ['2024-01-02'], adjClose: [101.25], close: [101.25] });

    const refused = await upload('BADFUND', 'date,close\n2024-01-02,1e-320\n0000-01-03,100\n').expect(400);
    expect(refused.body).toEqual({
      status: 400,
      error: 'UPLOAD_INVALID',
      message:
        'the CSV has 2 bad lines; nothing was stored: line 2: close 1e-320 is not a plausible price (between 1e-9 and 1e+12); ' +
        'line 3: date 0000-01-03 is before 1600-01-01: not a plausible trading day',
      details: [
        { line: 2, message: 'close 1e-320 is not a plausible price (between 1e-9 and 1e+12)' },
        { line: 3, message: 'date 0000-01-03 is before 1600-01-01: not a plausible trading day' },
      ],
      requestId: expect.any(String),
    });
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
      `prices of SLOW are unavailable right now (tried yahoo: no answer within 300 ms; sample: does not have SLOW); retry in 120 s (${SAMPLE})`,
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
