import request from 'supertest';
import { testDatabaseUrl } from '../harness/test-services';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

/** `[[[…]]]` nested `depth` deep: a few hundred kilobytes that JSON.parse reads at once. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const errorShape = (status: number, error: string, message: string | RegExp) => ({
  status,
  error,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
  details: expect.any(Array),
  requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
});

/**
 * Requests that used to freeze or crash the server (issue 14, item 3): each must be a 4xx in the error shape,
 * answered before anything recurses through it — on both databases, whose drivers failed differently.
 */
describe.each([
  ['SQLite', async () => ({ SQLITE_PATH: temporarySqlitePath().path })],
  ['PostgreSQL', async () => ({ DATABASE_URL: await testDatabaseUrl('hostile') })],
])('hostile requests on %s', (_, database) => {
  let running: RunningApp;
  let user: TestUser;

  beforeAll(async () => {
    running = await startApp({ ...(await database()), AUTH_THROTTLE_LIMIT: '1000' });
    user = await signUp(running.url, 'hostile');
  });

  afterAll(async () => {
    await running.close();
  });

  const post = (path: string, body: string) =>
    request(running.url).post(path).set('Content-Type', 'application/json').send(body);

  it('refuses JSON nested 200,000 deep on the public, unthrottled POST /auth/logout, before validation', async () => {
    const response = await post('/auth/logout', nested(200_000)).expect(400);
    expect(response.body).toEqual(
      errorShape(400, 'BAD_REQUEST', 'request body nests deeper than 32 levels of arrays and objects'),
    );
  });

  it('refuses deep nesting inside an object and on authenticated routes too; 32 levels still pass the parser', async () => {
    const deep = await post('/simulate', `{"command":"AAPL-L-100% 2020-01-01 2021-01-01","options":${nested(33)}}`)
      .set('Authorization', user.bearer)
      .expect(400);
    expect(deep.body.message).toBe('request body nests deeper than 32 levels of arrays and objects');
    // Brackets inside strings are text, not nesting.
    const quoted = await post('/simulate', JSON.stringify({ command: '['.repeat(500), options: { benchmark: '[[[' } }))
      .set('Authorization', user.bearer)
      .expect(422);
    expect(quoted.body.error).toBe('INVALID_COMMAND');
    // Exactly the limit: the parser accepts it and validation answers (options must be an object).
    const atLimit = await post('/simulate', `{"command":"AAPL-L-100% 2020-01-01 2021-01-01","options":${nested(31)}}`)
      .set('Authorization', user.bearer)
      .expect(400);
    expect(atLimit.body.error).toBe('VALIDATION_FAILED');
  });

  it('refuses bodies with too many values or fields before parsing them, and arrays where an object is expected', async () => {
    const flat = await post('/auth/logout', `[${new Array(200_000).fill('0').join(',')}]`).expect(400);
    expect(flat.body).toEqual(errorShape(400, 'BAD_REQUEST', 'request body holds more than 10000 values'));
    // Field by field, class-transformer slows down faster than linearly: 60,000 keys used to block for seconds.
    const keys = Object.fromEntries(Array.from({ length: 60_000 }, (_, index) => [`k${index}`, 0]));
    const wide = await post('/auth/logout', JSON.stringify(keys)).expect(400);
    expect(wide.body).toEqual(errorShape(400, 'BAD_REQUEST', 'an object in the request body has more than 100 fields'));
    const array = await post('/auth/logout', '[1,2]').expect(400);
    expect(array.body).toEqual(errorShape(400, 'VALIDATION_FAILED', 'request body must be a JSON object'));
  });

  it('lists the first 20 of 50 unknown fields; refuses more than 100 query parameters', async () => {
    const keys = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`k${index}`, 0]));
    const response = await post('/auth/logout', JSON.stringify(keys)).expect(400);
    expect(response.body.details).toHaveLength(20);
    expect(response.body.message).toMatch(/^k0: property k0 should not exist; .*k19: .*; and 30 more fields$/);
    const query = Array.from({ length: 101 }, (_, index) => `q${index}=1`).join('&');
    const many = await request(running.url).get(`/history?${query}`).set('Authorization', user.bearer).expect(400);
    expect(many.body).toEqual(errorShape(400, 'VALIDATION_FAILED', 'a request takes at most 100 query parameters'));
  });

  it('refuses page numbers whose offset would overflow', async () => {
    for (const page of ['1e17', '100000000', '9007199254740993']) {
      const response = await request(running.url)
        .get(`/history?page=${page}`)
        .set('Authorization', user.bearer)
        .expect(400);
      expect(response.body).toEqual(
        errorShape(400, 'VALIDATION_FAILED', /^page: page must not be greater than 1000000/),
      );
    }
    const last = await request(running.url)
      .get('/history?page=1000000&size=100')
      .set('Authorization', user.bearer)
      .expect(200);
    expect(last.body).toEqual({ items: [], page: 1000000, size: 100, total: 0 });
  });

  it('refuses dates that are not on the calendar, and reads an empty one as absent', async () => {
    for (const [query, message] of [
      ['from=2020-13-45', 'from: from must be a calendar date YYYY-MM-DD'],
      ['to=2021-02-29', 'to: to must be a calendar date YYYY-MM-DD'],
      ['from=2020-1-5', 'from: from must be a calendar date YYYY-MM-DD'],
    ]) {
      const response = await request(running.url)
        .get(`/history?${query}`)
        .set('Authorization', user.bearer)
        .expect(400);
      expect(response.body).toEqual(errorShape(400, 'VALIDATION_FAILED', message));
    }
    const leap = await request(running.url)
      .get('/history?from=2020-02-29&to=')
      .set('Authorization', user.bearer)
      .expect(200);
    expect(leap.body.total).toBe(0);
  });
});
