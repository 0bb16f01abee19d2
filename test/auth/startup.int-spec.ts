import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { exitCodeOf, startServerProcess } from '../support/server-process';

/** The JWT secret as `npm start` meets it: NODE_ENV=production, possibly nothing configured. */
describe('JWT secret at start-up (src/main.ts in production)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'portofino-startup-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a weak JWT_SECRET', async () => {
    const server = await startServerProcess({ NODE_ENV: 'production', JWT_SECRET: 'changeme' }, [], {
      waitUntilReady: false,
    });
    expect(await exitCodeOf(server)).toBe(1);
    expect(server.output()).toContain(
      [
        'Invalid configuration:',
        '  - JWT_SECRET: must be at least 32 bytes in production, got 8 (openssl rand -base64 48 makes one; or unset it to use JWT_SECRET_FILE)',
        'See .env.example for every variable and its default.',
      ].join('\n'),
    );
  });

  it('without JWT_SECRET, generates a private secret file once and keeps sign-ins valid across restarts', async () => {
    const env = {
      NODE_ENV: 'production',
      SERVE_DASHBOARD: 'false',
      SQLITE_PATH: join(dir, 'portofino.sqlite'),
      JWT_SECRET_FILE: join(dir, '.jwt-secret'),
    };
    const first = await startServerProcess(env);
    let accessToken: string;
    try {
      const registered = await request(first.url)
        .post('/auth/register')
        .send({ email: 'restart@example.com', password: 'correct horse battery staple 7' })
        .expect(201);
      accessToken = registered.body.accessToken;
    } finally {
      await first.stop();
    }
    expect(statSync(env.JWT_SECRET_FILE).mode & 0o777).toBe(0o600);
    expect(readFileSync(env.JWT_SECRET_FILE, 'utf8')).toMatch(/^[A-Za-z0-9_-]{64}\n$/);
    expect(first.output()).toContain(`JWT_SECRET is not set: generated a secret in ${env.JWT_SECRET_FILE}`);

    const second = await startServerProcess(env);
    try {
      const me = await request(second.url).get('/auth/me').set('Authorization', `Bearer ${accessToken}`).expect(200);
      expect(me.body.email).toBe('restart@example.com');
    } finally {
      await second.stop();
    }
    expect(second.output()).not.toContain('generated a secret');
  });
});
