import { SimulationPlan } from '../simulation/simulation-plan';
import { BATCH_KERNEL_FUNCTIONS, BatchKernelInput, runBatchRange, SUMMARY_METRICS } from './batch.kernel';
import { BatchResult, compactPrices, kernelInput, packWeightVectors, summaryColumns } from './batch.simulator';

interface WorkerJob {
  prices: SharedArrayBuffer;
  pricesOffset: number;
  pricesLength: number;
  weights: SharedArrayBuffer;
  summary: SharedArrayBuffer;
  scalars: Omit<BatchKernelInput, 'prices' | 'weights' | 'rebalanceFlags' | 'contributionFlags'>;
  rebalanceFlags: Uint8Array;
  contributionFlags: Uint8Array;
  from: number;
  to: number;
}

/**
 * The part of a `node:worker_threads` Worker the runner uses. The engine imports no Node module:
 * the caller supplies workers, e.g. `(source) => new Worker(source, { eval: true })`.
 */
export interface BatchWorker {
  postMessage(message: unknown): void;
  once(event: 'message', listener: (value: unknown) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<number>;
}

/** Creates a worker thread that evaluates `source` (CommonJS, with `require` available). */
export type BatchWorkerFactory = (source: string) => BatchWorker;

/**
 * Worker source: the kernel functions' own compiled text plus a message loop. Shipping the
 * source (rather than a file path) works the same from ts-node, jest and the compiled dist.
 */
export function batchWorkerSource(): string {
  return [
    "const { parentPort } = require('node:worker_threads');",
    ...BATCH_KERNEL_FUNCTIONS.map((fn) => fn.toString()),
    `parentPort.on('message', (job) => {
      const input = Object.assign({}, job.scalars, {
        prices: new Float64Array(job.prices, job.pricesOffset, job.pricesLength),
        weights: new Float64Array(job.weights),
        rebalanceFlags: job.rebalanceFlags,
        contributionFlags: job.contributionFlags,
      });
      runBatchRange(input, job.from, job.to, new Float64Array(job.summary), null);
      parentPort.postMessage(job.to - job.from);
    });`,
  ].join('\n');
}

/** Instrumented code (coverage counters) cannot run detached from its module. */
function kernelIsShippable(): boolean {
  return BATCH_KERNEL_FUNCTIONS.every((fn) => !/\bcov_\w+|__coverage__/.test(fn.toString()));
}

/**
 * Runs batches on worker threads plus the calling thread. Workers start once and are reused;
 * `close()` ends them (they never keep the process alive on their own).
 */
export class ParallelBatchRunner {
  private readonly workers: BatchWorker[] = [];
  private readonly threads: number;
  private sharedPrices: { source: Float64Array; buffer: SharedArrayBuffer } | null = null;

  private readonly callerComputes: boolean;

  /**
   * `threads` counts the calling thread: 2 means one worker plus the caller. With `callerComputes: false`
   * (a server) the calling thread only hands out the work and waits: `threads` worker threads do it all, so
   * the event loop stays free.
   */
  constructor(
    private readonly createWorker: BatchWorkerFactory,
    threads: number,
    options: { callerComputes?: boolean } = {},
  ) {
    this.threads = Math.max(1, Math.floor(threads));
    this.callerComputes = options.callerComputes ?? true;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Simulates every vector like `simulateBatch` (summary metrics only); runs one batch at a time. */
  run(plan: SimulationPlan, vectors: Float64Array | readonly (readonly number[])[]): Promise<BatchResult> {
    const result = this.queue.then(() => this.runNow(plan, vectors));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow(
    plan: SimulationPlan,
    vectors: Float64Array | readonly (readonly number[])[],
  ): Promise<BatchResult> {
    const packed = packWeightVectors(plan, vectors);
    const count = packed.length / Math.max(1, plan.tickers.length);
    const shippable = kernelIsShippable();
    const threads = shippable ? Math.min(this.threads, Math.max(1, Math.floor(count / 8))) : 1;
    const callerComputes = this.callerComputes || !shippable;
    const workerThreads = callerComputes ? threads - 1 : threads;
    this.ensureWorkers(workerThreads);

    const weights = new SharedArrayBuffer(packed.byteLength);
    new Float64Array(weights).set(packed);
    const summaryBuffer = new SharedArrayBuffer(SUMMARY_METRICS.length * count * 8);
    const summary = new Float64Array(summaryBuffer);
    const compact = compactPrices(plan);
    const prices = this.sharePrices(compact);
    const input = kernelInput(plan, new Float64Array(weights), new Float64Array(prices));
    const { prices: _prices, weights: _weights, rebalanceFlags, contributionFlags, ...scalars } = input;

    // Contiguous shares, in multiples of 8 vectors (the kernel's block), the caller (if it computes) taking the last.
    const share = Math.ceil(count / threads / 8) * 8;
    const pending: Promise<unknown>[] = [];
    for (let w = 0; w < workerThreads; w++) {
      const from = w * share;
      const to = Math.min(count, from + share);
      if (from >= to) continue;
      const job: WorkerJob = {
        prices,
        pricesOffset: 0,
        pricesLength: compact.length,
        weights,
        summary: summaryBuffer,
        scalars,
        rebalanceFlags,
        contributionFlags,
        from,
        to,
      };
      const worker = this.workers[w];
      pending.push(
        new Promise((resolve, reject) => {
          const onError = (error: Error) => {
            worker.unref();
            reject(error);
          };
          worker.once('message', (done) => {
            worker.off('error', onError);
            worker.unref();
            resolve(done);
          });
          worker.once('error', onError);
          // Referenced only while it works, so an idle pool never holds the process open.
          worker.ref();
          worker.postMessage(job);
        }),
      );
    }
    if (callerComputes) runBatchRange(input, Math.min(count, workerThreads * share), count, summary, null);
    await Promise.all(pending);
    return {
      vectorCount: count,
      assetDays: count * plan.tickers.length * plan.dates.length,
      summary: summaryColumns(summary, count),
      metrics: null,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.terminate()));
  }

  private ensureWorkers(needed: number): void {
    while (this.workers.length < needed) {
      const worker = this.createWorker(batchWorkerSource());
      worker.unref();
      this.workers.push(worker);
    }
  }

  /** Copies the price block into shared memory once per distinct block. */
  private sharePrices(prices: Float64Array): SharedArrayBuffer {
    if (this.sharedPrices?.source !== prices) {
      const buffer = new SharedArrayBuffer(prices.byteLength);
      new Float64Array(buffer).set(prices);
      this.sharedPrices = { source: prices, buffer };
    }
    return this.sharedPrices.buffer;
  }
}
