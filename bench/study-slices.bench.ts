/**
 * How long a study chunk holds a worker's main thread (`npm run bench:study-slices`): the chunk's candidate draws
 * and the reduction of its backtest results, the two parts of a chunk that run on the event loop (the backtest
 * runs on the worker threads), done at once (candidatesOfChunk, reduceStudyChunk) and in slices as the chunk
 * processor does them (src/modules/study/study-slices.ts), alternately. A setImmediate ticker marks every turn of
 * the event loop; the longest gap between two turns is the longest synchronous slice, given in wall ms and in CPU
 * ms of the process (the CPU figure does not grow when the shared machine takes the core away).
 * The study is bench:study's (20 sample stocks, 1990–2022, monthly, uniform), chunks of BENCH_STUDY_CHUNK (4096).
 * Prints figures; asserts nothing.
 */
import { loadavg } from 'node:os';
import { simulateBatch } from '../src/engine/batch/batch.simulator';
import { candidatesOfChunk } from '../src/engine/study/study.candidates';
import { reduceStudyChunk } from '../src/engine/study/study.evaluation';
import { prepareStudyPlan, type StudyPlan } from '../src/engine/study/study.plan';
import { validateStudySpec } from '../src/engine/study/study.validation';
import { drawChunkInSlices, reduceChunkInSlices } from '../src/modules/study/study-slices';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';
import { REFERENCE_STUDY, referenceStudySpec } from './support/reference-study';

const TICKERS = REFERENCE_STUDY.tickers;
const CHUNK = Number(process.env.BENCH_STUDY_CHUNK ?? 4096);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Slices {
  turns: number;
  longestWallMs: number;
  longestCpuMs: number;
  totalWallMs: number;
}

const cpuNowMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs `work` while a setImmediate ticker measures the gaps between turns of the event loop. */
async function measured(work: () => Promise<unknown>): Promise<Slices> {
  const slices: Slices = { turns: 0, longestWallMs: 0, longestCpuMs: 0, totalWallMs: 0 };
  let running = true;
  let wall = performance.now();
  let cpu = cpuNowMs();
  const tick = () => {
    const nowWall = performance.now();
    const nowCpu = cpuNowMs();
    slices.turns++;
    slices.longestWallMs = Math.max(slices.longestWallMs, nowWall - wall);
    slices.longestCpuMs = Math.max(slices.longestCpuMs, nowCpu - cpu);
    wall = nowWall;
    cpu = nowCpu;
    if (running) setImmediate(tick);
  };
  const start = performance.now();
  setImmediate(tick);
  await work();
  slices.totalWallMs = performance.now() - start;
  running = false;
  await new Promise((resolve) => setImmediate(resolve));
  tick();
  return slices;
}

const format = (name: string, s: Slices) =>
  `${name.padEnd(8)} longest slice ${s.longestWallMs.toFixed(1).padStart(6)} ms wall, ${s.longestCpuMs
    .toFixed(1)
    .padStart(
      6,
    )} ms CPU; ${String(s.turns).padStart(4)} turns of the loop, ${s.totalWallMs.toFixed(0).padStart(4)} ms in all`;

async function round(plan: StudyPlan, chunk: number, chunkSize: number): Promise<void> {
  const candidates = candidatesOfChunk(plan.study, chunk, chunkSize);
  const batch = simulateBatch(plan.simulation, candidates.weights);
  const atOnce = {
    draw: await measured(async () => candidatesOfChunk(plan.study, chunk, chunkSize)),
    reduce: await measured(async () => reduceStudyChunk(plan, candidates, batch)),
  };
  const sliced = {
    draw: await measured(() => drawChunkInSlices(plan.study, chunk, chunkSize)),
    reduce: await measured(() => reduceChunkInSlices(plan, candidates, batch)),
  };
  console.log(
    `  chunk ${chunk}, at once:   ${format('draw', atOnce.draw)}\n${' '.repeat(22)}${format('reduce', atOnce.reduce)}`,
  );
  console.log(
    `  chunk ${chunk}, in slices: ${format('draw', sliced.draw)}\n${' '.repeat(22)}${format('reduce', sliced.reduce)}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  const study = validateStudySpec(referenceStudySpec(100_000));
  const plan = prepareStudyPlan(study, loadSamplePrices());
  // Warm: the lattice table, the kernel and the reduction compiled.
  await round(plan, 20, CHUNK);
  console.log(`\n${TICKERS.length} tickers × ${plan.simulation.dates.length} days, chunks of ${CHUNK}:`);
  for (let r = 0; r < ROUNDS; r++) await round(plan, r, CHUNK);
  console.log(
    `load average at end: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
