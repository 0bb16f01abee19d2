/**
 * Engine benchmark (`npm run bench`): one backtest of 20 assets over 1990–2022 daily with monthly
 * rebalancing and all metrics; its rolling metrics (3 windows, with a benchmark) and drawdown
 * episodes; a Monte Carlo projection of it (10,000 paths × 30 years, monthly); then the batch
 * entry with 1,000 and 10,000 weight vectors.
 * Prints figures; asserts nothing (timings are never tests).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseCommandOrThrow } from '../src/engine/command/command.parser';
import { simulateBatch } from '../src/engine/batch/batch.simulator';
import { ParallelBatchRunner } from '../src/engine/batch/parallel-batch.runner';
import { buildSimulationPlan } from '../src/engine/simulation/simulation-plan';
import { simulatePortfolio } from '../src/engine/simulation/portfolio.simulator';
import { loadSamplePrices } from '../src/sample-data/sample-data.loader';
import { computeRollingMetrics } from '../src/engine/analysis/rolling-metrics';
import { computeDrawdownEpisodes } from '../src/engine/analysis/drawdown-episodes';
import { projectMonteCarlo } from '../src/engine/analysis/monte-carlo';
import { projectionHistoryOf } from '../src/engine/analysis/projection-history';
import { SimulationResult } from '../src/engine/simulation/simulation.types';
import { PriceMatrix } from '../src/engine/market/price-matrix';

const TICKERS = 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' ');
const COMMAND = `${TICKERS.map((ticker) => `${ticker}-L-5%`).join(' ')} 1990-01-01 2022-12-31 rebalance=monthly`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs `body` `warmups` times, then `runs` times measured: median, p10, p90 and CPU per run. */
function measure(label: string, warmups: number, runs: number, body: () => unknown): void {
  for (let i = 0; i < warmups; i++) body();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const digits = quantile(times, 0.5) < 10 ? 3 : 1;
  console.log(
    `  ${label.padEnd(40)} median ${quantile(times, 0.5).toFixed(digits)} ms   p10 ${quantile(times, 0.1).toFixed(digits)} ms   ` +
      `p90 ${quantile(times, 0.9).toFixed(digits)} ms   (CPU ${((cpu.user + cpu.system) / 1000 / runs).toFixed(digits)} ms per run, ${runs} runs)`,
  );
}

/** Rolling metrics, drawdown episodes and a Monte Carlo projection of one completed backtest. */
function benchAnalysis(sample: SimulationResult, matrix: PriceMatrix): void {
  const benchmark = simulatePortfolio(parseCommandOrThrow('^GSPC-L-100% 1990-01-01 2022-12-31').command, matrix);
  if (benchmark.dates.length !== sample.dates.length) throw new Error('benchmark calendar differs from the portfolio');
  const rows = sample.dates.length;
  console.log(`\nanalysis of that backtest (${rows - 1} daily returns)`);
  const rolling = () =>
    computeRollingMetrics({
      returns: sample.dailyReturn,
      riskFreeRate: 0.02,
      benchmarkReturns: benchmark.dailyReturn,
      windows: [126, 252, 756],
    });
  measure('rolling metrics, 3 windows + benchmark', 50, 300, rolling);
  measure('drawdown episodes (10 deepest)', 50, 300, () =>
    computeDrawdownEpisodes({ dates: sample.dates, drawdown: sample.drawdown }),
  );
  const start = projectionHistoryOf(sample);
  const options = {
    paths: 10_000,
    years: 30,
    seed: 42,
    initialValue: start.initialValue,
    cashFlow: { kind: 'amount' as const, amount: -40_000, period: 'year' as const, inflationIndexed: true },
    inflationRate: 0.025,
  };
  console.log(`  Monte Carlo: 10,000 paths × 30 years (360 months) from ${start.returns.length} historical months`);
  measure('monthly bootstrap', 2, 9, () => projectMonteCarlo(start.returns, { ...options, method: 'monthly' }));
  measure('block bootstrap (12 months)', 2, 9, () =>
    projectMonteCarlo(start.returns, { ...options, method: 'block', blockMonths: 12 }),
  );
  const projection = projectMonteCarlo(start.returns, { ...options, method: 'block', blockMonths: 12 });
  console.log(
    `  projection sample: median final value ${projection.finalValue.percentiles[3].toExponential(3)}, ` +
      `P(value > 0) ${(projection.probabilityPositive * 100).toFixed(1)}%, 95% sustainable withdrawal ` +
      `${(projection.sustainableWithdrawal.annualRate95 * 100).toFixed(2)}% a year (indexed)`,
  );
}

/** Deterministic weight vectors: random long-only weights summing to 1 (mulberry32). */
function randomVectors(count: number, assets: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(count * assets);
  for (let k = 0; k < count; k++) {
    let sum = 0;
    for (let i = 0; i < assets; i++) sum += out[k * assets + i] = random();
    for (let i = 0; i < assets; i++) out[k * assets + i] /= sum;
  }
  return out;
}

async function main(): Promise<void> {
  const matrix = loadSamplePrices();
  console.log(
    `PortoFino engine benchmark — Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'})`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );

  // One backtest, end to end: parse, plan (calendar, price block, events), simulate, all metrics.
  const run = () => simulatePortfolio(parseCommandOrThrow(COMMAND).command, matrix);
  const sample = run();
  const rows = sample.dates.length;
  console.log(
    `\nsingle backtest: ${TICKERS.length} assets × ${rows} days (${sample.dates[0]}..${sample.dates[rows - 1]}), monthly rebalancing, all metrics`,
  );
  // Warm up to the steady state (JIT tiers, heap size), then measure.
  for (let i = 0; i < 2000; i++) run();
  const times: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < 3000; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  console.log(
    `  median ${quantile(times, 0.5).toFixed(3)} ms   p10 ${quantile(times, 0.1).toFixed(3)} ms   p90 ${quantile(times, 0.9).toFixed(3)} ms` +
      `   (CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(3)} ms per backtest)`,
  );
  console.log(
    `  metrics sample: CAGR ${(sample.metrics.cagr * 100).toFixed(2)}%, Sharpe ${sample.metrics.sharpe.toFixed(3)}, max drawdown ${(sample.metrics.maxDrawdown * 100).toFixed(2)}%`,
  );

  benchAnalysis(sample, matrix);

  // Batch: many weight vectors over one shared price block (same plan: monthly rebalancing).
  const plan = buildSimulationPlan(parseCommandOrThrow(COMMAND).command, matrix);
  const runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), availableParallelism());
  await runner.run(plan, randomVectors(64, TICKERS.length, 7)); // start the workers
  simulateBatch(plan, randomVectors(400, TICKERS.length, 8)); // warm the kernel
  console.log(
    '\nbatch entry (summary metrics per vector: final NAV, total return, CAGR, volatility, Sharpe, Sortino, max drawdown, Calmar)',
  );
  for (const count of [1000, 10000]) {
    const vectors = randomVectors(count, TICKERS.length, count);
    const assetDays = count * TICKERS.length * rows;
    const report = (label: string, seconds: number) =>
      console.log(
        `  ${String(count).padStart(6)} vectors, ${label.padEnd(26)} ${(seconds * 1000).toFixed(0).padStart(6)} ms   ` +
          `${Math.round(count / seconds)
            .toLocaleString('en-US')
            .padStart(8)} backtests/s   ${(assetDays / seconds / 1e6).toFixed(0).padStart(6)} M asset-days/s`,
      );
    const best = async (attempts: number, body: () => Promise<unknown> | unknown) => {
      let fastest = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const start = performance.now();
        await body();
        fastest = Math.min(fastest, (performance.now() - start) / 1000);
      }
      return fastest;
    };
    report(`${availableParallelism()} threads (workers)`, await best(3, () => runner.run(plan, vectors)));
    report('1 thread', await best(count > 1000 ? 1 : 3, () => simulateBatch(plan, vectors)));
    if (count === 1000)
      report('1 thread, all metrics', await best(1, () => simulateBatch(plan, vectors, { fullMetrics: true })));
  }
  await runner.close();
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
