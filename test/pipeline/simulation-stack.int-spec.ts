import { Consumer, Kafka, logLevel } from 'kafkajs';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type { EventEnvelope } from '../../src/events/event-envelope';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { JobQueues } from '../../src/queue/job-queues';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { connectSocket } from '../support/sockets';
import { signUp, TestUser } from '../support/test-users';

const SEED = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28';

interface KafkaRecord {
  topic: string;
  key: string;
  envelope: EventEnvelope<Record<string, unknown>>;
}

/**
 * The main path on the production stack: the API in this process, the worker in another (src/main.ts
 * --role=worker), PostgreSQL, Redis (Bull) and Kafka from the harness.
 */
describe('simulation pipeline on PostgreSQL, Redis and Kafka with a separate worker', () => {
  let env: Record<string, string>;
  let api: RunningApp;
  let worker: ServerProcess;
  let consumer: Consumer;
  const records: KafkaRecord[] = [];
  const validate = createEventValidator();
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    env = {
      DATABASE_URL: await testDatabaseUrl('pipeline'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('pipeline'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      SIMULATION_PROGRESS_MS: '0',
      JWT_SECRET: 'pipeline-test-secret-that-is-long-enough-0123456789',
    };
    // The application creates its topics at start-up; the other team's consumer reads them from the start.
    [api, worker] = await Promise.all([startApp(env, 'api'), startServerProcess(env, ['--role=worker'])]);
    const kafka = new Kafka({
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
      clientId: uniqueName('other-team'),
    });
    consumer = kafka.consumer({ groupId: uniqueName('other-team'), sessionTimeout: 6000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_TOPICS.simulation, EVENT_TOPICS.history], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        records.push({
          topic,
          key: message.key?.toString() ?? '',
          envelope: JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope<Record<string, unknown>>,
        });
      },
    });
    alice = await signUp(api.url, 'alice');
    bob = await signUp(api.url, 'bob');
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await worker?.stop();
    await api?.close();
  });

  const eventsOf = (simulationId: string) => records.filter((record) => record.key === simulationId);

  const connect = (user: TestUser): Promise<Socket> => connectSocket(api.url, '/simulations', user.accessToken);

  it('submits, streams progress to the socket, stores the result, and publishes the events in order', async () => {
    const socket = await connect(alice);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    for (const name of ['started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
    }
    // The gateway's Kafka consumer needs a moment to join its group on a fresh broker.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    try {
      const accepted = await request(api.url)
        .post('/simulate')
        .set('Authorization', alice.bearer)
        .send({ command: SEED })
        .expect(202);
      const id = accepted.body.simulationId as string;

      await eventually(
        async () => (messages.some((m) => m.name === 'completed') ? true : undefined),
        45_000,
        'completed on the socket',
      );
      expect(messages.map((m) => m.name)).toEqual([
        'started',
        ...Array.from({ length: 6 }, () => 'progress'),
        'completed',
      ]);

      const detail = (await request(api.url).get(`/history/${id}`).set('Authorization', alice.bearer).expect(200)).body;
      expect(detail.status).toBe('completed');
      expect(detail.summary.sources).toEqual({ AAPL: 'sample', MSFT: 'sample' });
      const history = (await request(api.url).get('/history').set('Authorization', alice.bearer).expect(200)).body;
      expect(history.items.filter((item: { id: string }) => item.id === id)).toHaveLength(1);

      const onKafka = await eventually(
        async () => {
          const events = eventsOf(id);
          return events.some((e) => e.envelope.type === 'history.created') &&
            events.some((e) => e.envelope.type === 'simulation.completed')
            ? events
            : undefined;
        },
        30_000,
        'the events on Kafka',
      );
      const simulationEvents = onKafka.filter((e) => e.topic === EVENT_TOPICS.simulation).map((e) => e.envelope);
      expect(simulationEvents.map((e) => e.type)).toEqual([
        'simulation.requested',
        'simulation.started',
        ...Array.from({ length: 6 }, () => 'simulation.progress'),
        'simulation.completed',
      ]);
      for (const envelope of onKafka.map((e) => e.envelope)) {
        expect({ type: envelope.type, problems: validate(envelope) }).toEqual({ type: envelope.type, problems: [] });
        expect(envelope).toMatchObject({ userId: alice.id, simulationId: id, version: 1 });
      }
      expect(simulationEvents[0].data).toMatchObject({
        command: SEED,
        canonical: SEED,
        tickers: ['AAPL', 'MSFT'],
        taskId: id,
      });
      expect(simulationEvents[simulationEvents.length - 1].data).toMatchObject({
        cagr: detail.cagr,
        sharpe: detail.sharpe,
        maxDrawdown: detail.maxDrawdown,
        finalValue: detail.summary.finalValue,
      });
      const created = onKafka.find((e) => e.envelope.type === 'history.created');
      expect(created?.topic).toBe(EVENT_TOPICS.history);
      expect(worker.output()).toMatch(new RegExp(`"jobId":"${id}"`));
    } finally {
      socket.close();
    }
  });

  it('refuses an invalid command with 422: no row, no job, no event', async () => {
    const queues = api.app.get(JobQueues);
    const before = await queues.counts('simulations');
    const eventsBefore = records.length;
    const response = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'AAPL-L-60% MSFT-L-30% 2020-01-01 2023-01-01' })
      .expect(422);
    expect(response.body.details.map((d: { code: string }) => d.code)).toEqual(['WEIGHT_SUM']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await queues.counts('simulations')).toEqual(before);
    expect(records.slice(eventsBefore).filter((r) => r.envelope.type === 'simulation.requested')).toEqual([]);
  });

  it('answers 404 for another user’s simulation', async () => {
    const accepted = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: SEED })
      .expect(202);
    await request(api.url).get(`/history/${accepted.body.simulationId}`).set('Authorization', bob.bearer).expect(404);
  });

  it('deletes a simulation and tells other teams', async () => {
    const accepted = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: SEED })
      .expect(202);
    const id = accepted.body.simulationId as string;
    await eventually(
      async () => (eventsOf(id).some((e) => e.envelope.type === 'simulation.completed') ? true : undefined),
      30_000,
    );
    await request(api.url).delete(`/history/${id}`).set('Authorization', alice.bearer).expect(204);
    const deleted = await eventually(
      async () => eventsOf(id).find((e) => e.envelope.type === 'history.deleted'),
      30_000,
    );
    expect(validate(deleted.envelope)).toEqual([]);
    expect(deleted.envelope.data).toEqual({ reason: 'deleted-by-user' });
  });
});
