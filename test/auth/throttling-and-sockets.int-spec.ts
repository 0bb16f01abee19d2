import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import { AuthService } from '../../src/modules/auth/auth.service';
import { RunningApp, startApp, temporarySqlitePath } from '../support/test-app';

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

/** Rate limits on the sign-in endpoints, and the token check on Socket.IO connections (embedded SQLite). */
describe('throttling and socket authentication', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({ SQLITE_PATH: sqlite.path, AUTH_THROTTLE_LIMIT: '3', AUTH_THROTTLE_TTL_SECONDS: '600' });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  it('answers the fourth login attempt within the window with 429 in the error shape', async () => {
    const attempt = () =>
      request(running.url).post('/auth/login').send({ email: 'nobody@example.com', password: 'wrong password 1234' });
    for (let i = 0; i < 3; i += 1) await attempt().expect(401);
    const throttled = await attempt().expect(429);
    expect(throttled.body).toEqual({
      status: 429,
      error: 'TOO_MANY_REQUESTS',
      message: 'too many attempts from this address: wait a minute and try again',
      details: [],
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(Number(throttled.headers['retry-after-auth'])).toBeGreaterThan(0);
    // Other routes are not limited: probes and the providers list still answer.
    await request(running.url).get('/auth/providers').expect(200);
  });

  it('limits register and refresh too, each on its own count', async () => {
    for (let i = 0; i < 3; i += 1) await request(running.url).post('/auth/refresh').send({}).expect(401);
    await request(running.url).post('/auth/refresh').send({}).expect(429);
    const email = (i: number) => `throttle-${i}@example.com`;
    for (let i = 0; i < 3; i += 1) {
      await request(running.url)
        .post('/auth/register')
        .send({ email: email(i), password: 'correct horse battery staple 7' })
        .expect(201);
    }
    await request(running.url)
      .post('/auth/register')
      .send({ email: email(3), password: 'correct horse battery staple 7' })
      .expect(429);
  });

  describe('Socket.IO', () => {
    let accessToken: string;

    beforeAll(async () => {
      // The sign-in routes' buckets are used up above: sign up through the service itself.
      const session = await running.app
        .get(AuthService)
        .register({ email: 'socket@example.com', password: 'correct horse battery staple 7' });
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
