import { computeMetrics } from '../metrics/metrics.calculator';
import { PerformanceMetrics } from '../metrics/metrics.types';
import { SimulationPlan } from '../simulation/simulation-plan';
import { BatchKernelInput, runBatchRange, SUMMARY_METRICS, SummaryMetric } from './batch.kernel';

/** Results of many weight vectors simulated over one plan; summary metrics are column arrays. */
export interface BatchResult {
  vectorCount: number;
  /** Simulated asset-days: vectors × assets × calendar rows. */
  assetDays: number;
  summary: Record<SummaryMetric, Float64Array>;
  /** Every metric per vector, only when asked for (`fullMetrics`). */
  metrics: PerformanceMetrics[] | null;
}

/**
 * Normalises weight vectors (each a signed target weight per plan ticker, as fractions) into one
 * row-major Float64Array, checking their length.
 */
export function packWeightVectors(
  plan: SimulationPlan,
  vectors: Float64Array | readonly (readonly number[])[],
): Float64Array {
  const assets = plan.tickers.length;
  if (vectors instanceof Float64Array) {
    if (assets === 0 || vectors.length % assets !== 0) {
      throw new RangeError(`weights length ${vectors.length} is not a multiple of ${assets} assets`);
    }
    return vectors;
  }
  const packed = new Float64Array(vectors.length * assets);
  vectors.forEach((vector, k) => {
    if (vector.length !== assets)
      throw new RangeError(`weight vector ${k} has ${vector.length} entries, expected ${assets}`);
    packed.set(vector, k * assets);
  });
  return packed;
}

/** The plan's prices as a compact rows × assets block (the kernel's layout), copied once per plan. */
const compactCache = new WeakMap<SimulationPlan, Float64Array>();

export function compactPrices(plan: SimulationPlan): Float64Array {
  let compact = compactCache.get(plan);
  if (!compact) {
    const assets = plan.tickers.length;
    const rows = plan.dates.length;
    compact = new Float64Array(rows * assets);
    for (let t = 0; t < rows; t++) {
      for (let i = 0; i < assets; i++) compact[t * assets + i] = plan.prices[t * plan.stride + plan.columns[i]];
    }
    compactCache.set(plan, compact);
  }
  return compact;
}

export function kernelInput(
  plan: SimulationPlan,
  weights: Float64Array,
  prices: Float64Array = compactPrices(plan),
): BatchKernelInput {
  const rows = plan.dates.length;
  return {
    prices,
    assetCount: plan.tickers.length,
    rowCount: rows,
    rebalanceFlags: plan.rebalanceFlags ?? new Uint8Array(rows),
    contributionFlags: plan.contributionFlags ?? new Uint8Array(rows),
    contributionAmount: plan.contributionAmount,
    bandThreshold: plan.bandThreshold,
    feeRate: plan.feeRate,
    capital: plan.capital,
    dailyRiskFree: plan.riskFreeRate > 0 ? Math.pow(1 + plan.riskFreeRate, 1 / 252) - 1 : 0,
    earnAccrual: plan.interest === null ? null : plan.interest.earn,
    payAccrual: plan.interest === null ? null : plan.interest.pay,
    weights,
    vectorCount: weights.length / Math.max(1, plan.tickers.length),
  };
}

export function summaryColumns(summary: Float64Array, count: number): Record<SummaryMetric, Float64Array> {
  const columns = {} as Record<SummaryMetric, Float64Array>;
  SUMMARY_METRICS.forEach((metric, m) => (columns[metric] = summary.subarray(m * count, (m + 1) * count)));
  return columns;
}

/**
 * Simulates every weight vector over the plan's prices and options (rebalancing, band, fees,
 * contributions, interest on cash and loans: the same rules as `simulatePlan`, without trades and weights), on this
 * thread. Synthetic tickers are columns of the plan like any other.
 * The plan's own target weights are ignored; each vector supplies its own.
 */
export function simulateBatch(
  plan: SimulationPlan,
  vectors: Float64Array | readonly (readonly number[])[],
  options: { fullMetrics?: boolean } = {},
): BatchResult {
  const weights = packWeightVectors(plan, vectors);
  const input = kernelInput(plan, weights);
  const count = input.vectorCount;
  const summary = new Float64Array(SUMMARY_METRICS.length * count);
  const metrics: PerformanceMetrics[] | null = options.fullMetrics ? new Array<PerformanceMetrics>(count) : null;
  const rows = input.rowCount;
  runBatchRange(
    input,
    0,
    count,
    summary,
    metrics === null
      ? null
      : (first, size, returns) => {
          for (let k = 0; k < size; k++) {
            metrics[first + k] = computeMetrics({
              dates: plan.dates,
              dayNumber: plan.dayNumber,
              monthKey: plan.monthKey,
              year: plan.year,
              returns: returns.subarray(k * rows, (k + 1) * rows),
              riskFreeRate: plan.riskFreeRate,
              benchmarkReturns: plan.benchmarkReturns,
              benchmarkTicker: plan.benchmark,
            });
          }
        },
  );
  return {
    vectorCount: count,
    assetDays: count * input.assetCount * rows,
    summary: summaryColumns(summary, count),
    metrics,
  };
}
