/**
 * What the pipeline benchmarks (bench/pipeline.bench.ts, bench/soak.bench.ts) start and use alike: the server
 * processes' environment on the services the tests start, a throw-away user, a POST over kept-alive connections,
 * and a consumer of the simulation topic that has joined its group before the load begins.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import type { Services } from '../../test/harness/services';

export const SIMULATION_TOPIC = 'portofino.simulation.events.v1';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server processes' environment on `services`: sample prices, no throttling, 16 jobs at once, a quick outbox. */
export function pipelineEnvironment(services: Services): Record<string, string> {
  return {
    DATABASE_URL: services.databaseUrl as string,
    REDIS_URL: services.redisUrl as string,
    KAFKA_BROKERS: (services.kafkaBrokers as string[]).join(','),
    MARKET_DATA_PROVIDERS: 'sample',
    AUTH_THROTTLE_LIMIT: '100000',
    JWT_SECRET: randomUUID() + randomUUID(),
    LOG_LEVEL: 'warn',
    QUEUE_CONCURRENCY: '16',
    OUTBOX_POLL_MS: '50',
    DATABASE_POOL_SIZE: '20',
  };
}

/** Registers a new user (`<label>-<random>@example.com`) and returns its access token. */
export async function registerBenchUser(url: string, label: string): Promise<string> {
  const registered = await fetch(`${url}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `${label}-${randomUUID().slice(0, 8)}@example.com`,
      password: 'correct horse battery staple 7',
    }),
  });
  const { accessToken } = (await registered.json()) as { accessToken: string };
  return accessToken;
}

/** POST a JSON body through `agent` (node:http, kept alive: cheaper than fetch for the measuring side). */
export function postJson(
  agent: Agent,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * A consumer of the simulation topic from now on, in a group of its own that commits no offsets (kafkajs would
 * send one OffsetCommit per batch), handing every message's JSON envelope to `onEnvelope`; resolves once it has
 * joined its group, so no event of the measured load is missed.
 */
export async function simulationEventsConsumer<TEnvelope>(
  services: Services,
  groupPrefix: string,
  onEnvelope: (envelope: TEnvelope) => void,
): Promise<Consumer> {
  const kafka = new Kafka({ brokers: services.kafkaBrokers as string[], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `${groupPrefix}-${randomUUID()}`,
    sessionTimeout: 6000,
    heartbeatInterval: 1000,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [SIMULATION_TOPIC], fromBeginning: false });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      onEnvelope(JSON.parse(message.value?.toString() ?? '{}') as TEnvelope);
    },
  });
  while (!joined) await sleep(100);
  return consumer;
}
