/**
 * Study benchmark (`npm run bench:study`): 100,000 random portfolios (uniform on the simplex) of the 20 sample
 * stocks over 1990–2022, monthly rebalancing, through the study engine as a worker runs it — candidates drawn
 * per chunk, backtested by the parallel batch runner, reduced, merged, finalised — on 1 and 2 threads.
 * Reports wall seconds, M asset-days/s and CPU seconds (all threads of the process), and where the time went.
 * `BENCH_STUDY_CANDIDATES` (default 100000) and `BENCH_STUDY_CHUNK` (default 4096) change the size.
 * Prints figures; asserts nothing (timings are never tests). Compare versions alternately: the machine is shared.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParallelBatchRunner } from '../src/engine/batch/parallel-batch.runner';
import { simulateBatch } from '../src/engine/batch/batch.simulator';
import { candidatesOfChunk, studyChunkCount } from '../src/engine/study/study.candidates';
import { reduceStudyChunk } from '../src/engine/study/study.evaluation';
import { finalizeStudy } from '../src/engine/study/study.finalize';
import { mergeStudyResults } from '../src/engine/study/study.merge';
import { prepareStudyPlan, StudyPlan } from '../src/engine/study/study.plan';
import { StudyChunkResult } from '../src/engine/study/study.types';
import { validateStudySpec } from '../src/engine/study/study.validation';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';
import { REFERENCE_STUDY, referenceStudySpec } from './support/reference-study';

const TICKERS = REFERENCE_STUDY.tickers;
const CANDIDATES = Number(process.env.BENCH_STUDY_CANDIDATES ?? 100_000);
const CHUNK = Number(process.env.BENCH_STUDY_CHUNK ?? 4096);

interface Timing {
  wall: number;
  cpu: number;
  generate: number;
  backtest: number;
  reduce: number;
  merge: number;
  finalize: number;
}

async function runOnce(plan: StudyPlan, runner: ParallelBatchRunner): Promise<Timing> {
  const timing: Timing = { wall: 0, cpu: 0, generate: 0, backtest: 0, reduce: 0, merge: 0, finalize: 0 };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let merged: StudyChunkResult | null = null;
  const chunks = studyChunkCount(plan.study, CHUNK);
  for (let chunk = 0; chunk < chunks; chunk++) {
    let mark = performance.now();
    const candidates = candidatesOfChunk(plan.study, chunk, CHUNK);
    timing.generate += performance.now() - mark;
    mark = performance.now();
    const batch = await runner.run(plan.simulation, candidates.weights);
    timing.backtest += performance.now() - mark;
    mark = performance.now();
    const result = reduceStudyChunk(plan, candidates, batch);
    timing.reduce += performance.now() - mark;
    mark = performance.now();
    merged = merged === null ? result : mergeStudyResults([merged, result]);
    timing.merge += performance.now() - mark;
  }
  const mark = performance.now();
  finalizeStudy(plan, merged!);
  timing.finalize = performance.now() - mark;
  timing.wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  timing.cpu = (cpu.user + cpu.system) / 1000;
  return timing;
}

async function main(): Promise<void> {
  const matrix = loadSamplePrices();
  console.log(
    `PortoFino study benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const study = validateStudySpec(referenceStudySpec(CANDIDATES));
  const plan = prepareStudyPlan(study, matrix);
  const rows = plan.simulation.dates.length;
  const assetDays = CANDIDATES * TICKERS.length * rows;
  console.log(
    `\nstudy: ${CANDIDATES.toLocaleString('en-US')} random portfolios × ${TICKERS.length} assets × ${rows} days ` +
      `(${plan.simulation.dates[0]}..${plan.simulation.dates[rows - 1]}), monthly rebalancing, chunks of ${CHUNK}` +
      ` = ${(assetDays / 1e9).toFixed(2)} G asset-days`,
  );

  // Warm the kernel and the reduction on a small study of the same plan.
  const warmRunner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), 2);
  const warm = candidatesOfChunk(plan.study, 0, 512);
  reduceStudyChunk(plan, warm, simulateBatch(plan.simulation, warm.weights));
  await warmRunner.run(plan.simulation, warm.weights);
  await warmRunner.close();

  for (const threads of [2, 1, 2, 1]) {
    const runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), threads);
    await runner.run(plan.simulation, warm.weights); // start the workers
    const timing = await runOnce(plan, runner);
    await runner.close();
    const seconds = timing.wall / 1000;
    console.log(
      `  ${threads} thread${threads > 1 ? 's' : ' '}  ${seconds.toFixed(2).padStart(6)} s   ` +
        `${(assetDays / seconds / 1e6).toFixed(0).padStart(5)} M asset-days/s   ` +
        `${Math.round(CANDIDATES / seconds)
          .toLocaleString('en-US')
          .padStart(7)} portfolios/s   CPU ${(timing.cpu / 1000).toFixed(2)} s` +
        `   (draw ${(timing.generate / 1000).toFixed(2)} s, backtest ${(timing.backtest / 1000).toFixed(2)} s, ` +
        `reduce ${(timing.reduce / 1000).toFixed(2)} s, merge ${(timing.merge / 1000).toFixed(2)} s, finalise ${(timing.finalize / 1000).toFixed(2)} s)`,
    );
  }
  console.log(
    `\nload average at end: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
