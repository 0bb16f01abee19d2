/**
 * Proves the harness's services are real: PostgreSQL, Redis and Kafka answer real clients.
 */
import * as fs from 'node:fs';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  harnessState,
  testDatabaseUrl,
  testKafkaBrokers,
  testRedisUrl,
  testServerUrl,
  uniqueName,
  uniquePrefix,
} from './test-services';

describe('test harness', () => {
  it('exports the services through env variables and a state file', () => {
    const state = harnessState();
    expect(state.runId).toMatch(/^[0-9a-f]{8}$/);
    expect(state.databaseUrl).toBe(process.env.PORTOFINO_TEST_DATABASE_URL);
    expect(state.redisUrl).toBe(process.env.PORTOFINO_TEST_REDIS_URL);
    expect(state.kafkaBrokers?.join(',')).toBe(process.env.PORTOFINO_TEST_KAFKA_BROKERS);
    for (const service of Object.values(state.services)) {
      if (!service.external) expect(fs.existsSync(service.logFile!)).toBe(true);
    }
  });

  it('explains itself when a helper is used outside the harness', () => {
    const saved = process.env.PORTOFINO_TEST_REDIS_URL;
    delete process.env.PORTOFINO_TEST_REDIS_URL;
    try {
      expect(() => testRedisUrl()).toThrow(/--selectProjects integration/);
    } finally {
      process.env.PORTOFINO_TEST_REDIS_URL = saved;
    }
  });

  it('makes unique names usable as Kafka topics and group ids', () => {
    const names = Array.from({ length: 100 }, () => uniqueName('portfolio.events'));
    expect(new Set(names).size).toBe(100);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
  });

  describe('PostgreSQL', () => {
    it('is a real server', async () => {
      const client = new Client({ connectionString: testServerUrl() });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string }>('select version()');
        expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
      } finally {
        await client.end();
      }
    });

    it('gives each call a fresh database that round-trips rows', async () => {
      const [urlA, urlB] = await Promise.all([testDatabaseUrl('round_trip'), testDatabaseUrl('round_trip')]);
      expect(urlA).not.toBe(urlB);
      const a = new Client({ connectionString: urlA });
      const b = new Client({ connectionString: urlB });
      await Promise.all([a.connect(), b.connect()]);
      try {
        const { rows: dbRows } = await a.query<{ db: string }>('select current_database() as db');
        expect(urlA.endsWith(`/${dbRows[0].db}`)).toBe(true);
        await a.query(
          'create table holding (id serial primary key, ticker text not null, qty numeric not null, meta jsonb)',
        );
        await a.query('insert into holding (ticker, qty, meta) values ($1, $2, $3), ($4, $5, $6)', [
          'VWCE.DE',
          '12.5',
          { note: 'café ✓' },
          'AAPL',
          '3',
          null,
        ]);
        const { rows } = await a.query('select ticker, qty, meta from holding order by id');
        expect(rows).toEqual([
          { ticker: 'VWCE.DE', qty: '12.5', meta: { note: 'café ✓' } },
          { ticker: 'AAPL', qty: '3', meta: null },
        ]);
        // The other database is untouched.
        const { rows: other } = await b.query(
          "select count(*)::int as n from information_schema.tables where table_name = 'holding'",
        );
        expect(other[0].n).toBe(0);
      } finally {
        await Promise.all([a.end(), b.end()]);
      }
    });
  });

  describe('Redis', () => {
    it('stores and reads keys via ioredis', async () => {
      const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 2, lazyConnect: true });
      await redis.connect();
      try {
        expect(await redis.ping()).toBe('PONG');
        const key = `${uniquePrefix()}:greeting`;
        await redis.set(key, JSON.stringify({ hello: 'world' }), 'EX', 60);
        expect(JSON.parse((await redis.get(key))!)).toEqual({ hello: 'world' });
        expect(await redis.del(key)).toBe(1);
        expect(await redis.get(key)).toBeNull();
      } finally {
        redis.disconnect();
      }
    });
  });

  describe('Kafka', () => {
    it('creates a topic, and a separate consumer reads a keyed JSON message back intact', async () => {
      const kafka = new Kafka({
        clientId: uniqueName('harness'),
        brokers: testKafkaBrokers(),
        logLevel: logLevel.NOTHING,
      });
      const topic = uniqueName('harness.topic');
      const admin = kafka.admin();
      const producer = kafka.producer({ idempotent: true });
      const consumer = kafka.consumer({
        groupId: uniqueName('harness-group'),
        sessionTimeout: 6000,
        heartbeatInterval: 1000,
      });
      try {
        await admin.connect();
        expect(await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })).toBe(true);
        expect(await admin.listTopics()).toContain(topic);

        const payload = { portfolio: 'p-1', event: 'backtest.completed', cagr: 0.0734, at: '2024-01-02T00:00:00.000Z' };
        await producer.connect();
        await producer.send({
          topic,
          acks: -1,
          messages: [{ key: 'p-1', value: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }],
        });

        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        const received = new Promise<{ key: string; value: unknown; header: string }>((resolve, reject) => {
          consumer
            .run({
              eachMessage: async ({ message }) =>
                resolve({
                  key: message.key!.toString(),
                  value: JSON.parse(message.value!.toString()),
                  header: message.headers!['content-type']!.toString(),
                }),
            })
            .catch(reject);
        });
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no message within 30 s')), 30_000).unref(),
        );
        const message = await Promise.race([received, timeout]);
        expect(message).toEqual({ key: 'p-1', value: payload, header: 'application/json' });
      } finally {
        await consumer.disconnect().catch(() => undefined);
        await producer.disconnect().catch(() => undefined);
        await admin.disconnect().catch(() => undefined);
      }
    });
  });
});
