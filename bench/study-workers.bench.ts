/**
 * Distributed study benchmark (`npm run bench:study-workers`): the study of `npm run bench:study` — 100,000
 * uniform portfolios of the 20 sample stocks over 1990–2022, monthly rebalancing — through the real path: POST
 * /studies on an API process, chunk jobs on Bull (Redis), worker processes of src/main.ts (`--role=worker`)
 * taking them, PostgreSQL and Kafka as in production (throw-away services, started like the tests do).
 * Each setup — W worker processes × T threads each (STUDY_THREADS) — starts its workers, warms them with a small
 * study, then times one study from the POST to `completed` and stops them. The default setups, on a 2-core machine:
 *   1×1  one worker process on one thread                  (the base: one worker)
 *   2×1  two worker processes on one thread each           (one worker added: the honest comparison on 2 cores)
 *   1×2  one worker process on two threads                 (the same cores used by threads instead)
 *   2×2  two worker processes on two threads each          (one worker added to 1×2; 4 threads on 2 cores)
 * Prints, per setup: wall seconds, portfolios/s, M asset-days/s, CPU seconds of the workers and of every process
 * (API, workers, PostgreSQL, Redis, Kafka), chunks per worker, the workers' main-thread stalls (a preload,
 * bench/support/event-loop-probe.cjs) and whether the result equals the first setup's; then the scaling per added
 * worker (throughput ratios 2×1 / 1×1 and 2×2 / 1×2). Asserts nothing: timings are never tests.
 *   BENCH_STUDY_CANDIDATES=100000  BENCH_STUDY_CHUNK=4096  BENCH_STUDY_SETUPS=1x1,2x1,1x2,2x2  BENCH_ROUNDS=1
 *   BENCH_STUDY_TIMEOUT_MS=1200000  BENCH_OUTPUT_DIR=<dir> (what each server process printed)  BENCH_LOG_LEVEL=log (the servers' log level; warn)
 * With BENCH_ROUNDS=2 the setups run twice, alternating, as the machine is shared.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startServices, type Services } from '../test/harness/services';
import { startServerProcess, type ServerProcess } from '../test/support/server-process';
import { prepareStudyPlan } from '../src/engine/study/study.plan';
import { validateStudySpec } from '../src/engine/study/study.validation';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';
import { REFERENCE_STUDY, referenceStudySpec } from './support/reference-study';
import { pipelineEnvironment, registerBenchUser, sleep } from './support/pipeline-stack';
import { cpuMs, loadAverage } from './support/process-cpu';

const TICKERS = REFERENCE_STUDY.tickers;
const CANDIDATES = Number(process.env.BENCH_STUDY_CANDIDATES ?? 100_000);
const CHUNK = Number(process.env.BENCH_STUDY_CHUNK ?? 4096);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const EVENT_LOOP_PROBE = join(__dirname, 'support', 'event-loop-probe.cjs');

interface Setup {
  processes: number;
  threads: number;
}

const SETUPS: Setup[] = (process.env.BENCH_STUDY_SETUPS ?? '1x1,2x1,1x2,2x2').split(',').map((text) => {
  const [processes, threads] = text.trim().split('x').map(Number);
  if (!(processes >= 1 && threads >= 1)) throw new Error(`BENCH_STUDY_SETUPS: "${text}" is not <processes>x<threads>`);
  return { processes, threads };
});

const label = (setup: Setup) => `${setup.processes}×${setup.threads}`;

interface StallReport {
  window: number;
  delayMs: { mean: number; p99: number; max: number };
  stallsOver10Ms: number;
  stallsOver25Ms: number;
  stallsOver50Ms: number;
  longestStallMs: number;
  stalledMs: number;
}

interface Measured {
  setup: Setup;
  seconds: number;
  workersCpuMs: number;
  allCpuMs: number;
  chunksByWorker: number[];
  stalls: StallReport[];
  result: string;
}

interface Study {
  id: string;
  chunkCount: number;
}

/** The study of bench:study, with `candidates` portfolios, as POST /studies takes it (options as in a command). */
const studyBody = (candidates: number) =>
  JSON.stringify({ ...REFERENCE_STUDY, options: { rebalance: 'monthly' }, candidates });

async function submit(url: string, token: string, candidates: number): Promise<Study> {
  const response = await fetch(`${url}/studies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: studyBody(candidates),
  });
  const body = (await response.json()) as { studyId: string; chunkCount: number };
  if (response.status !== 202) throw new Error(`POST /studies answered ${response.status}: ${JSON.stringify(body)}`);
  return { id: body.studyId, chunkCount: body.chunkCount };
}

/** A study not completed after this long stops the bench (a worker died, say). */
const STUDY_TIMEOUT_MS = Number(process.env.BENCH_STUDY_TIMEOUT_MS ?? 1_200_000);

/** Polls GET /studies/{id} every 50 ms until the study completes; its result as JSON. */
async function completion(url: string, token: string, studyId: string): Promise<string> {
  const deadline = Date.now() + STUDY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/studies/${studyId}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`GET /studies/${studyId} answered ${response.status}`);
    const detail = (await response.json()) as { status: string; failureReason: string | null; result: unknown };
    if (detail.status === 'completed') return JSON.stringify(detail.result);
    if (detail.status === 'failed') throw new Error(`study ${studyId} failed: ${detail.failureReason}`);
    await sleep(50);
  }
  throw new Error(`study ${studyId} did not complete in ${STUDY_TIMEOUT_MS} ms`);
}

/** Asks every worker's probe for its report (SIGUSR2) and reads them: the stalls since the previous call. */
async function stallReports(workers: { server: ServerProcess; probeFile: string }[]): Promise<StallReport[]> {
  const previous = workers.map(({ probeFile }) => readProbe(probeFile)?.window ?? 0);
  for (const { server } of workers) server.child.kill('SIGUSR2');
  for (let tries = 0; tries < 100; tries++) {
    const reports = workers.map(({ probeFile }) => readProbe(probeFile));
    if (reports.every((report, w) => report !== undefined && report.window > previous[w]))
      return reports as StallReport[];
    await sleep(20);
  }
  throw new Error('the workers did not write their event-loop reports');
}

function readProbe(file: string): StallReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StallReport;
  } catch {
    return undefined;
  }
}

async function measure(
  services: Services,
  env: Record<string, string>,
  api: ServerProcess,
  db: Client,
  setup: Setup,
  round: number,
): Promise<Measured> {
  const workers: { server: ServerProcess; probeFile: string }[] = [];
  console.log(`  ${label(setup)}  starting ${setup.processes} worker process(es)… (${new Date().toISOString()})`);
  try {
    for (let w = 0; w < setup.processes; w++) {
      const probeFile = join(services.dir, `event-loop-${label(setup)}-${round}-${w}.json`);
      rmSync(probeFile, { force: true });
      const server = await startServerProcess(
        { ...env, DB_MIGRATIONS_RUN: 'false', STUDY_THREADS: String(setup.threads), BENCH_EVENT_LOOP_FILE: probeFile },
        ['--role=worker'],
        { nodeArgs: ['-r', EVENT_LOOP_PROBE], timeoutMs: 300_000 },
      );
      workers.push({ server, probeFile });
    }
    // A user of its own: an access token lasts 15 minutes, a setup may take longer on a loaded machine.
    const token = await registerBenchUser(api.url, 'study-workers');
    // Warm-up: prices loaded, threads started and the kernel compiled in every worker (two chunks each).
    const warm = await submit(api.url, token, 2 * setup.processes * CHUNK);
    await completion(api.url, token, warm.id);
    await stallReports(workers);

    const pids = workers.map(({ server }) => server.child.pid!);
    const servicePids = [services.info.postgres?.pid, services.info.redis?.pid, services.info.kafka?.pid].filter(
      (pid): pid is number => pid !== undefined,
    );
    const workersCpu = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    const allCpu = () =>
      workersCpu() + cpuMs(api.child.pid!) + servicePids.reduce((sum, pid) => sum + cpuMs(pid, true), 0);
    const workersBefore = workersCpu();
    const allBefore = allCpu();
    const started = performance.now();
    const study = await submit(api.url, token, CANDIDATES);
    const result = await completion(api.url, token, study.id);
    const seconds = (performance.now() - started) / 1000;
    const workersCpuMs = workersCpu() - workersBefore;
    const allCpuMs = allCpu() - allBefore;
    const stalls = await stallReports(workers);

    const { rows } = await db.query<{ worker: string; chunks: number }>(
      'SELECT worker, count(*)::int AS chunks FROM study_chunks WHERE study_id = $1 GROUP BY worker',
      [study.id],
    );
    // study_chunks names a worker `<host>:<pid>`.
    const chunksByWorker = pids.map((pid) => rows.find((row) => row.worker.endsWith(`:${pid}`))?.chunks ?? 0);
    return { setup, seconds, workersCpuMs, allCpuMs, chunksByWorker, stalls, result };
  } finally {
    for (const [w, { server }] of workers.entries()) {
      await server.stop();
      if (process.env.BENCH_OUTPUT_DIR)
        writeFileSync(join(process.env.BENCH_OUTPUT_DIR, `worker-${label(setup)}-${round}-${w}.log`), server.output());
    }
  }
}

function report(measured: Measured, assetDays: number, reference: string): void {
  const { setup, seconds } = measured;
  const stall = (key: keyof Omit<StallReport, 'window' | 'delayMs'>) => measured.stalls.map((s) => s[key]);
  console.log(
    `  ${label(setup)}  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(CANDIDATES / seconds)
      .toLocaleString('en-US')
      .padStart(6)} portfolios/s  ${(assetDays / seconds / 1e6).toFixed(0).padStart(5)} M asset-days/s   ` +
      `CPU workers ${(measured.workersCpuMs / 1000).toFixed(1)} s, all ${(measured.allCpuMs / 1000).toFixed(1)} s ` +
      `(${(assetDays / (measured.workersCpuMs / 1000) / 1e6).toFixed(0)} M asset-days per worker CPU s)   ` +
      `chunks ${measured.chunksByWorker.join('+')}   result ${measured.result === reference ? 'identical' : 'DIFFERS'}`,
  );
  console.log(
    `        workers' main thread: longest stall ${stall('longestStallMs')
      .map((ms) => ms.toFixed(0))
      .join(
        '/',
      )} ms, stalls >10 ms ${stall('stallsOver10Ms').join('/')}, >25 ms ${stall('stallsOver25Ms').join('/')}, ` +
      `>50 ms ${stall('stallsOver50Ms').join('/')}, stalled ${stall('stalledMs')
        .map((ms) => (ms / 1000).toFixed(2))
        .join('/')} s in all; delay p99 ${measured.stalls.map((s) => s.delayMs.p99.toFixed(1)).join('/')} ms`,
  );
}

async function main(): Promise<void> {
  console.log(`PortoFino distributed study benchmark — Node ${process.version}`);
  console.log(`load average at start: ${loadAverage()}`);
  const services = await startServices();
  let db: Client | undefined;
  let api: ServerProcess | undefined;
  try {
    const env = {
      ...pipelineEnvironment(services),
      SERVE_DASHBOARD: 'false',
      REPORTS_DIR: join(services.dir, 'reports'),
      STUDY_CHUNK_SIZE: String(CHUNK),
      ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
    };
    api = await startServerProcess(env, ['--role=api'], { timeoutMs: 300_000 });
    db = new Client({ connectionString: services.databaseUrl });
    await db.connect();

    const plan = prepareStudyPlan(validateStudySpec(referenceStudySpec(CANDIDATES)), loadSamplePrices());
    const days = plan.simulation.dates.length;
    const assetDays = CANDIDATES * TICKERS.length * days;
    console.log(
      `\nstudy: ${CANDIDATES.toLocaleString('en-US')} random portfolios × ${TICKERS.length} assets × 1990–2022 ` +
        `(${(assetDays / 1e9).toFixed(2)} G asset-days), monthly rebalancing, chunks of ${CHUNK} ` +
        `(${Math.ceil(CANDIDATES / CHUNK)} jobs); setups: worker processes × threads each`,
    );
    const all: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const setup of SETUPS) {
        const measured = await measure(services, env, api, db, setup, round);
        all.push(measured);
        report(measured, assetDays, all[0].result);
        console.log(`        load average: ${loadAverage()}`);
      }
    }

    console.log('\nscaling per added worker process (throughput ratio, best of the rounds):');
    const best = (setup: Setup) =>
      Math.min(
        ...all
          .filter((m) => m.setup.processes === setup.processes && m.setup.threads === setup.threads)
          .map((m) => m.seconds),
      );
    for (const threads of [...new Set(SETUPS.map((setup) => setup.threads))]) {
      const counts = SETUPS.filter((setup) => setup.threads === threads)
        .map((setup) => setup.processes)
        .sort((a, b) => a - b);
      for (let i = 1; i < counts.length; i++) {
        const before = best({ processes: counts[i - 1], threads });
        const after = best({ processes: counts[i], threads });
        console.log(
          `  ${counts[i - 1]}×${threads} → ${counts[i]}×${threads}: ${(before / after).toFixed(2)}× ` +
            `(${before.toFixed(2)} s → ${after.toFixed(2)} s)`,
        );
      }
    }
    console.log(`\nload average at end: ${loadAverage()}`);
  } finally {
    await db?.end();
    if (api) {
      await api.stop();
      if (process.env.BENCH_OUTPUT_DIR) writeFileSync(join(process.env.BENCH_OUTPUT_DIR, 'api.log'), api.output());
    }
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
