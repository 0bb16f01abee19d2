import { PortfolioCommand, ZERO_RATE } from '../command/command.types';
import { computeMetrics } from '../metrics/metrics.calculator';
import { PriceMatrix } from '../market/price-matrix';
import { InterestAccruals } from './cash-interest';
import { moneyWeightedReturn } from './money-weighted-return';
import { realReturnsOf } from './real-returns';
import { buildSimulationPlan, SimulationPlan } from './simulation-plan';
import { clipSources, exposureOf, simulationNotes } from './simulation-notes';
import {
  BenchmarkRun,
  CashFlow,
  CashInterest,
  SimulationResult,
  SimulationWarning,
  Trade,
  TRADE_REASONS,
  TradeLog,
} from './simulation.types';

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
 *   first day's base is the capital, so the entry fee counts against the first return;
 * - depletion: on the first day the value reaches zero (at the close, after a withdrawal it cannot cover,
 *   or after the day's trades and fee) every position is closed, the value is 0 from then on, no further
 *   flow happens, and that day's return is −100% (docs/metrics.md, "Depletion").
 */
export function simulatePlan(command: PortfolioCommand, plan: SimulationPlan): SimulationResult {
  const { dates } = plan;
  const rowCount = dates.length;

  // One allocation for both daily series: fewer, larger buffers are cheaper to create and collect.
  const series = new Float64Array(2 * rowCount);
  const nav = series.subarray(0, rowCount);
  const dailyReturn = series.subarray(rowCount);
  // No trade log on the way: most runs (sweeps, studies, summaries) never read it. The day loop is deterministic,
  // so replaying it with a recorder on first read gives the same trades, bit for bit.
  const state = runKernel(plan, nav, dailyReturn, null);
  let tradeLog: TradeLog | null = null;
  const trades = (): TradeLog => (tradeLog ??= replayTrades(plan));

  const depletedRow = state[STATE_DEPLETED_ROW];
  const lastFlowRow = depletedRow >= 0 ? depletedRow : rowCount;
  const flows: CashFlow[] = [{ date: dates[0], amount: plan.capital }];
  const flowDays: number[] = [plan.dayNumber[0]];
  const flowAmounts: number[] = [plan.capital];
  const addFlow = (t: number, amount: number) => {
    flows.push({ date: dates[t], amount });
    flowDays.push(plan.dayNumber[t]);
    flowAmounts.push(amount);
  };
  if (plan.contributionFlags !== null) {
    for (let t = 1; t < lastFlowRow; t++) {
      if (plan.contributionFlags[t] === 1) addFlow(t, plan.contributionAmount);
    }
  }
  // On the depletion day only what was actually paid: a withdrawal takes what is left, or nothing.
  let netContributions = (flowAmounts.length - 1) * plan.contributionAmount;
  if (depletedRow >= 0 && state[STATE_DEPLETION_FLOW] !== 0) {
    addFlow(depletedRow, state[STATE_DEPLETION_FLOW]);
    netContributions += state[STATE_DEPLETION_FLOW];
  }
  const hasContributions = plan.contributionFlags !== null && countFlags(plan.contributionFlags) > 0;

  const warnings: SimulationWarning[] = [...plan.periodWarnings];
  const depletedOn = depletedRow >= 0 ? dates[depletedRow] : null;
  if (depletedOn !== null) {
    warnings.unshift(depletionWarning(command, plan, depletedOn, state[STATE_DEPLETION_VALUE]));
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

  const simulatedStart = dates[0];
  const simulatedEnd = dates[rowCount - 1];
  const { cashRate = ZERO_RATE, borrowRate = ZERO_RATE, inflation = null } = command.options;
  const cashInterest: CashInterest | null =
    plan.interest === null
      ? null
      : {
          cashRate,
          borrowRate,
          dayCount: 'actual/360',
          earned: state[STATE_INTEREST_EARNED],
          paid: state[STATE_INTEREST_PAID],
        };
  const realReturns =
    inflation === null || plan.priceLevel === null
      ? null
      : realReturnsOf(inflation, plan.priceLevel, dailyReturn, finalNav);
  const synthetics = plan.synthetics.map((info) => clipSources(info, simulatedStart, simulatedEnd));
  const exposure = exposureOf(plan.targets);
  const notes = simulationNotes({
    exposure,
    cashInterest,
    cashRate,
    borrowRate,
    synthetics,
    realReturns,
    simulatedStart,
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
      weights ??= weightsFromTrades(plan, nav, trades());
      return weights;
    },
    get trades(): TradeLog {
      return trades();
    },
    flows,
    totalFees: state[STATE_FEES],
    netContributions,
    finalNav,
    moneyWeightedReturn: hasContributions
      ? finiteOrNull(moneyWeightedReturn(flowDays, flowAmounts, plan.dayNumber[rowCount - 1], finalNav))
      : null,
    metrics,
    benchmarkMetrics,
    benchmarkRun: plan.benchmarkPrices === null ? null : runBenchmark(plan, hasContributions),
    depletedOn,
    warnings,
    exposure,
    cashInterest,
    synthetics,
    realReturns,
    notes,
  };
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function depletionWarning(
  command: PortfolioCommand,
  plan: SimulationPlan,
  date: string,
  value: number,
): SimulationWarning {
  const reached =
    value <= 0
      ? `its value reached ${formatAmount(value)}`
      : `a withdrawal of ${formatAmount(-plan.contributionAmount)} exceeded its value of ${formatAmount(value)}`;
  return {
    code: 'DEPLETED',
    ticker: null,
    date,
    askedStart: command.start,
    askedEnd: command.end,
    simulatedStart: plan.dates[0],
    simulatedEnd: plan.dates[plan.dates.length - 1],
    message:
      `the portfolio was depleted on ${date}: ${reached}, so every position was closed there and nothing ` +
      `was invested or withdrawn after; its value is 0 from then on`,
  };
}

function formatAmount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return (rounded < 0 ? '−' : '') + Math.abs(rounded).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The benchmark as an investment receiving the portfolio's cash flows: the capital at row 0, then each
 * contribution or withdrawal on the same day, growing with the benchmark's closes, no fees. A withdrawal it
 * cannot cover empties it (its value is 0 from then on), as for the portfolio.
 */
function runBenchmark(plan: SimulationPlan, hasContributions: boolean): BenchmarkRun {
  const prices = plan.benchmarkPrices!;
  const rowCount = prices.length;
  const nav = new Float64Array(rowCount);
  const flags = plan.contributionFlags;
  const amount = plan.contributionAmount;
  const flowDays: number[] = [plan.dayNumber[0]];
  const flowAmounts: number[] = [plan.capital];
  let units = plan.capital / prices[0];
  let depletedOn: string | null = null;
  nav[0] = plan.capital;
  for (let t = 1; t < rowCount; t++) {
    const before = units * prices[t];
    if (flags !== null && flags[t] === 1) {
      if (before + amount <= 0) {
        // Pays out what is left, then holds nothing.
        if (before > 0) {
          flowDays.push(plan.dayNumber[t]);
          flowAmounts.push(-before);
        }
        depletedOn = plan.dates[t];
        break;
      }
      units += amount / prices[t];
      flowDays.push(plan.dayNumber[t]);
      flowAmounts.push(amount);
      nav[t] = before + amount;
    } else {
      nav[t] = before;
    }
  }
  const finalNav = nav[rowCount - 1];
  return {
    ticker: plan.benchmark!,
    prices,
    nav,
    finalNav,
    moneyWeightedReturn: hasContributions
      ? finiteOrNull(moneyWeightedReturn(flowDays, flowAmounts, plan.dayNumber[rowCount - 1], finalNav))
      : null,
    depletedOn,
  };
}

const STATE_CASH = 0;
const STATE_FEES = 1;
/** Row of depletion, or −1. */
const STATE_DEPLETED_ROW = 2;
/** What was paid out or put in on the depletion day. */
const STATE_DEPLETION_FLOW = 3;
/** The value that day: zero or below, or (before an uncovered withdrawal) what was left. */
const STATE_DEPLETION_VALUE = 4;
/** Interest credited to positive cash, and charged on negative cash (positive), so far. */
const STATE_INTEREST_EARNED = 5;
const STATE_INTEREST_PAID = 6;

const REASON_INITIAL = 0;
const REASON_REBALANCE = 1;
const REASON_BAND = 2;
const REASON_CONTRIBUTION = 3;
const REASON_WITHDRAWAL = 4;
const REASON_DEPLETION = 5;

/**
 * The day loop, kept small and monomorphic so V8 optimises it once: holdings valuation is the
 * only per-asset work on ordinary days; trading days go through `trade`.
 */
function runKernel(
  plan: SimulationPlan,
  nav: Float64Array,
  dailyReturn: Float64Array,
  trades: TradeRecorder | null,
): Float64Array {
  const { prices, stride, columns, targets, feeRate, bandThreshold, capital, contributionAmount, interest } = plan;
  const rebalanceFlags = plan.rebalanceFlags ?? noFlags(nav.length);
  const contributionFlags = plan.contributionFlags ?? noFlags(nav.length);
  const assetCount = targets.length;
  const rowCount = nav.length;
  const shares = new Float64Array(assetCount);
  // [cash, total fees, depletion row, depletion flow, depletion value, interest earned, interest paid]
  const state = new Float64Array(7);
  state[STATE_DEPLETED_ROW] = -1;

  state[STATE_CASH] = capital;
  // Weights sum to 100% and the fee is below 100%: the first value is positive.
  const entryFee = trade(0, 0, capital, 1, shares, targets, prices, columns, feeRate, trades, state, REASON_INITIAL);
  nav[0] = capital - entryFee;

  // Positions on adjacent columns (the usual case: a matrix built for this run) need no column look-up.
  const firstColumn = columns.length > 0 ? columns[0] : 0;
  const adjacent = columns.every((column, i) => column === firstColumn + i);
  let base = capital;
  for (let t = 1; t < rowCount; t++) {
    const row = t * stride;
    // Interest since the last close, credited before anything is valued or traded (none at all without rates).
    if (interest !== null) accrueInterest(interest, t, state);
    const held = adjacent
      ? holdingsValueAdjacent(shares, prices, row + firstColumn)
      : holdingsValue(shares, prices, row, columns);
    const before = state[STATE_CASH] + held;
    const flow = contributionFlags[t] * contributionAmount;
    if (before <= 0 || before + flow <= 0) {
      // Nothing left (or not enough for the withdrawal): what is left is paid out, positions are closed.
      deplete(t, before > 0 && flow < 0 ? -before : 0, before, shares, trades, state);
      dailyReturn[t] = -1;
      break;
    }
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
        rebalance === 1
          ? rebalanceFlags[t] === 1
            ? REASON_REBALANCE
            : REASON_BAND
          : flow > 0
            ? REASON_CONTRIBUTION
            : REASON_WITHDRAWAL,
      );
    }

    const value = before + flow - fee;
    if (value <= 0) {
      // The day's fee took the rest: the flow and trades stand, then every position is closed.
      deplete(t, flow, value, shares, trades, state);
      dailyReturn[t] = -1;
      break;
    }
    nav[t] = value;
    dailyReturn[t] = (value - flow) / base - 1;
    base = value;
  }
  return state;
}

/** Row t's interest on the cash balance: positive cash earns, negative cash (a loan) owes more. */
function accrueInterest(interest: InterestAccruals, t: number, state: Float64Array): void {
  const cash = state[STATE_CASH];
  const accrued = cash * (cash >= 0 ? interest.earn[t] : interest.pay[t]);
  state[STATE_CASH] = cash + accrued;
  if (accrued >= 0) state[STATE_INTEREST_EARNED] += accrued;
  else state[STATE_INTEREST_PAID] -= accrued;
}

/**
 * Closes every position at row t's close (no fee: nothing is left to pay it from), leaving no cash (what was
 * left was paid out, or the shortfall written off), and records the depletion;
 * NAV and returns after t stay 0 (the arrays start zeroed).
 */
function deplete(
  t: number,
  flow: number,
  value: number,
  shares: Float64Array,
  trades: TradeRecorder | null,
  state: Float64Array,
): void {
  for (let i = 0; i < shares.length; i++) {
    if (shares[i] === 0) continue;
    if (trades !== null) trades.record(t, i, -shares[i], REASON_DEPLETION);
    shares[i] = 0;
  }
  state[STATE_CASH] = 0;
  state[STATE_DEPLETED_ROW] = t;
  state[STATE_DEPLETION_FLOW] = flow;
  state[STATE_DEPLETION_VALUE] = value;
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
  trades: TradeRecorder | null,
  state: Float64Array,
  reason: number,
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
    if (trades !== null) trades.record(t, i, change, reason);
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

/** The trade log of a plan's run: the day loop again, recording (its other outputs are the first run's). */
function replayTrades(plan: SimulationPlan): TradeLog {
  const rowCount = plan.dates.length;
  const recorder = new TradeRecorder(
    plan.targets.length * (1 + countFlags(plan.rebalanceFlags) + countFlags(plan.contributionFlags)),
  );
  const series = new Float64Array(2 * rowCount);
  runKernel(plan, series.subarray(0, rowCount), series.subarray(rowCount), recorder);
  return recorder.toLog(plan);
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
    // A depleted portfolio holds nothing: its weights are 0.
    const inverse = nav[t] > 0 ? 1 / nav[t] : 0;
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
  private reason: Uint8Array;

  constructor(capacity: number) {
    [this.dayIndex, this.assetIndex, this.shares, this.reason] = TradeRecorder.allocate(Math.max(16, capacity));
  }

  /** The four columns as views of one buffer (one allocation per simulation). */
  private static allocate(size: number): [Int32Array, Int32Array, Float64Array, Uint8Array] {
    const buffer = new ArrayBuffer(size * 17);
    return [
      new Int32Array(buffer, 0, size),
      new Int32Array(buffer, size * 4, size),
      new Float64Array(buffer, size * 8, size),
      new Uint8Array(buffer, size * 16, size),
    ];
  }

  record(day: number, asset: number, shares: number, reason: number): void {
    if (this.count === this.dayIndex.length) this.grow();
    const k = this.count++;
    this.dayIndex[k] = day;
    this.assetIndex[k] = asset;
    this.shares[k] = shares;
    this.reason[k] = reason;
  }

  toLog(plan: SimulationPlan): TradeLog {
    const count = this.count;
    const dayIndex = this.dayIndex.subarray(0, count);
    const assetIndex = this.assetIndex.subarray(0, count);
    const reason = this.reason.subarray(0, count);
    let priced: { price: Float64Array; fee: Float64Array } | null = null;
    const price = () => {
      if (priced === null) {
        const prices = new Float64Array(count);
        const fees = new Float64Array(count);
        for (let k = 0; k < count; k++) {
          prices[k] = plan.prices[dayIndex[k] * plan.stride + plan.columns[assetIndex[k]]];
          // Closing a depleted portfolio costs no fee.
          fees[k] = reason[k] === REASON_DEPLETION ? 0 : plan.feeRate * Math.abs(this.shares[k] * prices[k]);
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
      reason,
      get price() {
        return price().price;
      },
      get fee() {
        return price().fee;
      },
    };
  }

  private grow(): void {
    const [dayIndex, assetIndex, shares, reason] = TradeRecorder.allocate(this.dayIndex.length * 2);
    dayIndex.set(this.dayIndex);
    assetIndex.set(this.assetIndex);
    shares.set(this.shares);
    reason.set(this.reason);
    this.dayIndex = dayIndex;
    this.assetIndex = assetIndex;
    this.shares = shares;
    this.reason = reason;
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
      reason: TRADE_REASONS[trades.reason[k]],
    };
  }
  return rows;
}
