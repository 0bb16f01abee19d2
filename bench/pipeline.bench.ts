/**
 * End-to-end pipeline benchmark: POST /simulate → `simulation.completed` on Kafka, on a real PostgreSQL, Redis
 * and Kafka (started like the tests do), with prices cached, at 32 concurrent clients.
 *   npm run bench:pipeline   (BENCH_SECONDS=20 BENCH_CLIENTS=32 BENCH_ROLES=split|both BENCH_WARMUP_SECONDS=5
 *                             BENCH_IDLE_SECONDS=3 BENCH_CPU_PROF=<dir> BENCH_PERF=<file> BENCH_NODE_ARGS=<flags>
 *                             BENCH_OUTPUT_DIR=<dir>)
 * Prints simulations per second and p50/p90/p99 latency from the POST to the completed event, and — because
 * throughput depends on whatever else runs on the machine — the work each simulation costs: CPU milliseconds
 * per simulation of every process involved (API, worker, PostgreSQL's postmaster and backends, redis-server,
 * the Kafka JVM, this load generator), read from /proc before and after the measured window; SQL statements
 * per simulation of each server process (counted by a bench-only preload, bench/support/query-counter.cjs);
 * Redis commands per simulation (INFO commandstats) and events per simulation on the simulation topic.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startServices } from '../test/harness/services';
import { startServerProcess, ServerProcess } from '../test/support/server-process';
import {
  pipelineEnvironment,
  postJson,
  registerBenchUser,
  SIMULATION_TOPIC,
  simulationEventsConsumer,
  sleep,
} from './support/pipeline-stack';
import { cpuMs, loadAverage, machineCpuMs } from './support/process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const ROLES = process.env.BENCH_ROLES ?? 'split';
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 3);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const COMMAND = 'AAPL-L-50% MSFT-L-30% KO-S-20% 2015-01-01 2022-12-28 rebalance=monthly';
const QUERY_COUNTER = join(__dirname, 'support', 'query-counter.cjs');
const PERF_FILE = process.env.BENCH_PERF;

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

type Counts = Record<string, number>;

function difference(after: Counts, before: Counts): Counts {
  const out: Counts = {};
  for (const [key, value] of Object.entries(after)) {
    const delta = value - (before[key] ?? 0);
    if (delta !== 0) out[key] = delta;
  }
  return out;
}

function sum(counts: Counts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** "12.3 (SELECT 4.0, INSERT 3.0, …)": per-simulation figures, biggest first. */
function perSimulation(counts: Counts, simulations: number, top = 8): string {
  const parts = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, value]) => `${key} ${(value / simulations).toFixed(2)}`);
  return `${(sum(counts) / simulations).toFixed(2)} (${parts.join(', ')})`;
}

interface RoundTrips {
  sql: Counts;
  redis: Counts;
  kafka: Counts;
}

/** SQL statements, Redis commands and Kafka requests sent so far by a server process started with the counter. */
async function roundTrips(server: ServerProcess, file: string): Promise<RoundTrips> {
  rmSync(file, { force: true });
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(5);
  await sleep(5); // written in one synchronous call; let it land
  return JSON.parse(readFileSync(file, 'utf8')) as RoundTrips;
}

async function redisCommandCounts(redis: Redis): Promise<Counts> {
  const info = await redis.info('commandstats');
  const counts: Counts = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts[match[1]] = Number(match[2]);
  // This very INFO call is not the pipeline's work.
  counts.info = (counts.info ?? 0) - 1;
  return counts;
}

async function main(): Promise<void> {
  const services = await startServices();
  const processes: { name: string; server: ServerProcess; countFile: string }[] = [];
  try {
    const env = pipelineEnvironment(services);
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (open it in Chrome DevTools).
    // BENCH_NODE_ARGS: more flags for the server processes (e.g. --max-semi-space-size=16), to try V8 settings.
    const nodeArgs = ['-r', QUERY_COUNTER, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
    if (process.env.BENCH_CPU_PROF) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
    // BENCH_PERF=<file>: `perf record` of the whole machine during the measured window (on-CPU samples of every
    // process, kernel included; JavaScript frames named through --perf-basic-prof): `perf report -i <file>`.
    // (V8 then also writes an isolate log: into the run's temporary directory, not the working tree.)
    if (PERF_FILE) nodeArgs.push('--perf-basic-prof', `--logfile=${join(services.dir, 'v8-%p.log')}`);
    const start = async (name: string, extra: Record<string, string>, args: string[]) => {
      const countFile = join(services.dir, `queries-${name}.json`);
      const server = await startServerProcess({ ...env, ...extra, BENCH_QUERY_COUNT_FILE: countFile }, args, {
        nodeArgs,
      });
      processes.push({ name, server, countFile });
    };
    if (ROLES === 'split') {
      await start('api', {}, ['--role=api']);
      await start('worker', { DB_MIGRATIONS_RUN: 'false' }, ['--role=worker']);
    } else {
      await start('api+worker', {}, []);
    }
    const url = processes[0].server.url;

    const accessToken = await registerBenchUser(url, 'bench');

    const waiting = new Map<string, (at: number) => void>();
    const early = new Map<string, number>();
    // Where each simulation's time went (wall clock, ms): the completed event says when the worker published it
    // (occurredAt, inside its final transaction) and how long the run took (durationMs).
    const timings = new Map<string, { occurredAt: number; durationMs: number; receivedAt: number }>();
    const eventTypes: Counts = {};
    // The measuring side costs as little as it can, since it shares the machine: requests go through node:http
    // with kept-alive connections rather than fetch(), and the consumer commits no offsets.
    const consumer = await simulationEventsConsumer<{
      type: string;
      simulationId: string;
      occurredAt: string;
      data: { durationMs?: number };
    }>(services, 'bench', (envelope) => {
      eventTypes[envelope.type] = (eventTypes[envelope.type] ?? 0) + 1;
      if (envelope.type !== 'simulation.completed' && envelope.type !== 'simulation.failed') return;
      timings.set(envelope.simulationId, {
        occurredAt: Date.parse(envelope.occurredAt),
        durationMs: envelope.data.durationMs ?? 0,
        receivedAt: Date.now(),
      });
      const resolve = waiting.get(envelope.simulationId);
      if (resolve) resolve(performance.now());
      else early.set(envelope.simulationId, performance.now());
    });

    const body = JSON.stringify({ command: COMMAND });
    let postLatencies: number[] = [];
    let phases: { post: number[]; queued: number[]; running: number[]; delivered: number[] } = {
      post: [],
      queued: [],
      running: [],
      delivered: [],
    };
    const submitOne = async (): Promise<number> => {
      const started = performance.now();
      const startedAt = Date.now();
      const response = await postJson(agent, `${url}/simulate`, body, { authorization: `Bearer ${accessToken}` });
      if (response.status !== 202) throw new Error(`POST /simulate answered ${response.status}: ${response.text}`);
      const { simulationId } = JSON.parse(response.text) as { simulationId: string };
      postLatencies.push(performance.now() - started);
      const acceptedAt = Date.now();
      const finished =
        early.get(simulationId) ?? (await new Promise<number>((resolve) => waiting.set(simulationId, resolve)));
      waiting.delete(simulationId);
      early.delete(simulationId);
      const timing = timings.get(simulationId);
      timings.delete(simulationId);
      if (timing) {
        phases.post.push(acceptedAt - startedAt);
        phases.queued.push(timing.occurredAt - timing.durationMs - acceptedAt);
        phases.running.push(timing.durationMs);
        phases.delivered.push(timing.receivedAt - timing.occurredAt);
      }
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

    // What each process is, for the CPU accounting: [name, pid, include children].
    const watched: [string, number, boolean][] = [
      ...processes.map(({ name, server }): [string, number, boolean] => [name, server.child.pid as number, false]),
      ['postgres', services.handles.postgres?.pid ?? 0, true] as [string, number, boolean],
      ['redis', services.handles.redis?.pid ?? 0, false] as [string, number, boolean],
      ['kafka', services.handles.kafka?.pid ?? 0, false] as [string, number, boolean],
    ].filter(([, pid]) => pid > 0);
    const redis = new Redis(services.redisUrl as string);
    const snapshot = async () => ({
      at: performance.now(),
      cpu: Object.fromEntries([
        ...watched.map(([name, pid, children]) => [name, cpuMs(pid, children)]),
        ['bench client', process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000],
      ]) as Counts,
      machine: machineCpuMs(),
      queries: Object.fromEntries(
        await Promise.all(processes.map(async (p) => [p.name, await roundTrips(p.server, p.countFile)] as const)),
      ),
      redis: await redisCommandCounts(redis),
      events: { ...eventTypes },
    });
    type Snapshot = Awaited<ReturnType<typeof snapshot>>;
    const cpuPer = (after: Snapshot, before: Snapshot, divisor: number) =>
      Object.keys(after.cpu)
        .map((name) => `${name} ${((after.cpu[name] - before.cpu[name]) / divisor).toFixed(2)}`)
        .join(', ');
    const cpuTotal = (after: Snapshot, before: Snapshot) =>
      Object.keys(after.cpu).reduce((total, name) => total + after.cpu[name] - before.cpu[name], 0);

    console.log(`processes: ${watched.map(([name, pid]) => `${name} ${pid}`).join(', ')}, bench client ${process.pid}`);
    console.log(`load average before: ${loadAverage()}`);

    await run(WARMUP_SECONDS); // warm-up: caches, JIT, connection pools
    postLatencies = [];
    phases = { post: [], queued: [], running: [], delivered: [] };
    const perf = PERF_FILE
      ? spawn('perf', ['record', '-a', '-g', '-F', '499', '-o', PERF_FILE], { stdio: 'ignore' })
      : undefined;
    const before = await snapshot();
    const { latencies, elapsed } = await run(SECONDS);
    if (perf) {
      perf.kill('SIGINT');
      await new Promise((resolve) => perf.once('exit', resolve));
    }
    await sleep(300); // let the relay mark the last events published
    const after = await snapshot();
    // What the processes cost doing nothing (polls, heartbeats, timers), warmed up, after a second to settle.
    let idle: { before: Snapshot; after: Snapshot } | undefined;
    if (IDLE_SECONDS > 0) {
      await sleep(1000);
      const idleBefore = await snapshot();
      await sleep(IDLE_SECONDS * 1000);
      idle = { before: idleBefore, after: await snapshot() };
    }
    const n = latencies.length;
    latencies.sort((a, b) => a - b);
    console.log(
      `pipeline end to end (${ROLES === 'split' ? 'api + worker processes' : 'one process'}), ${CLIENTS} clients, ${SECONDS} s`,
    );
    console.log(`  ${n} simulations, ${(n / elapsed).toFixed(1)} simulations/s`);
    console.log(
      `  POST → completed event: p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    postLatencies.sort((a, b) => a - b);
    console.log(
      `  POST /simulate alone: p50 ${percentile(postLatencies, 50).toFixed(1)} ms, p99 ${percentile(postLatencies, 99).toFixed(1)} ms`,
    );
    const spread = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `p50 ${percentile(sorted, 50).toFixed(0)} / p99 ${percentile(sorted, 99).toFixed(0)} ms`;
    };
    console.log(
      `  where the time went: POST ${spread(phases.post)}, accepted → job done minus its run ${spread(phases.queued)}, ` +
        `run ${spread(phases.running)}, completed event published → received ${spread(phases.delivered)}`,
    );
    const machineBusy = after.machine.busy - before.machine.busy;
    const ours = cpuTotal(after, before);
    console.log(
      `  CPU ms per simulation: ${cpuPer(after, before, n)}; total ${(ours / n).toFixed(2)}` +
        ` (machine: ${((100 * machineBusy) / (after.machine.total - before.machine.total)).toFixed(0)}% busy, ` +
        `${((100 * ours) / machineBusy).toFixed(0)}% of it these processes)`,
    );
    if (idle) {
      const seconds = (idle.after.at - idle.before.at) / 1000;
      console.log(
        `  idle CPU ms per second (after the run): ${cpuPer(idle.after, idle.before, seconds)}; total ${(cpuTotal(idle.after, idle.before) / seconds).toFixed(1)}`,
      );
    }
    for (const { name } of processes) {
      const [was, is] = [before.queries[name], after.queries[name]];
      console.log(`  ${name}, per simulation:`);
      console.log(`    SQL statements ${perSimulation(difference(is.sql, was.sql), n)}`);
      console.log(`    Redis commands ${perSimulation(difference(is.redis, was.redis), n)}`);
      console.log(`    Kafka requests ${perSimulation(difference(is.kafka, was.kafka), n)}`);
    }
    console.log(
      `  Redis commands per simulation (server): ${perSimulation(difference(after.redis, before.redis), n, 14)}`,
    );
    console.log(
      `  events per simulation on ${SIMULATION_TOPIC}: ${perSimulation(difference(after.events, before.events), n)}`,
    );
    console.log(`load average after: ${loadAverage()}`);
    redis.disconnect();
    agent.destroy();
    await consumer.disconnect();
  } finally {
    for (const { name, server } of processes) {
      const stopping = performance.now();
      const code = await server.stop();
      console.log(`  stopped ${server.url} with ${code} in ${((performance.now() - stopping) / 1000).toFixed(1)} s`);
      // BENCH_OUTPUT_DIR=<dir>: what each server process printed (e.g. with BENCH_NODE_ARGS=--trace-gc).
      if (process.env.BENCH_OUTPUT_DIR)
        writeFileSync(join(process.env.BENCH_OUTPUT_DIR, `${name}.log`), server.output());
    }
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
