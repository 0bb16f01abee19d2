import request from 'supertest';
import { io, Socket } from 'socket.io-client';
import { startApp, temporarySqlitePath, RunningApp } from '../support/test-app';

/** The HTTP surface of the embedded default (no DATABASE_URL, REDIS_URL or KAFKA_BROKERS): what `npm start` serves. */
describe('HTTP surface in embedded mode', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({ SQLITE_PATH: sqlite.path, BODY_LIMIT: '2kb' });
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  it('reports readiness naming each dependency and its state', async () => {
    const response = await request(running.url).get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: {
        database: { status: 'up', kind: 'sqlite' },
        queue: { status: 'up', kind: 'in-process', role: 'both' },
        events: { status: 'up', kind: 'in-process', role: 'both' },
      },
      error: {},
      details: {
        database: { status: 'up', kind: 'sqlite' },
        queue: { status: 'up', kind: 'in-process', role: 'both' },
        events: { status: 'up', kind: 'in-process', role: 'both' },
      },
    });
  });

  it('answers liveness', async () => {
    const response = await request(running.url).get('/health/live').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.uptimeSeconds).toBeGreaterThan(0);
  });

  it('serves Swagger UI at /docs and the OpenAPI document', async () => {
    const ui = await request(running.url).get('/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const document = await request(running.url).get('/docs/openapi.json').expect(200);
    expect(document.body.openapi).toBe('3.0.0');
    expect(document.body.info.title).toBe('PortoFino API');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/health', '/health/live']));
    expect(document.body.components.schemas.ErrorResponse.required).toEqual(
      expect.arrayContaining(['status', 'error', 'message', 'details', 'requestId']),
    );
  });

  it('exposes Prometheus metrics: Node defaults and request durations by route template', async () => {
    await request(running.url).get('/health/live').expect(200);
    const metrics = await request(running.url).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toContain('nodejs_eventloop_lag_seconds');
    expect(metrics.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status_class="2xx"\} \d+/,
    );
  });

  it('keeps one series for all unknown URLs, so label cardinality stays bounded', async () => {
    for (let i = 0; i < 200; i += 1) await request(running.url).get(`/no-such-page/${i}?q=${i}`).expect(404);
    const metrics = (await request(running.url).get('/metrics')).text;
    const series = metrics.split('\n').filter((line) => line.startsWith('http_request_duration_seconds_count'));
    expect(series.filter((line) => line.includes('no-such-page'))).toEqual([]);
    expect(series.find((line) => line.includes('route="unmatched",status_class="4xx"'))).toMatch(/ (\d+)$/);
    expect(
      Number(/ (\d+)$/.exec(series.find((line) => line.includes('route="unmatched"')) ?? '')?.[1]),
    ).toBeGreaterThanOrEqual(200);
  });

  it('answers an unknown route with the JSON error shape and the request id', async () => {
    const response = await request(running.url).get('/nowhere').set('X-Request-ID', 'trace-1234-abcd').expect(404);
    expect(response.headers['x-request-id']).toBe('trace-1234-abcd');
    expect(response.body).toEqual({
      status: 404,
      error: 'NOT_FOUND',
      message: 'Cannot GET /nowhere',
      details: [],
      requestId: 'trace-1234-abcd',
    });
  });

  it('answers a method the document does not list on one of its paths with 405 and Allow', async () => {
    const trace = await request(running.url).trace('/health/live').expect(405);
    expect(trace.headers.allow).toBe('GET, HEAD');
    expect(trace.body).toMatchObject({ status: 405, error: 'METHOD_NOT_ALLOWED' });
    const put = await request(running.url).put('/history/6e014ab1-37db-4f61-aca0-fe3bf8e94e73').expect(405);
    expect(put.headers.allow).toBe('DELETE, GET, HEAD');
    // GET and DELETE /auth/me come from two controllers: both are allowed.
    expect((await request(running.url).patch('/auth/me').expect(405)).headers.allow).toBe('DELETE, GET, HEAD');
    await request(running.url).head('/health/live').expect(200);
    await request(running.url).put('/nowhere').expect(404);
  });

  it('refuses malformed JSON with 400 in the same shape', async () => {
    const response = await request(running.url)
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"command": ')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, error: 'BAD_REQUEST', details: [] });
    expect(response.body.message).toMatch(/^request body is not valid JSON/);
    expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over BODY_LIMIT with 413', async () => {
    const response = await request(running.url)
      .post('/health')
      .send({ command: 'x'.repeat(4096) })
      .expect(413);
    expect(response.body).toMatchObject({
      status: 413,
      error: 'PAYLOAD_TOO_LARGE',
      message: 'request body is larger than the limit (2048 bytes)',
    });
  });

  it('sends helmet security headers and hides the framework', async () => {
    const response = await request(running.url).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('greets Socket.IO clients on /system and answers ping', async () => {
    const socket: Socket = io(`${running.url}/system`, { transports: ['websocket'], forceNew: true });
    try {
      const hello = await new Promise<Record<string, unknown>>((resolve, reject) => {
        socket.once('hello', resolve);
        socket.once('connect_error', reject);
      });
      expect(hello).toMatchObject({ service: 'portofino', version: '0.1.0', role: 'both' });
      const pong = (await socket.timeout(5000).emitWithAck('ping')) as { serverTime: string };
      expect(Date.parse(pong.serverTime)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      socket.close();
    }
  });

  it('leaves /app unrouted when SERVE_DASHBOARD=false', async () => {
    await request(running.url).get('/app').expect(404);
  });
});
