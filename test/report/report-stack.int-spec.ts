import { Consumer, Kafka, logLevel } from 'kafkajs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type { EventEnvelope } from '../../src/events/event-envelope';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import { createEventValidator } from '../support/event-schemas';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually, RunningApp, startApp } from '../support/test-app';
import { connectSocket } from '../support/sockets';
import { signUp, TestUser } from '../support/test-users';
import { downloadWorkbook, expectWorkbookMatches } from './report-assertions';

const COMMAND = 'AAPL-L-60% MSFT-L-40% 2019-01-01 2022-12-28 rebalance=quarterly benchmark=^GSPC';

/**
 * Reports on the production stack: the API in this process, the worker (which builds the workbook and
 * cleans up after deletions) in another, PostgreSQL, Redis (Bull) and Kafka from the harness, and a
 * consumer of another team reading portofino.report.events.v1.
 */
describe('reports on PostgreSQL, Redis and Kafka with a separate worker', () => {
  let api: RunningApp;
  let worker: ServerProcess;
  let consumer: Consumer;
  let reportsDir: string;
  const records: EventEnvelope<Record<string, unknown>>[] = [];
  const validate = createEventValidator();
  let alice: TestUser;
  let bob: TestUser;

  async function simulate(user: TestUser, command: string): Promise<string> {
    const accepted = await request(api.url).post('/simulate').set('Authorization', user.bearer).send({ command });
    const id = accepted.body.simulationId as string;
    await eventually(
      async () => {
        const response = await request(api.url).get(`/history/${id}`).set('Authorization', user.bearer);
        return response.body.status === 'completed' ? true : undefined;
      },
      45_000,
      'the simulation to complete',
    );
    return id;
  }

  const connect = (user: TestUser): Promise<Socket> => connectSocket(api.url, '/reports', user.accessToken);

  beforeAll(async () => {
    reportsDir = mkdtempSync(join(tmpdir(), 'portofino-reports-'));
    const env = {
      DATABASE_URL: await testDatabaseUrl('reports'),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('reports'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      JWT_SECRET: 'reports-test-secret-that-is-long-enough-0123456789',
      // One volume shared by the API (downloads) and the worker (writes, clean-up), as in docker-compose.
      REPORTS_DIR: reportsDir,
    };
    [api, worker] = await Promise.all([startApp(env, 'api'), startServerProcess(env, ['--role=worker'])]);
    const kafka = new Kafka({
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
      clientId: uniqueName('other-team'),
    });
    consumer = kafka.consumer({ groupId: uniqueName('other-team'), sessionTimeout: 6000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_TOPICS.report], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        records.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope<Record<string, unknown>>);
      },
    });
    alice = await signUp(api.url, 'alice');
    bob = await signUp(api.url, 'bob');
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await worker?.stop();
    await api?.close();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  it('builds the report in the worker: progress on the socket, events on Kafka, a download that matches', async () => {
    const simulationId = await simulate(alice, COMMAND);
    const socket = await connect(alice);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
    }
    // The gateway's Kafka consumer needs a moment to join its group on a fresh broker.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    try {
      const accepted = await request(api.url)
        .post('/report')
        .set('Authorization', alice.bearer)
        .send({ simulationId })
        .expect(202);
      const reportId = accepted.body.reportId as string;
      expect(accepted.body).toEqual({ reportId, taskId: reportId, simulationId, status: 'queued', created: true });
      await eventually(
        async () => (messages.some((m) => m.name === 'completed' || m.name === 'failed') ? true : undefined),
        45_000,
        'completed on the socket',
      );
      expect(messages.map((m) => m.name)).toEqual([
        'requested',
        'started',
        ...Array.from({ length: 5 }, () => 'progress'),
        'completed',
      ]);
      expect(messages.map((m) => m.payload.percent).filter((p) => p !== undefined)).toEqual([10, 20, 60, 80, 90]);

      const status = (await request(api.url).get(`/report/${reportId}`).set('Authorization', alice.bearer).expect(200))
        .body;
      expect(status).toMatchObject({ status: 'completed', failureReason: null, sizeBytes: expect.any(Number) });
      const { headers, bytes, workbook } = await downloadWorkbook(api.url, alice.bearer, reportId);
      expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(headers['content-disposition']).toBe(`attachment; filename="${status.fileName}"`);
      expect(bytes.length).toBe(status.sizeBytes);
      const detail = (await request(api.url).get(`/history/${simulationId}`).set('Authorization', alice.bearer)).body;
      expectWorkbookMatches(workbook, detail, '^GSPC');

      const events = await eventually(
        async () => {
          const mine = records.filter((envelope) => envelope.reportId === reportId);
          return mine.some((envelope) => envelope.type === 'report.completed') ? mine : undefined;
        },
        30_000,
        'the report events on Kafka',
      );
      expect(events.map((envelope) => envelope.type)).toEqual([
        'report.requested',
        'report.started',
        ...Array.from({ length: 5 }, () => 'report.progress'),
        'report.completed',
      ]);
      for (const envelope of events) {
        expect({ type: envelope.type, problems: validate(envelope) }).toEqual({ type: envelope.type, problems: [] });
        expect(envelope).toMatchObject({ userId: alice.id, reportId, version: 1, data: { simulationId } });
      }
      expect(events[0].data).toEqual({ simulationId, taskId: reportId, force: false });
      expect(events[events.length - 1].data).toMatchObject({ fileName: status.fileName, sizeBytes: status.sizeBytes });
      expect(worker.output()).toMatch(new RegExp(`"message":"report completed","reportId":"${reportId}"`));
    } finally {
      socket.close();
    }
  });

  it('answers 404 to another user, and a clear 4xx for an unknown simulation', async () => {
    const simulationId = await simulate(alice, COMMAND);
    const accepted = await request(api.url).post('/report').set('Authorization', alice.bearer).send({ simulationId });
    const reportId = accepted.body.reportId as string;
    await request(api.url).get(`/report/${reportId}`).set('Authorization', bob.bearer).expect(404);
    await request(api.url).get(`/report/${reportId}/download`).set('Authorization', bob.bearer).expect(404);
    await request(api.url).post('/report').set('Authorization', bob.bearer).send({ simulationId }).expect(404);
    const unknown = await request(api.url)
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect(unknown.body.error).toBe('SIMULATION_NOT_FOUND');
  });

  it('removes the report file when the simulation is deleted (the worker hears history.deleted)', async () => {
    const simulationId = await simulate(alice, COMMAND);
    const accepted = await request(api.url).post('/report').set('Authorization', alice.bearer).send({ simulationId });
    const reportId = accepted.body.reportId as string;
    const file = join(reportsDir, simulationId, `${reportId}.xlsx`);
    await eventually(async () => (existsSync(file) ? true : undefined), 45_000, 'the report file');
    await request(api.url).delete(`/history/${simulationId}`).set('Authorization', alice.bearer).expect(204);
    await eventually(async () => (existsSync(file) ? undefined : true), 45_000, 'the report file to be removed');
    await eventually(async () => {
      const response = await request(api.url).get(`/report/${reportId}`).set('Authorization', alice.bearer);
      return response.status === 404 ? true : undefined;
    });
  });
});
