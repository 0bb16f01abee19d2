import { PortfolioCommand } from '../command/command.types';
import { computeMetrics } from '../metrics/metrics.calculator';
import { PriceMatrix } from '../market/price-matrix';
import { moneyWeightedReturn } from './money-weighted-return';
import { buildSimulationPlan, SimulationPlan } from './simulation-plan';
import { CashFlow, SimulationResult, Trade, TradeLog } from './simulation.types';

/** Parses nothing and reads nothing: simulates a validated command over a price matrix. */
export function simulatePortfolio(command: PortfolioCommand, matrix: PriceMatrix): SimulationResult {
  return simulatePlan(command, buildSimulationPlan(command, matrix));
}

/**
 * Share-based, signed simulation (docs/metrics.md, "Simulation"):
 * - row 0: shares_i = side_i × w_i × capital / P_i; the fee on that traded value leaves cash;
 * - each later row: value the holdings at the close, add the period's contribution to cash, then
 *   rebalance every position to target weights of the current value (new period or band breach)
 *   or, without a rebalance, buy the contribution at target weights; fees leave cash;
 * - the day's time-weighted return excludes the flow: (NAV_t − flow_t) / NAV_{t−1} − 1, where the
 *   first day's base is the capital, so the entry fee counts against the first return.
 */
export function simulatePlan(command: PortfolioCommand, plan: SimulationPlan): SimulationResult {
  const { dates, targets } = plan;
  const assetCount = targets.length;
  const rowCount = dates.length;

  // One allocation for both daily series: fewer, larger buffers are cheaper to create and collect.
  const series = new Float64Array(2 * rowCount);
  const nav = series.subarray(0, rowCount);
  const dailyReturn = series.subarray(rowCount);
  const trades = new TradeRecorder(
    assetCount * (1 + countFlags(plan.rebalanceFlags) + countFlags(plan.contributionFlags)),
  );
  const state = runKernel(plan, nav, dailyReturn, trades);
  const tradeLog = trades.toLog(plan);

  const flows: CashFlow[] = [{ date: dates[0], amount: plan.capital }];
  const flowDays: number[] = [plan.dayNumber[0]];
  const flowAmounts: number[] = [plan.capital];
  if (plan.contributionFlags !== null) {
    for (let t = 1; t < rowCount; t++) {
      if (plan.contributionFlags[t] === 1) {
        flows.push({ date: dates[t], amount: plan.contributionAmount });
        flowDays.push(plan.dayNumber[t]);
        flowAmounts.push(plan.contributionAmount);
      }
    }
  }
  const warnings: string[] = [];
  if (state[STATE_NON_POSITIVE] === 1) {
    warnings.push('the portfolio value reached zero or below; returns after that point are not meaningful');
  }

  const finalNav = nav[rowCount - 1];
  const metrics = computeMetrics({
    dates,
    dayNumber: plan.dayNumber,
    monthKey: plan.monthKey,
    year: plan.year,
    returns: dailyReturn,
    riskFreeRate: plan.riskFreeRate,
    benchmarkReturns: plan.benchmarkReturns,
    benchmarkTicker: plan.benchmark,
  });
  const benchmarkMetrics =
    plan.benchmarkReturns === null
      ? null
      : computeMetrics({
          dates,
          dayNumber: plan.dayNumber,
          monthKey: plan.monthKey,
          year: plan.year,
          returns: plan.benchmarkReturns,
          riskFreeRate: plan.riskFreeRate,
        });

  // The dates × assets weights and the derived daily series are built on first access, then
  // kept: many callers (sweeps, summaries) never read them, and they dominate the output size.
  let weights: Float64Array | null = null;
  let cumulative: { cumulativeReturn: Float64Array; drawdown: Float64Array } | null = null;
  return {
    command,
    tickers: plan.tickers,
    dates,
    nav,
    dailyReturn,
    get cumulativeReturn(): Float64Array {
      cumulative ??= cumulativeSeries(dailyReturn);
      return cumulative.cumulativeReturn;
    },
    get drawdown(): Float64Array {
      cumulative ??= cumulativeSeries(dailyReturn);
      return cumulative.drawdown;
    },
    get weights(): Float64Array {
      weights ??= weightsFromTrades(plan, nav, tradeLog);
      return weights;
    },
    trades: tradeLog,
    flows,
    totalFees: state[STATE_FEES],
    netContributions: (flowAmounts.length - 1) * plan.contributionAmount,
    finalNav,
    moneyWeightedReturn:
      flowAmounts.length > 1
        ? moneyWeightedReturn(flowDays, flowAmounts, plan.dayNumber[rowCount - 1], finalNav)
        : null,
    metrics,
    benchmarkMetrics,
    warnings,
  };
}

const STATE_CASH = 0;
const STATE_FEES = 1;
const STATE_NON_POSITIVE = 2;

/**
 * The day loop, kept small and monomorphic so V8 optimises it once: holdings valuation is the
 * only per-asset work on ordinary days; trading days go through `trade`.
 */
function runKernel(
  plan: SimulationPlan,
  nav: Float64Array,
  dailyReturn: Float64Array,
  trades: TradeRecorder,
): Float64Array {
  const { prices, stride, columns, targets, feeRate, bandThreshold, capital, contributionAmount } = plan;
  const rebalanceFlags = plan.rebalanceFlags ?? noFlags(nav.length);
  const contributionFlags = plan.contributionFlags ?? noFlags(nav.length);
  const assetCount = targets.length;
  const rowCount = nav.length;
  const shares = new Float64Array(assetCount);
  // [cash, total fees, went non-positive]
  const state = new Float64Array(3);

  state[STATE_CASH] = capital;
  const entryFee = trade(0, 0, capital, 1, shares, targets, prices, columns, feeRate, trades, state);
  nav[0] = capital - entryFee;
  if (nav[0] <= 0) state[STATE_NON_POSITIVE] = 1;

  // Positions on adjacent columns (the usual case: a matrix built for this run) need no column look-up.
  const firstColumn = columns.length > 0 ? columns[0] : 0;
  const adjacent = columns.every((column, i) => column === firstColumn + i);
  let base = capital;
  for (let t = 1; t < rowCount; t++) {
    const row = t * stride;
    const held = adjacent
      ? holdingsValueAdjacent(shares, prices, row + firstColumn)
      : holdingsValue(shares, prices, row, columns);
    const before = state[STATE_CASH] + held;
    const flow = contributionFlags[t] * contributionAmount;
    let rebalance = rebalanceFlags[t];
    if (
      bandThreshold > 0 &&
      rebalance === 0 &&
      bandBreached(before, shares, targets, prices, row, columns, bandThreshold)
    )
      rebalance = 1;

    let fee = 0;
    if (rebalance === 1 || flow !== 0) {
      state[STATE_CASH] += flow;
      fee = trade(
        t,
        row,
        rebalance === 1 ? before + flow : flow,
        rebalance,
        shares,
        targets,
        prices,
        columns,
        feeRate,
        trades,
        state,
      );
    }

    const value = before + flow - fee;
    nav[t] = value;
    dailyReturn[t] = (value - flow) / base - 1;
    if (value <= 0) state[STATE_NON_POSITIVE] = 1;
    base = value;
  }
  return state;
}

/**
 * Trades `amount` into target weights: with `rebalance` 1 the whole holding is reset to
 * targets × amount; otherwise `amount` (a contribution) is added at target weights.
 * Cash pays for the trades and the fee on traded value; returns the fee.
 */
function trade(
  t: number,
  row: number,
  amount: number,
  rebalance: number,
  shares: Float64Array,
  targets: Float64Array,
  prices: Float64Array,
  columns: Int32Array,
  feeRate: number,
  trades: TradeRecorder,
  state: Float64Array,
): number {
  let cash = state[STATE_CASH];
  let traded = 0;
  for (let i = 0; i < targets.length; i++) {
    const price = prices[row + columns[i]];
    const change = rebalance === 1 ? (targets[i] * amount) / price - shares[i] : (targets[i] * amount) / price;
    if (change === 0) continue;
    shares[i] += change;
    cash -= change * price;
    const value = Math.abs(change * price);
    traded += value;
    trades.record(t, i, change);
  }
  const fee = feeRate * traded;
  state[STATE_CASH] = cash - fee;
  state[STATE_FEES] += fee;
  return fee;
}

function bandBreached(
  value: number,
  shares: Float64Array,
  targets: Float64Array,
  prices: Float64Array,
  row: number,
  columns: Int32Array,
  threshold: number,
): boolean {
  if (!(value > 0)) return false;
  for (let i = 0; i < targets.length; i++) {
    if (Math.abs((shares[i] * prices[row + columns[i]]) / value - targets[i]) > threshold) return true;
  }
  return false;
}

/** holdingsValue for positions on adjacent columns starting at `start`. */
function holdingsValueAdjacent(shares: Float64Array, prices: Float64Array, start: number): number {
  const n = shares.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += shares[i] * prices[start + i];
    s1 += shares[i + 1] * prices[start + i + 1];
    s2 += shares[i + 2] * prices[start + i + 2];
    s3 += shares[i + 3] * prices[start + i + 3];
  }
  for (; i < n; i++) s0 += shares[i] * prices[start + i];
  return s0 + s1 + (s2 + s3);
}

/** Σ shares_i × P_i on one row, with four partial sums so the additions overlap. */
function holdingsValue(shares: Float64Array, prices: Float64Array, row: number, columns: Int32Array): number {
  const n = shares.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += shares[i] * prices[row + columns[i]];
    s1 += shares[i + 1] * prices[row + columns[i + 1]];
    s2 += shares[i + 2] * prices[row + columns[i + 2]];
    s3 += shares[i + 3] * prices[row + columns[i + 3]];
  }
  for (; i < n; i++) s0 += shares[i] * prices[row + columns[i]];
  return s0 + s1 + (s2 + s3);
}

/**
 * Compounded time-weighted return and drawdown (QuantStats' equity 1 + (Π(1+r) − 1), baseline 1). Exported so
 * stored results can keep only the daily returns and derive these exactly, bit for bit.
 */
export function cumulativeSeries(dailyReturn: Float64Array): {
  cumulativeReturn: Float64Array;
  drawdown: Float64Array;
} {
  const cumulativeReturn = new Float64Array(dailyReturn.length);
  const drawdown = new Float64Array(dailyReturn.length);
  let growth = 1;
  let peak = 1;
  for (let t = 1; t < dailyReturn.length; t++) {
    growth *= 1 + dailyReturn[t];
    cumulativeReturn[t] = growth - 1;
    const equity = 1 + (growth - 1);
    if (equity > peak) peak = equity;
    drawdown[t] = equity / peak - 1;
  }
  return { cumulativeReturn, drawdown };
}

let zeroFlags = new Uint8Array(0);

/** A shared, never-written all-zero flag array of at least `length` entries. */
function noFlags(length: number): Uint8Array {
  if (zeroFlags.length < length) zeroFlags = new Uint8Array(length);
  return zeroFlags;
}

function countFlags(flags: Uint8Array | null): number {
  if (flags === null) return 0;
  let count = 0;
  for (let t = 0; t < flags.length; t++) count += flags[t];
  return count;
}

/**
 * Signed value weights after each day's trades, replaying the trade log over the prices:
 * asset i is shares_i × P_i / NAV, and the last column is cash / NAV (short proceeds included).
 */
function weightsFromTrades(plan: SimulationPlan, nav: Float64Array, trades: TradeLog): Float64Array {
  const { prices, stride, columns } = plan;
  const assetCount = plan.targets.length;
  const width = assetCount + 1;
  const rowCount = nav.length;
  const weights = new Float64Array(rowCount * width);
  const shares = new Float64Array(assetCount);
  let next = 0;
  for (let t = 0; t < rowCount; t++) {
    while (next < trades.count && trades.dayIndex[next] === t) {
      shares[trades.assetIndex[next]] += trades.shares[next];
      next++;
    }
    const row = t * stride;
    const inverse = 1 / nav[t];
    const offset = t * width;
    let invested = 0;
    for (let i = 0; i < assetCount; i++) {
      const value = shares[i] * prices[row + columns[i]];
      invested += value;
      weights[offset + i] = value * inverse;
    }
    weights[offset + assetCount] = (nav[t] - invested) * inverse;
  }
  return weights;
}

/**
 * Records trades in typed columns sized for the known event days (band days grow it). Prices and
 * fees are not stored: the log derives them from the plan's prices when first read.
 */
class TradeRecorder {
  private count = 0;
  private dayIndex: Int32Array;
  private assetIndex: Int32Array;
  private shares: Float64Array;

  constructor(capacity: number) {
    [this.dayIndex, this.assetIndex, this.shares] = TradeRecorder.allocate(Math.max(16, capacity));
  }

  /** The three columns as views of one buffer (one allocation per simulation). */
  private static allocate(size: number): [Int32Array, Int32Array, Float64Array] {
    const buffer = new ArrayBuffer(size * 16);
    return [
      new Int32Array(buffer, 0, size),
      new Int32Array(buffer, size * 4, size),
      new Float64Array(buffer, size * 8, size),
    ];
  }

  record(day: number, asset: number, shares: number): void {
    if (this.count === this.dayIndex.length) this.grow();
    const k = this.count++;
    this.dayIndex[k] = day;
    this.assetIndex[k] = asset;
    this.shares[k] = shares;
  }

  toLog(plan: SimulationPlan): TradeLog {
    const count = this.count;
    const dayIndex = this.dayIndex.subarray(0, count);
    const assetIndex = this.assetIndex.subarray(0, count);
    let priced: { price: Float64Array; fee: Float64Array } | null = null;
    const price = () => {
      if (priced === null) {
        const prices = new Float64Array(count);
        const fees = new Float64Array(count);
        for (let k = 0; k < count; k++) {
          prices[k] = plan.prices[dayIndex[k] * plan.stride + plan.columns[assetIndex[k]]];
          fees[k] = plan.feeRate * Math.abs(this.shares[k] * prices[k]);
        }
        priced = { price: prices, fee: fees };
      }
      return priced;
    };
    const shares = this.shares.subarray(0, count);
    return {
      count,
      dayIndex,
      assetIndex,
      shares,
      get price() {
        return price().price;
      },
      get fee() {
        return price().fee;
      },
    };
  }

  private grow(): void {
    const [dayIndex, assetIndex, shares] = TradeRecorder.allocate(this.dayIndex.length * 2);
    dayIndex.set(this.dayIndex);
    assetIndex.set(this.assetIndex);
    shares.set(this.shares);
    this.dayIndex = dayIndex;
    this.assetIndex = assetIndex;
    this.shares = shares;
  }
}

/** Trades as rows, for JSON and display. */
export function listTrades(result: SimulationResult): Trade[] {
  const { trades } = result;
  const rows: Trade[] = new Array<Trade>(trades.count);
  for (let k = 0; k < trades.count; k++) {
    const shares = trades.shares[k];
    const price = trades.price[k];
    rows[k] = {
      date: result.dates[trades.dayIndex[k]],
      ticker: result.tickers[trades.assetIndex[k]],
      shares,
      price,
      value: shares * price,
      fee: trades.fee[k],
    };
  }
  return rows;
}
