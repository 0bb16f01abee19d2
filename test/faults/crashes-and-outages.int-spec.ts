import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { startKafka, type KafkaHandle } from '../harness/kafka';
import { startPostgres, type PostgresHandle } from '../harness/postgres';
import { startRedis, type RedisHandle } from '../harness/redis';
import { makeTempDir, removeDir } from '../harness/util';
import { YahooStub } from '../market-data/yahoo-stub';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually } from '../support/test-app';
import { TEST_PASSWORD } from '../support/test-users';

// Generous: processes boot slowly when the 2-core machine is shared (each step still waits on a condition).
jest.setTimeout(300_000);

/** A busy machine can take long to compile and boot a server process (three boot at once here). */
const BOOT_TIMEOUT_MS = 150_000;

/** Every answer the suite got: a 5xx other than a documented 503 is a failure. */
interface Answer {
  method: string;
  path: string;
  status: number;
  ms: number;
  headers: Headers;
  body: unknown;
}

interface SimulationView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  failureReason: string | null;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The fault suite: the real servers (PostgreSQL, Redis and Kafka of its own, which it stops and starts; the API
 * and two workers as separate processes of src/main.ts) while workers are killed and each backing service goes
 * away in turn. Whatever happens, every simulation the API accepted ends `completed` or `failed` with a reason,
 * with one history entry, one result and one `simulation.completed` event; nothing answers 5xx but the
 * documented 503s; /health answers within a second.
 *
 * Prices come from a Yahoo stub that can hold a ticker's request unanswered: that is how a job is kept running
 * while its worker is killed or Redis is emptied under it.
 */
describe('crashes and outages', () => {
  const yahoo = new YahooStub();
  const answers: Answer[] = [];
  /** Simulations the API accepted (202), by id. */
  const accepted = new Set<string>();
  /** Some that completed, to report on. */
  const completed: string[] = [];
  let dir: string;
  let postgres: PostgresHandle;
  let redis: RedisHandle;
  let kafka: KafkaHandle;
  let env: Record<string, string>;
  let api: ServerProcess;
  const workers: ServerProcess[] = [];
  let bearer: string;

  const worker = async (): Promise<ServerProcess> => {
    const started = await startServerProcess({ ...env, DB_MIGRATIONS_RUN: 'false' }, ['--role=worker'], {
      timeoutMs: BOOT_TIMEOUT_MS,
    });
    workers.push(started);
    return started;
  };

  /** The workers not killed (yet). */
  const liveWorkers = () => workers.filter((one) => one.child.exitCode === null && one.child.signalCode === null);

  /** Whether `server` logged the start of job `id`. */
  const startedJob = (server: ServerProcess, id: string): boolean =>
    server.output().includes(`"message":"job started","queue":"simulations","job":"run","jobId":"${id}"`);

  /** One HTTP call, timed and recorded. Never hangs the suite: 20 s is a failure. */
  async function call(
    method: string,
    target: string,
    body?: unknown,
    headers: Record<string, string> = {},
    origin = api.url,
  ): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${origin}${target}`, {
      method,
      headers: {
        ...(bearer ? { authorization: bearer } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    const answer: Answer = {
      method,
      path: target,
      status: response.status,
      ms: performance.now() - started,
      headers: response.headers,
      body: text ? (JSON.parse(text) as unknown) : null,
    };
    answers.push(answer);
    return answer;
  }

  async function submit(command: string, idempotencyKey?: string): Promise<Answer> {
    const answer = await call(
      'POST',
      '/simulate',
      { command },
      idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    );
    if (answer.status === 202) accepted.add((answer.body as { simulationId: string }).simulationId);
    return answer;
  }

  const simulation = async (id: string): Promise<SimulationView> => {
    const answer = await call('GET', `/history/${id}?trades=0`);
    if (answer.status !== 200) throw new Error(`GET /history/${id} answered ${answer.status}`);
    return answer.body as SimulationView;
  };

  const finished = (ids: string[], timeoutMs = 45_000) =>
    Promise.all(
      ids.map((id) =>
        eventually(
          async () => {
            const view = await simulation(id);
            return view.status === 'completed' || view.status === 'failed' ? view : undefined;
          },
          timeoutMs,
          `simulation ${id} to finish`,
        ),
      ),
    );

  /** How long /health takes on `origin` (the median of three probes: one slow answer on a busy machine is not the
   * point), and what it answered. */
  async function healthProbes(origin: string): Promise<{ ms: number; statuses: number[]; last: Answer }> {
    const probes: Answer[] = [];
    for (let i = 0; i < 3; i += 1) probes.push(await call('GET', '/health', undefined, {}, origin));
    return {
      ms: median(probes.map((probe) => probe.ms)),
      statuses: probes.map((probe) => probe.status),
      last: probes[2],
    };
  }

  async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dir = makeTempDir('portofino-faults-');
    [postgres, redis, kafka] = await Promise.all([
      startPostgres({ parentDir: dir }),
      startRedis({ parentDir: dir }),
      startKafka({ parentDir: dir }),
    ]);
    env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      OUTBOX_POLL_MS: '100',
      // A killed worker's job is found stalled within about 3 s; stranded work is recovered every second.
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
      QUEUE_RECOVERY_MS: '1000',
      // Two jobs at once per worker: held simulations fill them, and what comes next waits in Redis.
      QUEUE_CONCURRENCY: '2',
      QUEUE_PREFIX: 'faults',
      REPORTS_DIR: path.join(dir, 'reports'),
      MARKET_DATA_PROVIDERS: 'yahoo',
      YAHOO_BASE_URL: await yahoo.start(),
      YAHOO_TIMEOUT_MS: '120000',
      AUTH_THROTTLE_LIMIT: '1000',
      SERVE_DASHBOARD: 'false',
      JWT_SECRET: 'fault-suite-secret-that-is-long-enough-0123456789',
    };
    // The API runs the migrations; the first worker starts beside it (until they are done, its sweeps fail
    // and are tried again).
    [api] = await Promise.all([startServerProcess(env, ['--role=api'], { timeoutMs: BOOT_TIMEOUT_MS }), worker()]);
    const registered = await call('POST', '/auth/register', {
      email: `faults-${randomUUID().slice(0, 8)}@example.com`,
      password: TEST_PASSWORD,
    });
    bearer = `Bearer ${(registered.body as { accessToken: string }).accessToken}`;
  });

  afterAll(async () => {
    await Promise.all([...workers, api].map((server) => server?.stop()));
    // PORTOFINO_FAULTS_LOGS=<dir> keeps what each server process printed, for a post-mortem.
    const logs = process.env.PORTOFINO_FAULTS_LOGS;
    if (logs) {
      fs.mkdirSync(logs, { recursive: true });
      for (const [index, server] of [api, ...workers].entries()) {
        if (server) fs.writeFileSync(path.join(logs, index === 0 ? 'api.log' : `worker-${index}.log`), server.output());
      }
    }
    await yahoo.stop();
    await Promise.allSettled([postgres?.stop(), redis?.stop(), kafka?.stop()]);
    removeDir(dir);
  });

  it('fails, with a reason, the simulations whose worker was killed twice while running them', async () => {
    yahoo.hold('CRASHA', 'CRASHB');
    const held = [
      await submit('CRASHA-L-100% 2019-06-03 2021-06-30'),
      await submit('CRASHB-L-100% 2019-06-03 2021-06-30'),
    ].map((answer) => (answer.body as { simulationId: string }).simulationId);
    const requestsFor = (count: number) => async () =>
      yahoo.chartRequests('CRASHA').length >= count && yahoo.chartRequests('CRASHB').length >= count ? true : undefined;

    // The first worker holds both. Three more start meanwhile (they cannot take a running job); then it is killed.
    await eventually(requestsFor(1), 30_000, 'the first worker to fetch prices');
    const [first] = workers;
    await Promise.all([worker(), worker(), worker()]);
    first.child.kill('SIGKILL');
    await first.stop();
    // Bull finds them stalled and one or two of the others run them again: kill those too.
    await eventually(requestsFor(2), 30_000, 'other workers to run them again');
    const holders = await eventually(
      async () => {
        const holding = liveWorkers().filter((one) => held.some((id) => startedJob(one, id)));
        return held.every((id) => holding.some((one) => startedJob(one, id))) ? holding : undefined;
      },
      10_000,
      'the workers running them again',
    );
    for (const holder of holders) holder.child.kill('SIGKILL');
    await Promise.all(holders.map((holder) => holder.stop()));

    // Stalled twice: Bull fails the jobs, the recovery sweep fails the simulations, and says why.
    for (const view of await finished(held)) {
      expect(view).toMatchObject({ status: 'failed' });
      expect(view.failureReason).toMatch(/worker running this simulation stopped \(crashed or was killed\) twice/);
    }
    // Not run a third time.
    expect(yahoo.chartRequests('CRASHA')).toHaveLength(2);
    yahoo.release();
  });

  it('runs again what Redis lost when it was emptied, queued and running alike, and completes each once', async () => {
    const heldTickers = ['FLUSH1', 'FLUSH2', 'FLUSH3', 'FLUSH4'];
    yahoo.hold(...heldTickers);
    const ids: string[] = [];
    for (const ticker of [...heldTickers, 'LOST1', 'LOST2']) {
      ids.push(
        ((await submit(`${ticker}-L-100% 2019-06-03 2021-06-30`)).body as { simulationId: string }).simulationId,
      );
    }
    // The workers (one or two, two jobs each) are busy with held ones; the rest waits in Redis.
    await eventually(
      async () =>
        heldTickers.filter((ticker) => yahoo.chartRequests(ticker).length > 0).length >= 2 * liveWorkers().length
          ? true
          : undefined,
      30_000,
      'the held simulations to run',
    );
    const client = new Redis(redis.url);
    try {
      await client.flushall();
      // The sweep enqueues every lost job again, the running ones included.
      await eventually(
        async () =>
          (await client.exists(...ids.map((id) => `faults:simulations:${id}`))) === ids.length ? true : undefined,
        30_000,
        'the recovery sweep to enqueue the lost jobs again',
      );
    } finally {
      client.disconnect();
    }
    // The first runs go on, and their second runs wait behind them: each completes once (checked at the end).
    yahoo.release();
    for (const view of await finished(ids)) expect(view.status).toBe('completed');
    completed.push(...ids);
  });

  it('accepts simulations and reports while Redis is down (202 at once: they are durable), runs them once it is back', async () => {
    await redis.halt();
    const during: Answer[] = [];
    for (const ticker of ['REDIS1', 'REDIS2', 'REDIS3'])
      during.push(await submit(`${ticker}-L-100% 2019-06-03 2021-06-30`));
    expect(during.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(median(during.map((answer) => answer.ms))).toBeLessThan(1000);
    // A report too: it waits, queued, rather than failing for want of a queue.
    const report = await call('POST', '/report', { simulationId: completed[0] });
    expect(report.status).toBe(202);
    expect(report.body).toMatchObject({ status: 'queued', created: true });
    const reportId = (report.body as { reportId: string }).reportId;
    const health = await healthProbes(api.url);
    expect(health.ms).toBeLessThan(1000);
    expect(health.last.body).toMatchObject({
      status: 503,
      error: 'NOT_READY',
      message: expect.stringContaining('queue down'),
    });
    const workerHealth = await healthProbes(liveWorkers()[0].url);
    expect(workerHealth.ms).toBeLessThan(1000);

    // Back, and empty (no persistence): the sweep enqueues them again.
    await redis.resume();
    const ids = during.map((answer) => (answer.body as { simulationId: string }).simulationId);
    for (const view of await finished(ids)) expect(view.status).toBe('completed');
    const built = await eventually(
      async () => {
        const answer = await call('GET', `/report/${reportId}`);
        const body = answer.body as { status: string };
        return body.status === 'completed' || body.status === 'failed' ? body : undefined;
      },
      45_000,
      'the report to be built',
    );
    expect(built).toMatchObject({ status: 'completed', failureReason: null });
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and completes what was in flight', async () => {
    yahoo.hold('INFLIGHT');
    const inFlight = ((await submit('INFLIGHT-L-100% 2019-06-03 2021-06-30')).body as { simulationId: string })
      .simulationId;
    await eventually(async () => (yahoo.chartRequests('INFLIGHT').length > 0 ? true : undefined), 30_000, 'a run');
    const earlier = [...accepted][0];
    await postgres.halt();
    // The worker's run now fails to write: Bull retries it; if every try fails, the sweep runs it again later.
    yahoo.release();

    const keys = [randomUUID(), randomUUID()];
    const refused = [
      await submit('PGDOWN1-L-100% 2019-06-03 2021-06-30', keys[0]),
      await submit('PGDOWN2-L-100% 2019-06-03 2021-06-30', keys[1]),
      await call('GET', `/history/${earlier}`),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.body).toEqual({
        status: 503,
        error: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(
          /^the database is unavailable right now \(.+\); nothing was changed, try again in 5 s$/,
        ),
        details: [],
        requestId: expect.any(String),
      });
    }
    const health = await healthProbes(api.url);
    expect(health.ms).toBeLessThan(1000);
    expect(health.statuses).toEqual([503, 503, 503]);
    expect(health.last.body).toMatchObject({ message: expect.stringContaining('database down') });

    await postgres.resume();
    // The client tries again with the same keys, as Retry-After says: one simulation each.
    const retried = await eventually(
      async () => {
        const answer = await submit('PGDOWN1-L-100% 2019-06-03 2021-06-30', keys[0]);
        return answer.status === 202 ? answer : undefined;
      },
      30_000,
      'the API to reach the database again',
    );
    const again = await submit('PGDOWN2-L-100% 2019-06-03 2021-06-30', keys[1]);
    expect(again.status).toBe(202);
    const repeated = await submit('PGDOWN2-L-100% 2019-06-03 2021-06-30', keys[1]);
    expect((repeated.body as { simulationId: string }).simulationId).toBe(
      (again.body as { simulationId: string }).simulationId,
    );
    const ids = [inFlight, ...[retried, again].map((answer) => (answer.body as { simulationId: string }).simulationId)];
    for (const view of await finished(ids)) expect(view.status).toBe('completed');
  });

  it('accepts and completes simulations while Kafka is down, and publishes their events once it is back', async () => {
    await kafka.halt();
    const during: Answer[] = [];
    for (const ticker of ['KAFKA1', 'KAFKA2']) during.push(await submit(`${ticker}-L-100% 2019-06-03 2021-06-30`));
    expect(during.map((answer) => answer.status)).toEqual([202, 202]);
    const health = await healthProbes(api.url);
    expect(health.ms).toBeLessThan(1000);
    expect(health.last.body).toMatchObject({ status: 503, message: expect.stringContaining('events down') });
    const ids = during.map((answer) => (answer.body as { simulationId: string }).simulationId);
    for (const view of await finished(ids)) expect(view.status).toBe('completed');
    await kafka.resume();
    await eventually(
      async () => {
        const [{ waiting }] = await query<{ waiting: number }>(
          'SELECT COUNT(*)::int AS waiting FROM event_outbox WHERE published_at IS NULL',
        );
        return waiting === 0 ? true : undefined;
      },
      60_000,
      'the outbox to be published after the broker came back',
    );
    await eventually(
      async () => ((await call('GET', '/health')).status === 200 ? true : undefined),
      30_000,
      'readiness once the broker is back',
    );
  });

  it('leaves every accepted simulation finished, once: one entry, one result, one final event', async () => {
    const ids = [...accepted];
    // 2 killed twice, 6 in the emptied Redis, 3 while Redis was down, 3 around the database outage (the two
    // refused ones sent again with their Idempotency-Keys), 2 while Kafka was down.
    expect(ids.length).toBe(16);
    const views = await finished(ids, 10_000);
    for (const view of views) {
      if (view.status === 'failed') expect(view.failureReason).toEqual(expect.any(String));
      else expect(view.status).toBe('completed');
    }
    expect(views.filter((view) => view.status === 'failed')).toHaveLength(2);

    const list = await call('GET', '/history?size=100');
    expect((list.body as { total: number }).total).toBe(ids.length);

    // The outbox: one final event each, and history.created for each completed one.
    const outbox = await query<{ key: string; type: string; count: number }>(
      `SELECT key, type, COUNT(*)::int AS count FROM event_outbox
        WHERE type IN ('simulation.completed', 'simulation.failed', 'history.created') GROUP BY key, type`,
    );
    const results = await query<{ simulation_id: string }>('SELECT simulation_id FROM simulation_results');
    for (const view of views) {
      const count = (type: string) => outbox.find((row) => row.key === view.id && row.type === type)?.count ?? 0;
      const completed = view.status === 'completed' ? 1 : 0;
      expect([view.id, count('simulation.completed'), count('history.created'), count('simulation.failed')]).toEqual([
        view.id,
        completed,
        completed,
        1 - completed,
      ]);
      expect(results.filter((row) => row.simulation_id === view.id)).toHaveLength(completed);
    }

    // Kafka: every completed simulation's completed event arrived, always the same event (delivery is at least
    // once: a copy may come twice, never a second event).
    const consumer = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `faults-${randomUUID()}`,
    });
    const completedIds = new Map<string, Set<string>>();
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_TOPICS.simulation], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as {
          id: string;
          type: string;
          simulationId: string;
        };
        if (envelope.type !== 'simulation.completed') return;
        completedIds.set(
          envelope.simulationId,
          (completedIds.get(envelope.simulationId) ?? new Set()).add(envelope.id),
        );
      },
    });
    const completedViews = views.filter((view) => view.status === 'completed');
    await eventually(
      async () => (completedViews.every((view) => completedIds.has(view.id)) ? true : undefined),
      60_000,
      'every completed event on Kafka',
    );
    await consumer.disconnect();
    for (const view of completedViews) expect([view.id, completedIds.get(view.id)?.size]).toEqual([view.id, 1]);

    // No 5xx but the documented 503s: the database away (DATABASE_UNAVAILABLE), readiness (NOT_READY).
    const serverErrors = answers.filter((answer) => answer.status >= 500);
    for (const answer of serverErrors) {
      expect([answer.status, (answer.body as { error: string }).error]).toEqual([
        503,
        answer.path === '/health' ? 'NOT_READY' : 'DATABASE_UNAVAILABLE',
      ]);
    }
    // And what the processes said: nothing unhandled.
    for (const server of [api, ...workers])
      expect(server.output()).not.toMatch(/unhandled error|UnhandledPromiseRejection/);
  });
});
