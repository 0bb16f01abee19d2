import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventPublisher } from '../../src/events/event-publisher';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { JobQueues } from '../../src/queue/job-queues';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, RunningApp, startApp } from '../support/test-app';

/**
 * One build, two roles: the API (this process) enqueues a Bull job, a worker (another process running
 * src/main.ts --role=worker) takes it from Redis and does the work in the shared PostgreSQL.
 */
describe('api and worker as separate processes', () => {
  let env: Record<string, string>;
  let api: RunningApp;
  let worker: ServerProcess | undefined;

  beforeAll(async () => {
    env = {
      DATABASE_URL: await testDatabaseUrl('roles'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('roles'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
    };
    api = await startApp(env, 'api');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('queues on the API side, processes in the worker process over Redis', async () => {
    // Outbox rows: two published long ago (to prune), one published just now and one never published (to keep).
    const dataSource = api.app.get(DataSource);
    const publisher = api.app.get(EventPublisher);
    const key = uniqueName('prune');
    const events = await publisher.publish(
      [1, 2, 3].map((n) => ({ topic: EVENT_TOPICS.history, key, type: 'history.created', version: 1, data: { n } })),
    );
    await eventually(async () => {
      const [{ count }] = (await dataSource.query(
        'SELECT COUNT(*)::int AS count FROM event_outbox WHERE key = $1 AND published_at IS NOT NULL',
        [key],
      )) as { count: number }[];
      return count === 3 ? true : undefined;
    });
    await dataSource.query(`UPDATE event_outbox SET published_at = now() - interval '3 days' WHERE id IN ($1, $2)`, [
      events[0].id,
      events[1].id,
    ]);
    await dataSource.query(
      `INSERT INTO event_outbox (id, topic, key, type, payload, created_at) VALUES ($1, $2, $3, 'x.y', '{}', now() - interval '9 days')`,
      ['8f0d5c55-2d0f-4d35-9b2c-000000000001', EVENT_TOPICS.history, key],
    );

    const queues = api.app.get(JobQueues);
    const job = await queues.add('maintenance', 'outbox.prune', { olderThanHours: 24 }, { attempts: 2 });
    // The API role does not process jobs.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await queues.getJob('maintenance', job.id))?.state).toBe('waiting');

    worker = await startServerProcess(env, ['--role=worker']);
    const done = await eventually(
      async () => {
        const snapshot = await queues.getJob('maintenance', job.id);
        return snapshot?.state === 'completed' || snapshot?.state === 'failed' ? snapshot : undefined;
      },
      30_000,
      'the worker to finish the job',
    );
    expect(done).toMatchObject({ state: 'completed', attemptsMade: 1, returnValue: { deleted: 2 } });

    const left = (await dataSource.query('SELECT id FROM event_outbox WHERE key = $1 ORDER BY seq', [key])) as {
      id: string;
    }[];
    expect(left.map((row) => row.id)).toEqual([events[2].id, '8f0d5c55-2d0f-4d35-9b2c-000000000001']);
    expect(worker.output()).toMatch(/job completed/);
  });

  it('schedules the outbox pruning once, as a repeatable Bull job (the recovery sweep is a timer, not a job)', async () => {
    const counts = await api.app.get(JobQueues).counts('maintenance');
    expect(counts.delayed).toBe(1);
  });

  it('serves only /health and /metrics in the worker', async () => {
    const target = (worker as ServerProcess).url;
    const health = await request(target).get('/health').expect(200);
    expect(health.body.details.queue).toEqual({
      status: 'up',
      kind: 'redis',
      role: 'worker',
      detail: 'bull queues: simulations, reports, comparisons, projections, studies, maintenance',
    });
    await request(target)
      .get('/metrics')
      .expect(200)
      .expect(/process_cpu_user_seconds_total/);
    const docs = await request(target).get('/docs').expect(404);
    expect(docs.body).toMatchObject({
      status: 404,
      error: 'NOT_FOUND',
      message: 'this process runs as a worker: only /health and /metrics are served here',
    });
  });

  it('reports the API role in its own readiness', async () => {
    const health = await request(api.url).get('/health').expect(200);
    expect(health.body.details.events).toEqual({ status: 'up', kind: 'kafka', role: 'api', detail: '1 broker(s)' });
  });

  it('stops the worker cleanly on SIGTERM', async () => {
    const code = await (worker as ServerProcess).stop();
    expect(code).toBe(0);
    expect((worker as ServerProcess).output()).toContain('queues closed');
  });
});
