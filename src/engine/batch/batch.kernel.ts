/**
 * The batch kernel: simulates blocks of 4 weight vectors over one price block, sharing every price
 * load between the 4, then reduces each vector's daily returns to summary metrics.
 *
 * These functions are self-contained on purpose (numbers and typed arrays in, no imports, no
 * module state): the parallel runner ships their source to worker threads, so they must not
 * reference anything outside this list. Keep `BATCH_KERNEL_FUNCTIONS` in sync when adding one.
 */

/** Summary metrics per vector, stored column-wise: `summary[metric * count + vector]`. */
export const SUMMARY_METRICS = ['finalNav', 'totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar'] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export interface BatchKernelInput {
  prices: Float64Array;
  stride: number;
  columns: Int32Array;
  assetCount: number;
  rowCount: number;
  rebalanceFlags: Uint8Array;
  contributionFlags: Uint8Array;
  contributionAmount: number;
  bandThreshold: number;
  feeRate: number;
  capital: number;
  /** Daily risk-free rate, (1 + rf)^(1/252) − 1, or 0. */
  dailyRiskFree: number;
  /** Row-major vectors × assets of signed target weights (fractions). */
  weights: Float64Array;
  vectorCount: number;
}

/**
 * Simulates vectors [from, to) and writes their summary metrics into `summary` (length
 * SUMMARY_METRICS.length × vectorCount). `onBlock`, when given, sees each block's daily returns
 * (4 × rowCount, vector k at k × rowCount) before they are overwritten, e.g. for full metrics.
 */
export function runBatchRange(
  input: BatchKernelInput,
  from: number,
  to: number,
  summary: Float64Array,
  onBlock: ((first: number, size: number, returns: Float64Array) => void) | null,
): void {
  const rows = input.rowCount;
  const assets = input.assetCount;
  const returns = new Float64Array(4 * rows);
  const targets = new Float64Array(4 * assets);
  const shares = new Float64Array(4 * assets);
  const state = new Float64Array(12);
  for (let first = from; first < to; first += 4) {
    const size = Math.min(4, to - first);
    targets.fill(0);
    shares.fill(0);
    for (let k = 0; k < size; k++) {
      for (let i = 0; i < assets; i++) targets[k * assets + i] = input.weights[(first + k) * assets + i];
    }
    simulateBlock(input, targets, shares, state, returns);
    for (let k = 0; k < size; k++) {
      summarizeReturns(returns, k * rows, rows, input.dailyRiskFree, state[8 + k], summary, input.vectorCount, first + k);
    }
    if (onBlock !== null) onBlock(first, size, returns);
  }
}

/**
 * The simulation rules of `simulatePlan` for 4 vectors at once; returns for vector k are written
 * to returns[k * rows + t] (index 0 unused) and its final NAV to state[8 + k].
 * state layout: [cash0..3, base0..3, nav0..3].
 */
export function simulateBlock(
  input: BatchKernelInput,
  targets: Float64Array,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  const prices = input.prices;
  const stride = input.stride;
  const columns = input.columns;
  const assets = input.assetCount;
  const rows = input.rowCount;
  const feeRate = input.feeRate;
  const band = input.bandThreshold;
  const capital = input.capital;
  const rebalanceFlags = input.rebalanceFlags;
  const contributionFlags = input.contributionFlags;
  const contributionAmount = input.contributionAmount;
  const a1 = assets;
  const a2 = 2 * assets;
  const a3 = 3 * assets;

  for (let k = 0; k < 4; k++) {
    state[k] = capital;
    const fee = blockTrade(k, 0, capital, 1, assets, targets, shares, prices, columns, feeRate, state);
    state[4 + k] = capital;
    state[8 + k] = capital - fee;
  }
  for (let t = 1; t < rows; t++) {
    const row = t * stride;
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    for (let i = 0; i < assets; i++) {
      const price = prices[row + columns[i]];
      h0 += shares[i] * price;
      h1 += shares[a1 + i] * price;
      h2 += shares[a2 + i] * price;
      h3 += shares[a3 + i] * price;
    }
    const flow = contributionFlags[t] * contributionAmount;
    const periodic = rebalanceFlags[t];
    for (let k = 0; k < 4; k++) {
      const before = state[k] + (k === 0 ? h0 : k === 1 ? h1 : k === 2 ? h2 : h3);
      let rebalance = periodic;
      if (band > 0 && rebalance === 0 && before > 0) {
        for (let i = 0; i < assets; i++) {
          if (Math.abs((shares[k * assets + i] * prices[row + columns[i]]) / before - targets[k * assets + i]) > band) {
            rebalance = 1;
            break;
          }
        }
      }
      let fee = 0;
      if (rebalance === 1 || flow !== 0) {
        state[k] += flow;
        fee = blockTrade(k, row, rebalance === 1 ? before + flow : flow, rebalance, assets, targets, shares, prices, columns, feeRate, state);
      }
      const value = before + flow - fee;
      returns[k * rows + t] = (value - flow) / state[4 + k] - 1;
      state[4 + k] = value;
      state[8 + k] = value;
    }
  }
}

export function blockTrade(
  k: number,
  row: number,
  amount: number,
  rebalance: number,
  assets: number,
  targets: Float64Array,
  shares: Float64Array,
  prices: Float64Array,
  columns: Int32Array,
  feeRate: number,
  state: Float64Array,
): number {
  let cash = state[k];
  let traded = 0;
  const offset = k * assets;
  for (let i = 0; i < assets; i++) {
    const price = prices[row + columns[i]];
    const target = targets[offset + i];
    const change = rebalance === 1 ? (target * amount) / price - shares[offset + i] : (target * amount) / price;
    shares[offset + i] += change;
    cash -= change * price;
    traded += Math.abs(change * price);
  }
  const fee = feeRate * traded;
  state[k] = cash - fee;
  return fee;
}

/**
 * Summary metrics of returns[offset + 1 .. offset + rows − 1], with the same conventions as
 * `computeMetrics` (QuantStats 0.0.86): compounded total, CAGR over N/252 years, sample
 * volatility × √252, Sharpe and Sortino on excess returns, drawdown from a baseline of 1.
 */
export function summarizeReturns(
  returns: Float64Array,
  offset: number,
  rows: number,
  dailyRiskFree: number,
  finalNav: number,
  summary: Float64Array,
  count: number,
  vector: number,
): void {
  const n = rows - 1;
  let sum = 0;
  let growth = 1;
  let peak = 1;
  let maxDrawdown = 0;
  for (let t = 1; t <= n; t++) {
    const r = returns[offset + t];
    sum += r;
    growth *= 1 + r;
    const equity = 1 + (growth - 1);
    if (equity > peak) peak = equity;
    const drawdown = equity / peak - 1;
    if (drawdown < maxDrawdown) maxDrawdown = drawdown;
  }
  const mean = sum / n;
  let squares = 0;
  let downside = 0;
  for (let t = 1; t <= n; t++) {
    const r = returns[offset + t];
    const d = r - mean;
    squares += d * d;
    const excess = r - dailyRiskFree;
    if (excess < 0) downside += excess * excess;
  }
  const std = n > 1 ? Math.sqrt(squares / (n - 1)) : NaN;
  const downsideDeviation = Math.sqrt(downside / n);
  const cagr = growth < 0 ? NaN : Math.pow(Math.abs(growth), 1 / (n / 252)) - 1;
  const excessMean = mean - dailyRiskFree;
  summary[0 * count + vector] = finalNav;
  summary[1 * count + vector] = growth - 1;
  summary[2 * count + vector] = cagr;
  summary[3 * count + vector] = std * Math.sqrt(252);
  summary[4 * count + vector] = std > 0 ? (excessMean / std) * Math.sqrt(252) : NaN;
  summary[5 * count + vector] = downsideDeviation > 0 ? (excessMean / downsideDeviation) * Math.sqrt(252) : NaN;
  summary[6 * count + vector] = maxDrawdown;
  summary[7 * count + vector] = maxDrawdown < 0 ? cagr / -maxDrawdown : NaN;
}

/** Everything the worker threads need, in dependency order. */
export const BATCH_KERNEL_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [runBatchRange, simulateBlock, blockTrade, summarizeReturns];
