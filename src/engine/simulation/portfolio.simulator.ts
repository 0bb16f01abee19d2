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
  const { prices, stride, columns, targets, dates, feeRate, rebalanceFlags, contributionFlags, bandThreshold } = plan;
  const assetCount = targets.length;
  const rowCount = dates.length;
  const weightWidth = assetCount + 1;

  const nav = new Float64Array(rowCount);
  const dailyReturn = new Float64Array(rowCount);
  const cumulativeReturn = new Float64Array(rowCount);
  const drawdown = new Float64Array(rowCount);
  const weights = new Float64Array(rowCount * weightWidth);
  const shares = new Float64Array(assetCount);
  const trades = new TradeRecorder(assetCount * 8);
  const flows: CashFlow[] = [{ date: dates[0], amount: plan.capital }];
  const flowDays: number[] = [plan.dayNumber[0]];
  const flowAmounts: number[] = [plan.capital];
  const warnings: string[] = [];

  // Row 0: buy the targets with the capital.
  let cash = plan.capital;
  let traded = 0;
  for (let i = 0; i < assetCount; i++) {
    const price = prices[columns[i]];
    const quantity = (targets[i] * plan.capital) / price;
    shares[i] = quantity;
    cash -= quantity * price;
    traded += Math.abs(quantity * price);
    trades.record(0, i, quantity, price, feeRate * Math.abs(quantity * price));
  }
  let totalFees = feeRate * traded;
  cash -= totalFees;
  nav[0] = plan.capital - totalFees;
  recordWeights(weights, 0, weightWidth, shares, prices, 0, columns, cash, nav[0]);

  let base = plan.capital;
  let growth = 1;
  let peak = 1;
  let netContributions = 0;
  let wentNonPositive = nav[0] <= 0;
  for (let t = 1; t < rowCount; t++) {
    const row = t * stride;
    let holdings = 0;
    for (let i = 0; i < assetCount; i++) holdings += shares[i] * prices[row + columns[i]];
    const before = cash + holdings;

    let flow = 0;
    if (contributionFlags !== null && contributionFlags[t] === 1) {
      flow = plan.contributionAmount;
      cash += flow;
      netContributions += flow;
      flows.push({ date: dates[t], amount: flow });
      flowDays.push(plan.dayNumber[t]);
      flowAmounts.push(flow);
    }

    let rebalance = rebalanceFlags !== null && rebalanceFlags[t] === 1;
    if (!rebalance && bandThreshold > 0 && before > 0) {
      for (let i = 0; i < assetCount; i++) {
        if (Math.abs((shares[i] * prices[row + columns[i]]) / before - targets[i]) > bandThreshold) {
          rebalance = true;
          break;
        }
      }
    }

    let fee = 0;
    if (rebalance || flow !== 0) {
      // Rebalance the whole value to targets, or invest only the flow at target weights.
      const amount = rebalance ? before + flow : flow;
      traded = 0;
      for (let i = 0; i < assetCount; i++) {
        const price = prices[row + columns[i]];
        const change = rebalance ? (targets[i] * amount) / price - shares[i] : (targets[i] * amount) / price;
        if (change === 0) continue;
        shares[i] += change;
        cash -= change * price;
        const value = Math.abs(change * price);
        traded += value;
        trades.record(t, i, change, price, feeRate * value);
      }
      fee = feeRate * traded;
      cash -= fee;
      totalFees += fee;
    }

    const value = before + flow - fee;
    nav[t] = value;
    const dayReturn = (value - flow) / base - 1;
    dailyReturn[t] = dayReturn;
    growth *= 1 + dayReturn;
    cumulativeReturn[t] = growth - 1;
    const equity = 1 + (growth - 1);
    if (equity > peak) peak = equity;
    drawdown[t] = equity / peak - 1;
    recordWeights(weights, t, weightWidth, shares, prices, row, columns, cash, value);
    if (value <= 0) wentNonPositive = true;
    base = value;
  }
  if (wentNonPositive) {
    warnings.push('the portfolio value reached zero or below; returns after that point are not meaningful');
  }

  const finalNav = nav[rowCount - 1];
  const hasFlows = flowAmounts.length > 1;
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

  return {
    command,
    tickers: plan.tickers,
    dates,
    nav,
    dailyReturn,
    cumulativeReturn,
    drawdown,
    weights,
    trades: trades.toLog(),
    flows,
    totalFees,
    netContributions,
    finalNav,
    moneyWeightedReturn: hasFlows ? moneyWeightedReturn(flowDays, flowAmounts, plan.dayNumber[rowCount - 1], finalNav) : null,
    metrics,
    benchmarkMetrics,
    warnings,
  };
}

function recordWeights(
  weights: Float64Array,
  t: number,
  width: number,
  shares: Float64Array,
  prices: Float64Array,
  row: number,
  columns: Int32Array,
  cash: number,
  value: number,
): void {
  const inverse = 1 / value;
  const offset = t * width;
  const assets = width - 1;
  for (let i = 0; i < assets; i++) weights[offset + i] = shares[i] * prices[row + columns[i]] * inverse;
  weights[offset + assets] = cash * inverse;
}

/** Grows typed columns by doubling; trades happen on few days, so this is rarely touched. */
class TradeRecorder {
  private count = 0;
  private dayIndex: Int32Array;
  private assetIndex: Int32Array;
  private shares: Float64Array;
  private price: Float64Array;
  private fee: Float64Array;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.dayIndex = new Int32Array(size);
    this.assetIndex = new Int32Array(size);
    this.shares = new Float64Array(size);
    this.price = new Float64Array(size);
    this.fee = new Float64Array(size);
  }

  record(day: number, asset: number, shares: number, price: number, fee: number): void {
    if (this.count === this.dayIndex.length) this.grow();
    const k = this.count++;
    this.dayIndex[k] = day;
    this.assetIndex[k] = asset;
    this.shares[k] = shares;
    this.price[k] = price;
    this.fee[k] = fee;
  }

  toLog(): TradeLog {
    const n = this.count;
    return {
      count: n,
      dayIndex: this.dayIndex.subarray(0, n),
      assetIndex: this.assetIndex.subarray(0, n),
      shares: this.shares.subarray(0, n),
      price: this.price.subarray(0, n),
      fee: this.fee.subarray(0, n),
    };
  }

  private grow(): void {
    const size = this.dayIndex.length * 2;
    const growInt = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    const growFloat = (old: Float64Array) => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    this.dayIndex = growInt(this.dayIndex);
    this.assetIndex = growInt(this.assetIndex);
    this.shares = growFloat(this.shares);
    this.price = growFloat(this.price);
    this.fee = growFloat(this.fee);
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
