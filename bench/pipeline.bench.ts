/**
 * End-to-end pipeline benchmark: POST /simulate → `simulation.completed` on Kafka, on a real PostgreSQL, Redis
 * and Kafka (started like the tests do), with prices cached, at 32 concurrent clients.
 *   npm run bench:pipeline   (BENCH_SECONDS=20 BENCH_CLIENTS=32 BENCH_ROLES=split|both)
 * Prints simulations per second and p50/p90/p99 latency from the POST to the completed event.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { startServices } from '../test/harness/services';
import { startServerProcess, ServerProcess } from '../test/support/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const ROLES = process.env.BENCH_ROLES ?? 'split';
const COMMAND = 'AAPL-L-50% MSFT-L-30% KO-S-20% 2015-01-01 2022-12-28 rebalance=monthly';
const TOPIC = 'portofino.simulation.events.v1';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const services = await startServices();
  const processes: ServerProcess[] = [];
  try {
    const env = {
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
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (open it in Chrome DevTools).
    const options = process.env.BENCH_CPU_PROF
      ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] }
      : {};
    if (ROLES === 'split') {
      processes.push(await startServerProcess({ ...env }, ['--role=api'], options));
      processes.push(await startServerProcess({ ...env, DB_MIGRATIONS_RUN: 'false' }, ['--role=worker'], options));
    } else {
      processes.push(await startServerProcess(env, [], options));
    }
    const url = processes[0].url;

    const registered = await fetch(`${url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${randomUUID().slice(0, 8)}@example.com`,
        password: 'correct horse battery staple 7',
      }),
    });
    const { accessToken } = (await registered.json()) as { accessToken: string };

    const waiting = new Map<string, (at: number) => void>();
    const early = new Map<string, number>();
    const kafka = new Kafka({ brokers: services.kafkaBrokers as string[], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({
      groupId: `bench-${randomUUID()}`,
      sessionTimeout: 6000,
      heartbeatInterval: 1000,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPIC], fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as { type: string; simulationId: string };
        if (envelope.type !== 'simulation.completed' && envelope.type !== 'simulation.failed') return;
        const resolve = waiting.get(envelope.simulationId);
        if (resolve) resolve(performance.now());
        else early.set(envelope.simulationId, performance.now());
      },
    });
    while (!joined) await new Promise((resolve) => setTimeout(resolve, 100));

    const postLatencies: number[] = [];
    const submitOne = async (): Promise<number> => {
      const started = performance.now();
      const response = await fetch(`${url}/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ command: COMMAND }),
      });
      if (response.status !== 202)
        throw new Error(`POST /simulate answered ${response.status}: ${await response.text()}`);
      const { simulationId } = (await response.json()) as { simulationId: string };
      postLatencies.push(performance.now() - started);
      const finished =
        early.get(simulationId) ?? (await new Promise<number>((resolve) => waiting.set(simulationId, resolve)));
      waiting.delete(simulationId);
      early.delete(simulationId);
      return finished - started;
    };

    const run = async (seconds: number) => {
      const latencies: number[] = [];
      const deadline = performance.now() + seconds * 1000;
      const began = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (performance.now() < deadline) latencies.push(await submitOne());
        }),
      );
      return { latencies, elapsed: (performance.now() - began) / 1000 };
    };

    await run(5); // warm-up: caches, JIT, connection pools
    const { latencies, elapsed } = await run(SECONDS);
    latencies.sort((a, b) => a - b);
    console.log(
      `pipeline end to end (${ROLES === 'split' ? 'api + worker processes' : 'one process'}), ${CLIENTS} clients, ${SECONDS} s`,
    );
    console.log(`  ${latencies.length} simulations, ${(latencies.length / elapsed).toFixed(1)} simulations/s`);
    console.log(
      `  POST → completed event: p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    postLatencies.sort((a, b) => a - b);
    console.log(
      `  POST /simulate alone: p50 ${percentile(postLatencies, 50).toFixed(1)} ms, p99 ${percentile(postLatencies, 99).toFixed(1)} ms`,
    );
    await consumer.disconnect();
  } finally {
    for (const child of processes) {
      const stopping = performance.now();
      const code = await child.stop();
      console.log(`  stopped ${child.url} with ${code} in ${((performance.now() - stopping) / 1000).toFixed(1)} s`);
    }
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
