import request from 'supertest';
import { DataSource } from 'typeorm';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { YahooStub } from '../market-data/yahoo-stub';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

/**
 * A worker killed (SIGKILL) in the middle of a simulation: Bull finds the job stalled once its lock expires
 * and another worker runs it again; the user ends up with exactly one history entry and one result.
 * The job is held in "fetching prices" by a Yahoo stub that answers slowly.
 */
describe('a worker crash in the middle of a simulation', () => {
  const yahoo = new YahooStub();
  let env: Record<string, string>;
  let api: RunningApp;
  let alice: TestUser;
  const workers: ServerProcess[] = [];

  beforeAll(async () => {
    const yahooUrl = await yahoo.start();
    env = {
      DATABASE_URL: await testDatabaseUrl('crash'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('crash'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      JWT_SECRET: 'crash-test-secret-that-is-long-enough-0123456789',
      MARKET_DATA_PROVIDERS: 'yahoo',
      YAHOO_BASE_URL: yahooUrl,
      YAHOO_TIMEOUT_MS: '30000',
      QUEUE_LOCK_MS: '2000',
      QUEUE_STALLED_CHECK_MS: '1000',
    };
    api = await startApp(env, 'api');
    alice = await signUp(api.url, 'alice');
  });

  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await api?.close();
    await yahoo.stop();
  });

  it('recovers the job in another worker and keeps exactly one history entry', async () => {
    yahoo.delayMs = 8000;
    const first = await startServerProcess(env, ['--role=worker']);
    workers.push(first);
    const accepted = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'ACME-L-100% 2019-06-01 2021-06-30' })
      .expect(202);
    const id = accepted.body.simulationId as string;

    // The first worker is waiting on Yahoo: kill it there.
    await eventually(
      async () => (yahoo.chartRequests('ACME').length > 0 ? true : undefined),
      30_000,
      'the price request',
    );
    // A phase that lasts is reported (after SIMULATION_PROGRESS_MS, 250 ms by default).
    const running = await eventually(
      async () => {
        const response = await request(api.url).get(`/history/${id}`).set('Authorization', alice.bearer);
        return response.body.progress?.phase === 'fetching prices 0/1' ? response.body : undefined;
      },
      10_000,
      'the fetching phase',
    );
    expect(running).toMatchObject({ status: 'running', progress: { phase: 'fetching prices 0/1', percent: 5 } });
    first.child.kill('SIGKILL');
    await first.stop();

    yahoo.delayMs = 0;
    workers.push(await startServerProcess(env, ['--role=worker']));
    const detail = await eventually(
      async () => {
        const response = await request(api.url).get(`/history/${id}`).set('Authorization', alice.bearer);
        return response.body.status === 'completed' || response.body.status === 'failed' ? response.body : undefined;
      },
      45_000,
      'the recovered simulation',
    );
    expect(detail.status).toBe('completed');
    expect(detail.summary.sources).toEqual({ ACME: 'yahoo' });
    expect(detail.series.dates.length).toBeGreaterThan(1);

    const list = await request(api.url).get('/history').set('Authorization', alice.bearer).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const dataSource = api.app.get(DataSource);
    const [{ count }] = (await dataSource.query(
      'SELECT COUNT(*)::int AS count FROM simulation_results WHERE simulation_id = $1',
      [id],
    )) as { count: number }[];
    expect(count).toBe(1);
    const started = (await dataSource.query(
      `SELECT COUNT(*)::int AS count FROM event_outbox WHERE key = $1 AND type = 'simulation.started'`,
      [id],
    )) as { count: number }[];
    expect(started[0].count).toBe(2);
  });
});
