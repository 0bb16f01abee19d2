/**
 * The batch kernel: simulates blocks of 8 weight vectors over one compact price block, sharing
 * every price load between the 8, then reduces each vector's daily returns to summary metrics.
 *
 * These functions are self-contained on purpose (numbers and typed arrays in, no imports, no
 * module state): the parallel runner ships their source to worker threads, so they must not
 * reference anything outside this list. Keep `BATCH_KERNEL_FUNCTIONS` in sync when adding one.
 */

/** Summary metrics per vector, stored column-wise: `summary[metric * count + vector]`. */
export const SUMMARY_METRICS = [
  'finalNav',
  'totalReturn',
  'cagr',
  'volatility',
  'sharpe',
  'sortino',
  'maxDrawdown',
  'calmar',
] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export interface BatchKernelInput {
  /** Compact row-major prices: prices[t * assetCount + i]. */
  prices: Float64Array;
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
  /**
   * Interest on cash per row (SimulationPlan.interest): positive cash grows by earnAccrual[t], negative cash by
   * payAccrual[t]; both null without cash= and borrow= rates.
   */
  earnAccrual: Float64Array | null;
  payAccrual: Float64Array | null;
  /** Row-major vectors × assets of signed target weights (fractions). */
  weights: Float64Array;
  vectorCount: number;
}

/**
 * Simulates vectors [from, to) and writes their summary metrics into `summary` (length
 * SUMMARY_METRICS.length × vectorCount). `onBlock`, when given, sees each block's daily returns
 * (8 × rowCount, vector k at k × rowCount) before they are overwritten, e.g. for full metrics.
 * `prices` must be compact here: row-major rows × assets, no other columns.
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
  const returns = new Float64Array(8 * rows);
  // Interleaved by asset: targets[i * 8 + k] and shares[i * 8 + k] for vector k of the block.
  const targets = new Float64Array(8 * assets);
  const shares = new Float64Array(8 * assets);
  // [cash 0..7, previous NAV 0..7, NAV 0..7, depleted 0..7]
  const state = new Float64Array(32);
  for (let first = from; first < to; first += 8) {
    const size = Math.min(8, to - first);
    targets.fill(0);
    shares.fill(0);
    for (let k = 0; k < size; k++) {
      for (let i = 0; i < assets; i++) targets[i * 8 + k] = input.weights[(first + k) * assets + i];
    }
    simulateBlock(input, targets, shares, state, returns);
    for (let k = 0; k < size; k++) {
      summarizeReturns(
        returns,
        k * rows,
        rows,
        input.dailyRiskFree,
        state[16 + k],
        summary,
        input.vectorCount,
        first + k,
      );
    }
    if (onBlock !== null) onBlock(first, size, returns);
  }
}

/**
 * The simulation rules of `simulatePlan` for 8 vectors at once, sharing each price load; vector
 * k's returns go to returns[k * rows + t] (index 0 unused) and its final NAV to state[16 + k].
 * A vector whose value reaches zero is depleted as in `simulatePlan`: positions closed, a return of
 * −1 that day, NAV and returns 0 after (state[24 + k] is 1 from then on).
 */
export function simulateBlock(
  input: BatchKernelInput,
  targets: Float64Array,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  const prices = input.prices;
  const assets = input.assetCount;
  const rows = input.rowCount;
  const feeRate = input.feeRate;
  const band = input.bandThreshold;
  const capital = input.capital;
  const rebalanceFlags = input.rebalanceFlags;
  const contributionFlags = input.contributionFlags;
  const contributionAmount = input.contributionAmount;
  // Holdings values of the 8 vectors on row t (0..7) and, in a two-row pass, on row t + 1 (8..15).
  const holdings = new Float64Array(16);

  for (let k = 0; k < 8; k++) {
    state[k] = capital;
    const fee = blockTrade(k, 0, capital, 1, assets, targets, shares, prices, feeRate, state);
    state[8 + k] = capital;
    state[16 + k] = capital - fee;
    state[24 + k] = 0;
  }
  // Only the interest, band and flow rules need the general day step; periodic rebalancing alone does not.
  const plainDays = (input.earnAccrual === null || input.payAccrual === null) && band === 0;
  let t = 1;
  while (t < rows) {
    // No trade on row t (no rebalancing, no flow, no band) leaves the shares of row t + 1 as they are: value
    // both rows in one pass, each share load serving two prices. The sums run in the same order, so the bits
    // are the single-row pass's. A vector depleted on row t has its row t + 1 ignored.
    const pair = band === 0 && t + 1 < rows && rebalanceFlags[t] === 0 && contributionFlags[t] === 0;
    if (pair && plainDays && rebalanceFlags[t + 1] === 0 && contributionFlags[t + 1] === 0) {
      valueTwoRows(prices, t * assets, assets, shares, holdings);
      plainTwoDays(t, rows, assets, holdings, shares, state, returns);
      t += 2;
      continue;
    }
    if (pair) valueTwoRows(prices, t * assets, assets, shares, holdings);
    else valueRow(prices, t * assets, assets, shares, holdings);
    const last = pair ? t + 1 : t;
    for (; t <= last; t++) {
      const offset = t === last && pair ? 8 : 0;
      const flow = contributionFlags[t] * contributionAmount;
      if (plainDays && flow === 0 && rebalanceFlags[t] === 0)
        plainDay(t, rows, assets, holdings, offset, shares, state, returns);
      else if (plainDays && flow === 0)
        rebalanceDay(t, flow, rows, assets, holdings, offset, targets, shares, state, returns, prices, feeRate);
      else tradingDay(input, t, flow, holdings, offset, targets, shares, state, returns);
    }
  }
}

/** Σ shares × price of row `row` for the 8 vectors, asset by asset (sequential sums), into holdings[0..7]. */
export function valueRow(
  prices: Float64Array,
  row: number,
  assets: number,
  shares: Float64Array,
  holdings: Float64Array,
): void {
  let h0 = 0;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  let h5 = 0;
  let h6 = 0;
  let h7 = 0;
  for (let i = 0, j = 0; i < assets; i++, j += 8) {
    const price = prices[row + i];
    h0 += shares[j] * price;
    h1 += shares[j + 1] * price;
    h2 += shares[j + 2] * price;
    h3 += shares[j + 3] * price;
    h4 += shares[j + 4] * price;
    h5 += shares[j + 5] * price;
    h6 += shares[j + 6] * price;
    h7 += shares[j + 7] * price;
  }
  holdings[0] = h0;
  holdings[1] = h1;
  holdings[2] = h2;
  holdings[3] = h3;
  holdings[4] = h4;
  holdings[5] = h5;
  holdings[6] = h6;
  holdings[7] = h7;
}

/** valueRow for rows `row` (into holdings[0..7]) and the next one (holdings[8..15]) with the same shares. */
export function valueTwoRows(
  prices: Float64Array,
  row: number,
  assets: number,
  shares: Float64Array,
  holdings: Float64Array,
): void {
  const next = row + assets;
  for (let half = 0; half < 8; half += 4) {
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let i = 0, j = half; i < assets; i++, j += 8) {
      const price = prices[row + i];
      const nextPrice = prices[next + i];
      const s0 = shares[j];
      const s1 = shares[j + 1];
      const s2 = shares[j + 2];
      const s3 = shares[j + 3];
      h0 += s0 * price;
      g0 += s0 * nextPrice;
      h1 += s1 * price;
      g1 += s1 * nextPrice;
      h2 += s2 * price;
      g2 += s2 * nextPrice;
      h3 += s3 * price;
      g3 += s3 * nextPrice;
    }
    holdings[half] = h0;
    holdings[half + 1] = h1;
    holdings[half + 2] = h2;
    holdings[half + 3] = h3;
    holdings[8 + half] = g0;
    holdings[9 + half] = g1;
    holdings[10 + half] = g2;
    holdings[11 + half] = g3;
  }
}

/**
 * Row t without interest, band, flow or rebalancing: tradingDay's arithmetic with flow = fee = 0 (x + 0 − 0
 * is x for the positive values that reach it), so the same bits with fewer branches.
 */
export function plainDay(
  t: number,
  rows: number,
  assets: number,
  holdings: Float64Array,
  offset: number,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  for (let k = 0; k < 8; k++) {
    if (state[24 + k] === 1) {
      returns[k * rows + t] = 0;
      continue;
    }
    const before = state[k] + holdings[offset + k];
    if (before <= 0) {
      depleteVector(k, assets, shares, state);
      returns[k * rows + t] = -1;
      continue;
    }
    returns[k * rows + t] = before / state[8 + k] - 1;
    state[8 + k] = before;
    state[16 + k] = before;
  }
}

/**
 * Rows t and t + 1, both plain (holdings in holdings[0..7] and [8..15]): plainDay twice, each vector's state read
 * and written once for the two (the same operations in the same order; cash does not change between the two).
 */
export function plainTwoDays(
  t: number,
  rows: number,
  assets: number,
  holdings: Float64Array,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  for (let k = 0; k < 8; k++) {
    const at = k * rows + t;
    if (state[24 + k] === 1) {
      returns[at] = 0;
      returns[at + 1] = 0;
      continue;
    }
    const cash = state[k];
    const before = cash + holdings[k];
    if (before <= 0) {
      depleteVector(k, assets, shares, state);
      returns[at] = -1;
      returns[at + 1] = 0;
      continue;
    }
    returns[at] = before / state[8 + k] - 1;
    const next = cash + holdings[8 + k];
    if (next <= 0) {
      depleteVector(k, assets, shares, state);
      returns[at + 1] = -1;
      continue;
    }
    returns[at + 1] = next / before - 1;
    state[8 + k] = next;
    state[16 + k] = next;
  }
}

/**
 * Row t, a periodic rebalancing without interest, band or flow (flow is ±0): tradingDay's arithmetic (per vector the same
 * operations in the same order, so the same bits), run asset by asset across 4 vectors at once so their running
 * sums overlap instead of following one another. A vector depleted before trades an amount of 0 (no share changes);
 * one found at or below zero today trades too, then depleteVector clears all it did, as if it had not.
 */
export function rebalanceDay(
  t: number,
  flow: number,
  rows: number,
  assets: number,
  holdings: Float64Array,
  offset: number,
  targets: Float64Array,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
  prices: Float64Array,
  feeRate: number,
): void {
  const row = t * assets;
  for (let half = 0; half < 8; half += 4) {
    const before0 = state[half] + holdings[offset + half];
    const before1 = state[half + 1] + holdings[offset + half + 1];
    const before2 = state[half + 2] + holdings[offset + half + 2];
    const before3 = state[half + 3] + holdings[offset + half + 3];
    const amount0 = state[24 + half] === 1 ? 0 : before0 + flow;
    const amount1 = state[25 + half] === 1 ? 0 : before1 + flow;
    const amount2 = state[26 + half] === 1 ? 0 : before2 + flow;
    const amount3 = state[27 + half] === 1 ? 0 : before3 + flow;
    let cash0 = state[half] + flow;
    let cash1 = state[half + 1] + flow;
    let cash2 = state[half + 2] + flow;
    let cash3 = state[half + 3] + flow;
    let traded0 = 0;
    let traded1 = 0;
    let traded2 = 0;
    let traded3 = 0;
    for (let i = 0, j = half; i < assets; i++, j += 8) {
      const price = prices[row + i];
      const change0 = (targets[j] * amount0) / price - shares[j];
      const change1 = (targets[j + 1] * amount1) / price - shares[j + 1];
      const change2 = (targets[j + 2] * amount2) / price - shares[j + 2];
      const change3 = (targets[j + 3] * amount3) / price - shares[j + 3];
      shares[j] += change0;
      shares[j + 1] += change1;
      shares[j + 2] += change2;
      shares[j + 3] += change3;
      cash0 -= change0 * price;
      cash1 -= change1 * price;
      cash2 -= change2 * price;
      cash3 -= change3 * price;
      traded0 += Math.abs(change0 * price);
      traded1 += Math.abs(change1 * price);
      traded2 += Math.abs(change2 * price);
      traded3 += Math.abs(change3 * price);
    }
    settleRebalance(half, t, flow, rows, assets, before0, cash0, feeRate * traded0, shares, state, returns);
    settleRebalance(half + 1, t, flow, rows, assets, before1, cash1, feeRate * traded1, shares, state, returns);
    settleRebalance(half + 2, t, flow, rows, assets, before2, cash2, feeRate * traded2, shares, state, returns);
    settleRebalance(half + 3, t, flow, rows, assets, before3, cash3, feeRate * traded3, shares, state, returns);
  }
}

/** Vector k after rebalanceDay's trades: tradingDay's steps after blockTrade (flow 0), depletion included. */
export function settleRebalance(
  k: number,
  t: number,
  flow: number,
  rows: number,
  assets: number,
  before: number,
  cash: number,
  fee: number,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  if (state[24 + k] === 1) {
    returns[k * rows + t] = 0;
    return;
  }
  if (before <= 0) {
    depleteVector(k, assets, shares, state);
    returns[k * rows + t] = -1;
    return;
  }
  state[k] = cash - fee;
  const value = before + flow - fee;
  if (value <= 0) {
    depleteVector(k, assets, shares, state);
    returns[k * rows + t] = -1;
    return;
  }
  returns[k * rows + t] = (value - flow) / state[8 + k] - 1;
  state[8 + k] = value;
  state[16 + k] = value;
}

/** Row t with every rule: interest, depletion, band, periodic rebalancing, flows and fees. */
export function tradingDay(
  input: BatchKernelInput,
  t: number,
  flow: number,
  holdings: Float64Array,
  offset: number,
  targets: Float64Array,
  shares: Float64Array,
  state: Float64Array,
  returns: Float64Array,
): void {
  const prices = input.prices;
  const assets = input.assetCount;
  const rows = input.rowCount;
  const band = input.bandThreshold;
  const earn = input.earnAccrual;
  const pay = input.payAccrual;
  const row = t * assets;
  const periodic = input.rebalanceFlags[t];
  for (let k = 0; k < 8; k++) {
    if (state[24 + k] === 1) {
      returns[k * rows + t] = 0;
      continue;
    }
    if (earn !== null && pay !== null) {
      // Interest since the last close, as in simulatePlan: cash × the row's accrual, before valuing.
      const cash = state[k];
      state[k] = cash + cash * (cash >= 0 ? earn[t] : pay[t]);
    }
    const before = state[k] + holdings[offset + k];
    if (before <= 0 || before + flow <= 0) {
      depleteVector(k, assets, shares, state);
      returns[k * rows + t] = -1;
      continue;
    }
    let rebalance = periodic;
    if (band > 0 && rebalance === 0 && before > 0) {
      for (let i = 0; i < assets; i++) {
        if (Math.abs((shares[i * 8 + k] * prices[row + i]) / before - targets[i * 8 + k]) > band) {
          rebalance = 1;
          break;
        }
      }
    }
    let fee = 0;
    if (rebalance === 1 || flow !== 0) {
      state[k] += flow;
      fee = blockTrade(
        k,
        row,
        rebalance === 1 ? before + flow : flow,
        rebalance,
        assets,
        targets,
        shares,
        prices,
        input.feeRate,
        state,
      );
    }
    const value = before + flow - fee;
    if (value <= 0) {
      depleteVector(k, assets, shares, state);
      returns[k * rows + t] = -1;
      continue;
    }
    returns[k * rows + t] = (value - flow) / state[8 + k] - 1;
    state[8 + k] = value;
    state[16 + k] = value;
  }
}

/** Vector k is depleted: no shares, no cash, NAV 0 from now on. */
export function depleteVector(k: number, assets: number, shares: Float64Array, state: Float64Array): void {
  for (let i = 0; i < assets; i++) shares[i * 8 + k] = 0;
  state[k] = 0;
  state[8 + k] = 0;
  state[16 + k] = 0;
  state[24 + k] = 1;
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
  feeRate: number,
  state: Float64Array,
): number {
  let cash = state[k];
  let traded = 0;
  for (let i = 0; i < assets; i++) {
    const price = prices[row + i];
    const j = i * 8 + k;
    const change = rebalance === 1 ? (targets[j] * amount) / price - shares[j] : (targets[j] * amount) / price;
    shares[j] += change;
    cash -= change * price;
    traded += Math.abs(change * price);
  }
  const fee = feeRate * traded;
  state[k] = cash - fee;
  return fee;
}

/**
 * Summary metrics of returns[offset + 1 .. offset + rows − 1] in one pass, with the conventions
 * of `computeMetrics` (QuantStats 0.0.86): compounded total, CAGR over N/252 years, sample
 * volatility × √252, Sharpe and Sortino on excess returns, drawdown from a baseline of 1. The
 * variance uses sums shifted by the first return, which keeps them free of cancellation.
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
  const shift = returns[offset + 1];
  let shiftedSum = 0;
  let shiftedSquares = 0;
  let downside = 0;
  let growth = 1;
  let peak = 1;
  let maxDrawdown = 0;
  // Equity above peak × (1 + maxDrawdown + 1e-9) cannot set a new maximum drawdown (the margin dwarfs the
  // roundings of that product and of the division), so most days skip the division; the result is the same.
  let noNewLow = peak * (1 + maxDrawdown + 1e-9);
  for (let t = 1; t <= n; t++) {
    const r = returns[offset + t];
    const d = r - shift;
    shiftedSum += d;
    shiftedSquares += d * d;
    const excess = r - dailyRiskFree;
    if (excess < 0) downside += excess * excess;
    growth *= 1 + r;
    const equity = 1 + (growth - 1);
    if (equity > peak) {
      peak = equity;
      noNewLow = peak * (1 + maxDrawdown + 1e-9);
    } else if (!(equity > noNewLow)) {
      const drawdown = equity / peak - 1;
      if (drawdown < maxDrawdown) {
        maxDrawdown = drawdown;
        noNewLow = peak * (1 + maxDrawdown + 1e-9);
      }
    }
  }
  const mean = shift + shiftedSum / n;
  const std = n > 1 ? Math.sqrt(Math.max(0, (shiftedSquares - (shiftedSum * shiftedSum) / n) / (n - 1))) : NaN;
  const downsideDeviation = Math.sqrt(downside / n);
  // A product at or below zero (a depleted run) has lost everything: −100% a year.
  const cagr = growth <= 0 ? -1 : Math.pow(growth, 1 / (n / 252)) - 1;
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
export const BATCH_KERNEL_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  runBatchRange,
  simulateBlock,
  valueRow,
  valueTwoRows,
  plainDay,
  plainTwoDays,
  rebalanceDay,
  settleRebalance,
  tradingDay,
  blockTrade,
  depleteVector,
  summarizeReturns,
];
