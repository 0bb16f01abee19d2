import { Consumer, Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventEnvelope } from '../../src/events/event-envelope';
import { EventPublisher } from '../../src/events/event-publisher';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { eventually, RunningApp, startApp } from '../support/test-app';

interface Received {
  key: string;
  envelope: EventEnvelope;
  headers: Record<string, string>;
}

/** Reads a topic with its own consumer group, as another team's service would. */
async function consumeTopic(topic: string): Promise<{ received: Received[]; consumer: Consumer }> {
  const kafka = new Kafka({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('other-team'),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: uniqueName('other-team'), sessionTimeout: 6000, heartbeatInterval: 1000 });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        key: message.key?.toString() ?? '',
        envelope: JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope,
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? ''])),
      });
    },
  });
  return { received, consumer };
}

/** The full stack: PostgreSQL, Redis and Kafka of the harness, the application as it runs in production. */
describe('events through the outbox to Kafka', () => {
  let databaseUrl: string;
  let env: Record<string, string>;
  let running: RunningApp;

  beforeAll(async () => {
    databaseUrl = await testDatabaseUrl('outbox');
    env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('outbox'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
    };
    running = await startApp(env);
  });

  afterAll(async () => {
    await running?.close();
  });

  it('reports PostgreSQL, Redis and Kafka ready', async () => {
    const response = await request(running.url).get('/health').expect(200);
    expect(response.body.details).toEqual({
      database: { status: 'up', kind: 'postgres' },
      queue: {
        status: 'up',
        kind: 'redis',
        role: 'both',
        detail: 'bull queues: simulations, reports, comparisons, projections, studies, maintenance',
      },
      events: { status: 'up', kind: 'kafka', role: 'both', detail: '1 broker(s)' },
    });
  });

  it('created every catalogued topic at start-up', async () => {
    const admin = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    const metadata = await admin.fetchTopicMetadata({ topics: Object.values(EVENT_TOPICS) });
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining(Object.values(EVENT_TOPICS)));
    expect(metadata.topics.every((topic) => topic.partitions.length === 3)).toBe(true);
  });

  it('publishes an event that a separate consumer reads with its key, JSON envelope and headers intact', async () => {
    const simulationId = uniqueName('sim');
    const { received, consumer } = await consumeTopic(EVENT_TOPICS.simulation);
    try {
      const [envelope] = await running.app.get(EventPublisher).publish([
        {
          topic: EVENT_TOPICS.simulation,
          key: simulationId,
          type: 'simulation.requested',
          version: 1,
          userId: 'user-7',
          subject: { simulationId },
          data: { command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01', weights: [0.5, 0.5] },
        },
      ]);
      const message = await eventually(
        async () => received.find((m) => m.envelope.id === envelope.id),
        30_000,
        'the event on Kafka',
      );
      expect(message.key).toBe(simulationId);
      expect(message.envelope).toEqual({
        id: envelope.id,
        type: 'simulation.requested',
        version: 1,
        occurredAt: envelope.occurredAt,
        userId: 'user-7',
        simulationId,
        data: { command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01', weights: [0.5, 0.5] },
      });
      expect(message.headers).toEqual({
        'content-type': 'application/json',
        'event-id': envelope.id,
        'event-type': 'simulation.requested',
        'event-version': '1',
      });
    } finally {
      await consumer.disconnect();
    }
  });

  it('keeps one key’s events in order', async () => {
    const key = uniqueName('sim');
    const { received, consumer } = await consumeTopic(EVENT_TOPICS.simulation);
    try {
      const publisher = running.app.get(EventPublisher);
      for (let n = 1; n <= 20; n += 1) {
        await publisher.publish([
          { topic: EVENT_TOPICS.simulation, key, type: 'simulation.progress', version: 1, data: { percent: n * 5 } },
        ]);
      }
      const forKey = await eventually(async () => {
        const list = received.filter((m) => m.key === key);
        return list.length >= 20 ? list : undefined;
      }, 30_000);
      expect(forKey.map((m) => (m.envelope.data as { percent: number }).percent)).toEqual(
        Array.from({ length: 20 }, (_, i) => (i + 1) * 5),
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it('commits an event with the caller’s transaction, and not at all when it rolls back', async () => {
    const dataSource = running.app.get(DataSource);
    const publisher = running.app.get(EventPublisher);
    const kept = uniqueName('kept');
    const dropped = uniqueName('dropped');
    await dataSource.transaction(async (manager) => {
      await publisher.publish(
        [{ topic: EVENT_TOPICS.history, key: kept, type: 'history.created', version: 1, data: {} }],
        manager,
      );
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await publisher.publish(
          [{ topic: EVENT_TOPICS.history, key: dropped, type: 'history.created', version: 1, data: {} }],
          manager,
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const keys = (await dataSource.query('SELECT key FROM event_outbox WHERE key IN ($1, $2)', [kept, dropped])) as {
      key: string;
    }[];
    expect(keys).toEqual([{ key: kept }]);
    // The relay's poll publishes what the transaction committed.
    await eventually(async () => {
      const [row] = (await dataSource.query('SELECT published_at FROM event_outbox WHERE key = $1', [kept])) as {
        published_at: Date | null;
      }[];
      return row.published_at ?? undefined;
    });
  });

  it('publishes nothing while another relay holds the publishing lock, and the events soon after it lets go', async () => {
    const dataSource = running.app.get(DataSource);
    const other = dataSource.createQueryRunner();
    const key = uniqueName('locked');
    await other.connect();
    try {
      // Another process's relay, publishing (OutboxRepository's lock id) — for longer than a relay waits (2 s).
      await other.startTransaction();
      await other.query('SELECT pg_advisory_xact_lock($1)', [7_361_902_114]);
      await running.app
        .get(EventPublisher)
        .publish([{ topic: EVENT_TOPICS.history, key, type: 'history.created', version: 1, data: {} }]);
      await new Promise((resolve) => setTimeout(resolve, 2600));
      const [held] = (await dataSource.query('SELECT published_at FROM event_outbox WHERE key = $1', [key])) as {
        published_at: Date | null;
      }[];
      expect(held.published_at).toBeNull();
      await other.commitTransaction();
      const released = Date.now();
      await eventually(async () => {
        const [row] = (await dataSource.query('SELECT published_at FROM event_outbox WHERE key = $1', [key])) as {
          published_at: Date | null;
        }[];
        return row.published_at ?? undefined;
      }, 10_000);
      expect(Date.now() - released).toBeLessThan(5000);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('keeps events through a Kafka outage and delivers them when a relay can reach Kafka again', async () => {
    // A second application on the same database whose broker address answers nothing: Kafka is "down" for it.
    const isolated = await startApp({ ...env, KAFKA_BROKERS: '127.0.0.1:1', QUEUE_PREFIX: uniquePrefix('down') });
    const key = uniqueName('outage');
    try {
      const readiness = (await request(isolated.url).get('/health').expect(503)).body;
      expect(readiness).toMatchObject({ status: 503, error: 'NOT_READY' });
      expect(readiness.message).toMatch(/^not ready: events down \(.+\)$/);
      expect(readiness.details).toEqual([
        { dependency: 'database', status: 'up', kind: 'postgres' },
        {
          dependency: 'queue',
          status: 'up',
          kind: 'redis',
          role: 'both',
          detail: 'bull queues: simulations, reports, comparisons, projections, studies, maintenance',
        },
        { dependency: 'events', status: 'down', kind: 'kafka', role: 'both', detail: expect.any(String) },
      ]);
      // Only the isolated app may try to publish now: stop the healthy one (its relay would deliver at once).
      await running.close();
      const [envelope] = await isolated.app
        .get(EventPublisher)
        .publish([
          { topic: EVENT_TOPICS.simulation, key, type: 'simulation.completed', version: 1, data: { cagr: 0.1 } },
        ]);
      const dataSource = isolated.app.get(DataSource);
      const failed = await eventually(
        async () => {
          const [row] = (await dataSource.query(
            'SELECT published_at, attempts, last_error FROM event_outbox WHERE id = $1',
            [envelope.id],
          )) as { published_at: Date | null; attempts: number; last_error: string | null }[];
          return row.attempts >= 1 ? row : undefined;
        },
        45_000,
        'a failed publication attempt',
      );
      expect(failed.published_at).toBeNull();
      expect(failed.last_error).toMatch(/ECONNREFUSED|Connection error|connect/i);

      // Kafka "returns": a relay that reaches it publishes the backlog, while the cut-off process keeps
      // backing off instead of holding the publishing lock.
      const { received, consumer } = await consumeTopic(EVENT_TOPICS.simulation);
      running = await startApp(env);
      try {
        const delivered = await eventually(
          async () => received.find((m) => m.envelope.id === envelope.id),
          45_000,
          'the held event on Kafka',
        );
        expect(delivered.key).toBe(key);
        expect(delivered.envelope.data).toEqual({ cagr: 0.1 });
      } finally {
        await consumer.disconnect();
      }
    } finally {
      await isolated.close();
    }
  });
});
