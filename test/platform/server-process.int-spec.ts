import request from 'supertest';
import { exitCodeOf, ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, temporarySqlitePath } from '../support/test-app';

/** main.ts as a person runs it: configuration errors, the dashboard on the API port, clean shutdown. */
describe('the server process (src/main.ts)', () => {
  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const server = await startServerProcess(
      { PORT: '8000', APP_ROLE: 'everything', DATABASE_URL: 'mysql://db/x', QUEUE_CONCURRENCY: '0' },
      [],
      { waitUntilReady: false },
    );
    expect(await exitCodeOf(server)).toBe(1);
    expect(server.output()).toContain(
      [
        'Invalid configuration:',
        '  - APP_ROLE: must be one of api, worker, both, got "everything"',
        '  - DATABASE_URL: must be a URL starting with postgres:// or postgresql://',
        '  - QUEUE_CONCURRENCY: must be an integer from 1 to 256, got "0"',
        'See .env.example for every variable and its default.',
      ].join('\n'),
    );
  });

  it('refuses an unknown --role', async () => {
    const server = await startServerProcess({}, ['--role=scheduler'], { waitUntilReady: false });
    expect(await exitCodeOf(server)).toBe(1);
    expect(server.output()).toContain('--role: must be one of api, worker, both, got "scheduler"');
  });

  describe('with the dashboard (npm test builds it first, as npm start does)', () => {
    let server: ServerProcess;
    let sqlite: ReturnType<typeof temporarySqlitePath>;

    beforeAll(async () => {
      sqlite = temporarySqlitePath();
      server = await startServerProcess({ SQLITE_PATH: sqlite.path, SERVE_DASHBOARD: 'true', LOG_FORMAT: 'json' });
    });

    afterAll(async () => {
      await server.stop();
      sqlite.remove();
    });

    it('redirects / to /app and serves the Next.js dashboard there, with its assets', async () => {
      await request(server.url).get('/').expect(302).expect('location', '/app');
      const page = await request(server.url).get('/app').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toMatch(/<title>[^<]*PortoFino<\/title>/);
      const asset = /src="(\/app\/_next\/static\/[^"]+\.js)"/.exec(page.text)?.[1];
      expect(asset).toBeDefined();
      await request(server.url)
        .get(asset as string)
        .expect(200)
        .expect('content-type', /javascript/);
      await request(server.url).get('/health').expect(200);
    });

    it('keeps database dates working with Next.js loaded in the same process (a refresh reads one)', async () => {
      // Next's server swaps the global Date; TypeORM's `type: Date` columns then came back as strings (a 500).
      const email = `next-date-${Date.now()}@example.com`;
      const registered = await request(server.url)
        .post('/auth/register')
        .send({ email, password: 'correct horse battery staple 7' })
        .expect(201);
      const refreshed = await request(server.url)
        .post('/auth/refresh')
        .send({ refreshToken: registered.body.refreshToken })
        .expect(200);
      expect(new Date(refreshed.body.refreshTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    });

    it('logs structured JSON lines with the request id', async () => {
      await request(server.url).get('/health/live').set('X-Request-ID', 'log-check-0001');
      await request(server.url).get('/nowhere-to-be-found').set('X-Request-ID', 'log-check-0002');
      const parse = () =>
        server
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { level: string; context: string; message: Record<string, unknown> });
      const lines = await eventually(async () => {
        const parsed = parse();
        return parsed.some((line) => line.message.requestId === 'log-check-0002') ? parsed : undefined;
      });
      expect(lines.find((line) => line.context === 'Bootstrap')?.message).toMatchObject({
        role: 'both',
        database: 'sqlite',
        queue: 'memory',
        events: 'memory',
      });
      expect(lines.find((line) => line.message.requestId === 'log-check-0002')).toMatchObject({
        level: 'log',
        context: 'HTTP',
        message: { method: 'GET', path: '/nowhere-to-be-found', status: 404 },
      });
    });

    it('shuts down cleanly on SIGTERM', async () => {
      expect(await server.stop()).toBe(0);
      expect(server.output()).toContain('SIGTERM received, shutting down');
    });
  });
});
