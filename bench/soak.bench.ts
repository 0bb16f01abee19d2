/**
 * Soak benchmark: the whole pipeline (POST /simulate → `simulation.completed` on Kafka) held at the highest rate the
 * machine sustains for a long while, on real PostgreSQL, Redis and Kafka (started like the tests do) with the API
 * and a worker as separate processes. A closed loop of BENCH_CLIENTS clients, each submitting its next simulation
 * when the previous one's completed event arrives, runs as fast as the machine goes.
 *   npm run bench:soak   (BENCH_SECONDS=600 BENCH_WARMUP_SECONDS=30 BENCH_CLIENTS=16 BENCH_SAMPLE_SECONDS=30
 *                         BENCH_OUTPUT_DIR=<dir>)
 * Prints throughput, p50/p99 latency (end to end, and of the POST alone) and errors for each sample window and for
 * the whole run, and the memory of every process — API, worker, PostgreSQL (postmaster and backends: the sum of
 * their proportional set sizes, shared buffers counted once), Redis, the Kafka JVM, this load generator — at the
 * start (after the warm-up), at each sample and at the end, with the growth and the trend per minute: memory
 * must be flat.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { startServices } from '../test/harness/services';
import { startServerProcess, ServerProcess } from '../test/support/server-process';
import {
  pipelineEnvironment,
  postJson,
  registerBenchUser,
  simulationEventsConsumer,
  sleep,
} from './support/pipeline-stack';
import { loadAverage } from './support/process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 30);
/** A simulation not completed after this long counts as an error (and its client goes on). */
const TIMEOUT_MS = 60_000;
/** A few portfolios, so that the workers' caches hold more than one series set. */
const COMMANDS = [
  'AAPL-L-50% MSFT-L-30% KO-S-20% 2015-01-01 2022-12-28 rebalance=monthly',
  'JPM-L-40% XOM-L-40% CASH-L-20% 2010-01-01 2020-12-31 rebalance=quarterly',
  'AMD-L-60% JNJ-L-40% 2005-01-03 2022-12-28',
  'KO-L-25% PG-L-25% WMT-L-25% MRK-L-25% 2000-01-03 2022-12-28 rebalance=yearly fee=0.1%',
];

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A /proc/<pid>/status or smaps_rollup field, in kB (NaN if the process is gone). */
function procKb(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) children.push(pid);
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

/** Memory of a process in MiB: its resident set, or for a process tree the sum of proportional set sizes. */
function memoryMiB(pid: number, tree: boolean): number {
  if (!tree) return procKb(`/proc/${pid}/status`, 'VmRSS') / 1024;
  const pids = [pid, ...childrenOf(pid)];
  return pids.reduce((sum, one) => sum + (procKb(`/proc/${one}/smaps_rollup`, 'Pss') || 0), 0) / 1024;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

interface Window {
  completed: number;
  latencies: number[];
  postLatencies: number[];
  errors: Record<string, number>;
}

const newWindow = (): Window => ({ completed: 0, latencies: [], postLatencies: [], errors: {} });

async function main(): Promise<void> {
  const services = await startServices();
  const servers: { name: string; server: ServerProcess }[] = [];
  try {
    const env = {
      ...pipelineEnvironment(services),
      SERVE_DASHBOARD: 'false',
      REPORTS_DIR: join(services.dir, 'reports'),
    };
    servers.push({ name: 'api', server: await startServerProcess(env, ['--role=api']) });
    servers.push({
      name: 'worker',
      server: await startServerProcess({ ...env, DB_MIGRATIONS_RUN: 'false' }, ['--role=worker']),
    });
    const url = servers[0].server.url;
    const accessToken = await registerBenchUser(url, 'soak');

    // Completion events, by simulation id: the client waiting for it, or the time it came early.
    const waiting = new Map<string, (outcome: string) => void>();
    const early = new Map<string, string>();
    const consumer = await simulationEventsConsumer<{ type: string; simulationId: string }>(
      services,
      'soak',
      (envelope) => {
        if (envelope.type !== 'simulation.completed' && envelope.type !== 'simulation.failed') return;
        const resolve = waiting.get(envelope.simulationId);
        if (resolve) resolve(envelope.type);
        else early.set(envelope.simulationId, envelope.type);
      },
    );

    let window = newWindow();
    let total = newWindow();
    const error = (kind: string) => {
      window.errors[kind] = (window.errors[kind] ?? 0) + 1;
      total.errors[kind] = (total.errors[kind] ?? 0) + 1;
    };
    let stopAt = 0;
    const client = async (index: number) => {
      for (let n = 0; performance.now() < stopAt; n += 1) {
        const body = JSON.stringify({ command: COMMANDS[(index + n) % COMMANDS.length] });
        const started = performance.now();
        let answer: { status: number; text: string };
        try {
          answer = await postJson(agent, `${url}/simulate`, body, { authorization: `Bearer ${accessToken}` });
        } catch (failure) {
          error(`POST ${(failure as Error).message}`);
          await sleep(100);
          continue;
        }
        const posted = performance.now();
        if (answer.status !== 202) {
          error(`POST ${answer.status}`);
          await sleep(100);
          continue;
        }
        const { simulationId } = JSON.parse(answer.text) as { simulationId: string };
        const outcome =
          early.get(simulationId) ??
          (await new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
            waiting.set(simulationId, (type) => {
              clearTimeout(timer);
              resolve(type);
            });
          }));
        waiting.delete(simulationId);
        early.delete(simulationId);
        if (outcome !== 'simulation.completed') {
          error(outcome === 'timeout' ? `not completed within ${TIMEOUT_MS / 1000} s` : outcome);
          continue;
        }
        for (const into of [window, total]) {
          into.completed += 1;
          into.latencies.push(performance.now() - started);
          into.postLatencies.push(posted - started);
        }
      }
    };

    // What each process is: [name, pid, a tree of processes].
    const watched: [string, () => number, boolean][] = [
      ...servers.map(({ name, server }): [string, () => number, boolean] => [
        name,
        () => server.child.pid as number,
        false,
      ]),
      ['postgres', () => services.handles.postgres?.pid ?? 0, true],
      ['redis', () => services.handles.redis?.pid ?? 0, false],
      ['kafka', () => services.handles.kafka?.pid ?? 0, false],
      ['bench client', () => process.pid, false],
    ];
    const memory = () => Object.fromEntries(watched.map(([name, pid, tree]) => [name, memoryMiB(pid(), tree)]));
    const mib = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} MiB` : 'n/a');
    const describe = (values: Record<string, number>) =>
      Object.entries(values)
        .map(([name, value]) => `${name} ${mib(value)}`)
        .join(', ');

    console.log(
      `soak: ${CLIENTS} clients, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s, samples every ${SAMPLE_SECONDS} s`,
    );
    console.log('memory: resident set of each process; for PostgreSQL the proportional set sizes of all its processes');
    console.log(`load average before: ${loadAverage()}`);
    stopAt = performance.now() + (WARMUP_SECONDS + SECONDS) * 1000;
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));

    await sleep(WARMUP_SECONDS * 1000);
    window = newWindow();
    total = newWindow();
    const began = performance.now();
    const start = memory();
    const samples: { minutes: number; memory: Record<string, number> }[] = [{ minutes: 0, memory: start }];
    console.log(`memory at the start: ${describe(start)}`);
    const report = (label: string, from: Window, seconds: number) => {
      const errors = Object.entries(from.errors)
        .map(([kind, count]) => `${kind} ×${count}`)
        .join(', ');
      console.log(
        `${label}: ${from.completed} simulations, ${(from.completed / seconds).toFixed(1)}/s, end to end p50 ` +
          `${percentile(from.latencies, 50).toFixed(0)} ms p99 ${percentile(from.latencies, 99).toFixed(0)} ms, ` +
          `POST p99 ${percentile(from.postLatencies, 99).toFixed(0)} ms, errors ${errors || 0}`,
      );
    };
    let sampledAt = began;
    while (performance.now() < stopAt - 500) {
      await sleep(Math.min(SAMPLE_SECONDS * 1000, Math.max(0, stopAt - performance.now())));
      const now = performance.now();
      const sample = memory();
      samples.push({ minutes: (now - began) / 60_000, memory: sample });
      report(`  ${((now - began) / 1000).toFixed(0).padStart(4)} s`, window, (now - sampledAt) / 1000);
      console.log(`         memory: ${describe(sample)}`);
      window = newWindow();
      sampledAt = now;
    }
    await Promise.all(clients);
    const elapsed = (performance.now() - began) / 1000;
    const end = memory();

    console.log(`\nsoak result (api + worker processes, ${CLIENTS} clients, ${elapsed.toFixed(0)} s measured)`);
    report('  whole run', total, elapsed);
    console.log('  memory (start → end, growth, trend after the first sample):');
    for (const [name] of watched) {
      const trend = samples.slice(1).map((sample) => ({ x: sample.minutes, y: sample.memory[name] }));
      const perMinute = trend.length >= 2 ? slope(trend) : Number.NaN;
      const growth = (100 * (end[name] - start[name])) / start[name];
      console.log(
        `    ${name.padEnd(13)} ${mib(start[name])} → ${mib(end[name])} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%), ` +
          `trend ${Number.isFinite(perMinute) ? `${perMinute >= 0 ? '+' : ''}${perMinute.toFixed(2)} MiB/min` : 'n/a'}`,
      );
    }
    console.log(`load average after: ${loadAverage()}`);
    agent.destroy();
    await consumer.disconnect();
  } finally {
    for (const { name, server } of servers) {
      await server.stop();
      // BENCH_OUTPUT_DIR=<dir>: what each server process printed.
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
