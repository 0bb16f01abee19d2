import { Consumer, Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import type { EventEnvelope } from '../../src/events/event-envelope';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { connectSocket } from '../support/sockets';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2015-01-01 2022-12-28 rebalance=quarterly';

/**
 * Projections on the production stack: the API in this process, the worker (Bull) in another, PostgreSQL, Redis
 * and Kafka from the harness, and a consumer of another team reading portofino.projection.events.v1.
 */
describe('projections on PostgreSQL, Redis and Kafka with a separate worker', () => {
  let api: RunningApp;
  let worker: ServerProcess;
  let consumer: Consumer;
  const records: EventEnvelope<Record<string, unknown>>[] = [];
  const validate = createEventValidator();
  let alice: TestUser;
  let bob: TestUser;
  let simulationId: string;

  async function finished(user: TestUser, projectionId: string): Promise<Record<string, unknown>> {
    return eventually(
      async () => {
        const response = await request(api.url).get(`/projections/${projectionId}`).set('Authorization', user.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      60_000,
      'the projection to finish',
    );
  }

  beforeAll(async () => {
    const env = {
      DATABASE_URL: await testDatabaseUrl('projections'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('projections'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      JWT_SECRET: 'projections-test-secret-that-is-long-enough-0123456789',
    };
    [api, worker] = await Promise.all([startApp(env, 'api'), startServerProcess(env, ['--role=worker'])]);
    const kafka = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING, clientId: uniqueName('other') });
    consumer = kafka.consumer({ groupId: uniqueName('other-team'), sessionTimeout: 6000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_TOPICS.projection], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        records.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope<Record<string, unknown>>);
      },
    });
    alice = await signUp(api.url, 'alice');
    bob = await signUp(api.url, 'bob');
    const accepted = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: COMMAND });
    simulationId = accepted.body.simulationId as string;
    await eventually(
      async () => {
        const response = await request(api.url).get(`/history/${simulationId}`).set('Authorization', alice.bearer);
        return response.body.status === 'completed' ? true : undefined;
      },
      45_000,
      'the simulation to complete',
    );
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await worker?.stop();
    await api?.close();
  });

  it('runs the projection in the worker: progress on the socket, schema-valid events on Kafka, seeded outputs', async () => {
    const socket = await connectSocket(api.url, '/projections', alice.accessToken);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
    }
    // The gateway's Kafka consumer needs a moment to join its group on a fresh broker.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    try {
      const body = { paths: 3000, years: 20, method: 'block', blockMonths: 24, seed: 2026 };
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const accepted = await request(api.url)
          .post(`/history/${simulationId}/projections`)
          .set('Authorization', alice.bearer)
          .send(body)
          .expect(202);
        ids.push(accepted.body.projectionId as string);
      }
      const [first, second] = [await finished(alice, ids[0]), await finished(alice, ids[1])];
      expect(first).toMatchObject({ status: 'completed', inputs: { ...body, cashFlow: null, inflationRate: 0 } });
      // Determinism through the API: the same seed and inputs, the same outputs.
      expect(second.outputs).toEqual(first.outputs);
      const outputs = first.outputs as { historyMonths: number; valueBands: { values: number[] }[] };
      expect(outputs.historyMonths).toBe(96);
      expect(outputs.valueBands.map((band) => band.values.length)).toEqual(Array(7).fill(241));

      await eventually(
        async () => (messages.filter((m) => m.name === 'completed').length === 2 ? true : undefined),
        30_000,
        'completed on the socket',
      );
      const mine = messages.filter((m) => m.payload.projectionId === ids[0]).map((m) => m.name);
      expect(mine).toEqual(['requested', 'started', ...Array(10).fill('progress'), 'completed']);

      const events = await eventually(
        async () => {
          const theirs = records.filter((envelope) => envelope.projectionId === ids[0]);
          return theirs.some((envelope) => envelope.type === 'projection.completed') ? theirs : undefined;
        },
        30_000,
        'the projection events on Kafka',
      );
      expect(events.map((envelope) => envelope.type)).toEqual([
        'projection.requested',
        'projection.started',
        ...Array(10).fill('projection.progress'),
        'projection.completed',
      ]);
      for (const envelope of events) {
        expect({ type: envelope.type, problems: validate(envelope) }).toEqual({ type: envelope.type, problems: [] });
        expect(envelope).toMatchObject({ userId: alice.id, projectionId: ids[0], version: 1, data: { simulationId } });
      }
      expect(events[0].data).toEqual({
        simulationId,
        taskId: ids[0],
        paths: 3000,
        years: 20,
        method: 'block',
        blockMonths: 24,
        seed: 2026,
      });
      expect(worker.output()).toMatch(new RegExp(`"message":"projection completed","projectionId":"${ids[0]}"`));
    } finally {
      socket.close();
    }
  });

  it('answers 404 to another user and a 400 naming a bad option', async () => {
    const accepted = await request(api.url)
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', alice.bearer)
      .send({ paths: 50, years: 2 })
      .expect(202);
    const projectionId = accepted.body.projectionId as string;
    expect(
      (await request(api.url).get(`/projections/${projectionId}`).set('Authorization', bob.bearer).expect(404)).body
        .error,
    ).toBe('PROJECTION_NOT_FOUND');
    await request(api.url)
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', bob.bearer)
      .send({})
      .expect(404);
    const bad = await request(api.url)
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', alice.bearer)
      .send({ years: 0, inflationRate: 2 })
      .expect(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['inflationRate', 'years']);
    expect((await finished(alice, projectionId)).status).toBe('completed');
  });
});
