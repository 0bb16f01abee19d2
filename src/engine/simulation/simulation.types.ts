import { PortfolioCommand } from '../command/command.types';
import { PerformanceMetrics } from '../metrics/metrics.types';

/** Trades in columns (one entry per asset per trading event); `listTrades` turns them into rows. */
export interface TradeLog {
  readonly count: number;
  /** Row of the run's calendar on which the trade happened. */
  readonly dayIndex: Int32Array;
  /** Index into `SimulationResult.tickers`. */
  readonly assetIndex: Int32Array;
  /** Signed change in shares: positive buys, negative sells (or shorts). */
  readonly shares: Float64Array;
  readonly price: Float64Array;
  /** Fee charged for this trade: fee rate × |shares × price|. */
  readonly fee: Float64Array;
}

export interface Trade {
  date: string;
  ticker: string;
  shares: number;
  price: number;
  /** Signed traded value, shares × price. */
  value: number;
  fee: number;
}

export interface CashFlow {
  date: string;
  /** Money added to the portfolio (negative: withdrawn). */
  amount: number;
}

export interface SimulationResult {
  readonly command: PortfolioCommand;
  /** Non-cash tickers, the asset axis of `weights` (whose last column is cash). */
  readonly tickers: readonly string[];
  readonly dates: readonly string[];
  /** Portfolio value at each close, after that day's flows, trades and fees. */
  readonly nav: Float64Array;
  /** Time-weighted return of each day (index 0 is 0: the first day only buys). */
  readonly dailyReturn: Float64Array;
  /** Compounded time-weighted return since the start. */
  readonly cumulativeReturn: Float64Array;
  /** Time-weighted equity over its running peak, minus 1 (0 or negative). */
  readonly drawdown: Float64Array;
  /** Row-major dates × (tickers + cash): signed value weights after each day's trades. */
  readonly weights: Float64Array;
  readonly trades: TradeLog;
  /** Capital at the start, then every contribution or withdrawal. */
  readonly flows: readonly CashFlow[];
  readonly totalFees: number;
  /** Sum of contributions minus withdrawals, not counting the initial capital. */
  readonly netContributions: number;
  readonly finalNav: number;
  /** Annualised money-weighted return (XIRR, days/365) when there are contributions; else null. */
  readonly moneyWeightedReturn: number | null;
  readonly metrics: PerformanceMetrics;
  readonly benchmarkMetrics: PerformanceMetrics | null;
  readonly warnings: readonly string[];
}
