import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { AuthService } from '../../src/modules/auth/auth.service';
import { testDatabaseUrl, testRedisUrl, uniquePrefix } from '../harness/test-services';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { TEST_PASSWORD } from '../support/test-users';
import { cookieNamed } from './cookies';

/** Resolves with the socket once connected, or rejects with the connect_error message. */
function connect(url: string, auth?: Record<string, unknown>): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
}

const tooMany = (message: RegExp) => ({
  status: 429,
  error: 'TOO_MANY_REQUESTS',
  message: expect.stringMatching(message),
  details: [],
  requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
});

/** Behind TRUST_PROXY the client address is X-Forwarded-For's: each test speaks from addresses of its own. */
const from = (address: string) => ({ 'X-Forwarded-For': address });

/**
 * Sign-in rate limits (issue 14, item 5) — per address and per account, a standard Retry-After, refreshes of a
 * valid session never limited — and the token check on Socket.IO connections (embedded SQLite).
 */
describe('throttling and socket authentication', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '3',
      AUTH_THROTTLE_TTL_SECONDS: '600',
      TRUST_PROXY: 'true',
    });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  const api = () => request(running.url);
  const login = (address: string, email: string, password = 'wrong password 1234') =>
    api().post('/auth/login').set(from(address)).send({ email, password });
  const register = (address: string, email: string) =>
    api().post('/auth/register').set(from(address)).send({ email, password: TEST_PASSWORD });

  it('answers the fourth sign-in attempt from one address with 429 and a standard Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) await login('10.0.1.1', `nobody-${i}@example.com`).expect(401);
    const throttled = await login('10.0.1.1', 'nobody-3@example.com').expect(429);
    expect(throttled.body).toEqual(tooMany(/^too many sign-in attempts from this address: try again in \d+ seconds$/));
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(throttled.headers['retry-after-auth']).toBeUndefined();
    // Another address is not affected; nor are other routes.
    await login('10.0.1.2', 'nobody-4@example.com').expect(401);
    await api().get('/auth/providers').set(from('10.0.1.1')).expect(200);
  });

  it('locks an account after three failed sign-ins from any addresses, until the window ends', async () => {
    await register('10.0.2.1', 'ada@example.com').expect(201);
    for (let i = 0; i < 3; i += 1) await login(`10.0.2.${10 + i}`, 'Ada@Example.com').expect(401);
    // The right password, from a fresh address: refused all the same (spreading the guesses does not help).
    const locked = await login('10.0.2.20', 'ada@example.com', TEST_PASSWORD).expect(429);
    expect(locked.body).toEqual(tooMany(/^too many failed sign-ins for this account: try again in \d+ seconds$/));
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Unknown accounts are counted the same way (no enumeration by the limit).
    for (let i = 0; i < 3; i += 1) await login(`10.0.2.${30 + i}`, 'ghost@example.com').expect(401);
    await login('10.0.2.40', 'ghost@example.com').expect(429);
  });

  it('clears an account’s failures when its password is given', async () => {
    await register('10.0.3.1', 'bob@example.com').expect(201);
    for (let i = 0; i < 2; i += 1) await login(`10.0.3.${10 + i}`, 'bob@example.com').expect(401);
    await login('10.0.3.20', 'bob@example.com', TEST_PASSWORD).expect(200);
    for (let i = 0; i < 2; i += 1) await login(`10.0.3.${30 + i}`, 'bob@example.com').expect(401);
    await login('10.0.3.40', 'bob@example.com', TEST_PASSWORD).expect(200);
  });

  it('never limits refreshing a valid session: twenty reloads a minute stay signed in', async () => {
    const signedIn = await register('10.0.4.1', 'reloader@example.com').expect(201);
    let cookie = `portofino_refresh=${cookieNamed(signedIn.headers, 'portofino_refresh')?.value}`;
    for (let reload = 0; reload < 20; reload += 1) {
      const refreshed = await api().post('/auth/refresh').set(from('10.0.4.1')).set('Cookie', cookie).expect(200);
      cookie = `portofino_refresh=${cookieNamed(refreshed.headers, 'portofino_refresh')?.value}`;
    }
    // A signed-out visitor (no cookie at all) reloading is not counted either.
    for (let reload = 0; reload < 10; reload += 1) {
      const missing = await api().post('/auth/refresh').set(from('10.0.4.2')).send({}).expect(401);
      expect(missing.body.error).toBe('REFRESH_TOKEN_MISSING');
    }
  });

  it('limits invalid refresh tokens per address, and clears a dead cookie so that reloads stop presenting it', async () => {
    const dead = `pfr_${'A'.repeat(43)}`;
    for (let i = 0; i < 3; i += 1) {
      const refused = await api()
        .post('/auth/refresh')
        .set(from('10.0.5.1'))
        .set('Cookie', `portofino_refresh=${dead}`)
        .expect(401);
      expect(refused.body.error).toBe('REFRESH_TOKEN_INVALID');
      expect(cookieNamed(refused.headers, 'portofino_refresh')?.value).toBe('');
    }
    const throttled = await api().post('/auth/refresh').set(from('10.0.5.1')).send({ refreshToken: dead }).expect(429);
    expect(throttled.body).toEqual(
      tooMany(/^too many invalid refresh tokens from this address: try again in \d+ seconds$/),
    );
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Elsewhere, a valid session refreshes as always.
    const signedIn = await register('10.0.5.2', 'elsewhere@example.com').expect(201);
    await api()
      .post('/auth/refresh')
      .set(from('10.0.5.3'))
      .send({ refreshToken: signedIn.body.refreshToken })
      .expect(200);
  });

  it('limits registrations per address', async () => {
    for (let i = 0; i < 3; i += 1) await register('10.0.6.1', `throttle-${i}@example.com`).expect(201);
    const throttled = await register('10.0.6.1', 'throttle-3@example.com').expect(429);
    expect(throttled.body.message).toMatch(/^too many registrations from this address: try again in \d+ seconds$/);
  });

  it('counts failed password confirmations of an account deletion against the account', async () => {
    const carol = await register('10.0.7.1', 'carol@example.com').expect(201);
    const stale = await running.app
      .get(AuthService)
      .login('carol@example.com', TEST_PASSWORD, '10.0.7.2')
      .then((session) => session.accessToken);
    for (let i = 0; i < 3; i += 1) {
      await api()
        .delete('/auth/me')
        .set('Authorization', `Bearer ${stale}`)
        .send({ password: 'not her password at all' })
        .expect(401);
    }
    await api()
      .delete('/auth/me')
      .set('Authorization', `Bearer ${carol.body.accessToken}`)
      .send({ password: TEST_PASSWORD })
      .expect(429);
    await login('10.0.7.3', 'carol@example.com', TEST_PASSWORD).expect(429);
  });

  describe('Socket.IO', () => {
    let accessToken: string;

    beforeAll(async () => {
      const session = await running.app
        .get(AuthService)
        .register({ email: 'socket@example.com', password: TEST_PASSWORD }, '10.0.8.1');
      accessToken = session.accessToken;
    });

    it('refuses a socket without a token, with a message', async () => {
      await expect(connect(running.url)).rejects.toThrow(
        'authentication required: connect with auth: { token: "<access token>" } (POST /auth/login or /auth/refresh gives one)',
      );
    });

    it('refuses a socket with a bad token', async () => {
      await expect(connect(running.url, { token: 'not.a.jwt' })).rejects.toThrow(
        'invalid or expired access token: refresh it at POST /auth/refresh and reconnect',
      );
    });

    it('connects a socket with a valid access token', async () => {
      const socket = await connect(running.url, { token: accessToken });
      expect(socket.connected).toBe(true);
      socket.close();
    });

    it('keeps /system public', async () => {
      const socket = await connect(`${running.url}/system`);
      expect(socket.connected).toBe(true);
      socket.close();
    });
  });
});

/** Two API processes on one Redis count together: a limit of 3 is 3 in all, not 3 each. */
describe('rate limits shared by several API processes (PostgreSQL, Redis)', () => {
  let first: RunningApp;
  let second: RunningApp;

  beforeAll(async () => {
    const env = {
      DATABASE_URL: await testDatabaseUrl('auth_limits'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('limits'),
      AUTH_THROTTLE_LIMIT: '3',
      AUTH_THROTTLE_TTL_SECONDS: '600',
      TRUST_PROXY: 'true',
    };
    first = await startApp(env);
    second = await startApp(env);
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  const attempt = (app: RunningApp, address: string, email: string) =>
    request(app.url).post('/auth/login').set(from(address)).send({ email, password: 'wrong password 1234' });

  it('refuses the fourth attempt from an address whichever process receives it', async () => {
    await attempt(first, '10.1.0.1', 'shared-0@example.com').expect(401);
    await attempt(second, '10.1.0.1', 'shared-1@example.com').expect(401);
    await attempt(first, '10.1.0.1', 'shared-2@example.com').expect(401);
    const throttled = await attempt(second, '10.1.0.1', 'shared-3@example.com').expect(429);
    expect(throttled.body.message).toMatch(/^too many sign-in attempts from this address/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    await attempt(first, '10.1.0.1', 'shared-4@example.com').expect(429);
  });

  it('locks an account for every process', async () => {
    await attempt(first, '10.1.1.1', 'target@example.com').expect(401);
    await attempt(second, '10.1.1.2', 'target@example.com').expect(401);
    await attempt(first, '10.1.1.3', 'target@example.com').expect(401);
    const locked = await attempt(second, '10.1.1.4', 'target@example.com').expect(429);
    expect(locked.body.message).toMatch(/^too many failed sign-ins for this account/);
  });
});
