import { PortfolioCommand, RateOption } from '../command/command.types';
import { SyntheticSeriesInfo } from '../market/resolve-series';
import { PerformanceMetrics } from '../metrics/metrics.types';
import { RealReturns } from './real-returns';

export type { RealReturns } from './real-returns';
export type { SeriesSource, SyntheticSeriesInfo } from '../market/resolve-series';

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
  /** Why each trade happened: an index into TRADE_REASONS. */
  readonly reason: Uint8Array;
}

/** Why a trade happened; `depletion` closes every position on the day the portfolio is depleted. */
export const TRADE_REASONS = ['initial', 'rebalance', 'band', 'contribution', 'withdrawal', 'depletion'] as const;
export type TradeReason = (typeof TRADE_REASONS)[number];

export interface Trade {
  date: string;
  ticker: string;
  shares: number;
  price: number;
  /** Signed traded value, shares × price. */
  value: number;
  fee: number;
  reason: TradeReason;
}

export interface CashFlow {
  date: string;
  /** Money added to the portfolio (negative: withdrawn). */
  amount: number;
}

/**
 * Something the person must see beside the numbers, with a stable code (docs/command-language.md, "The
 * simulated period"; docs/metrics.md, "Depletion"):
 * - PERIOD_STARTS_LATER: no portfolio ticker has a price on or before the asked start and more than two weekdays
 *   pass before the first one; the run starts on the first day of the data (`ticker` is the one whose prices
 *   start then, `date` that day);
 * - PERIOD_ENDS_EARLIER: the prices stop more than two weekdays before the asked end; the run ends on the last
 *   day of the data (`ticker` is the one whose prices last the longest, `date` its last price);
 * - PRICES_END_EARLY: one ticker's (or the benchmark's) prices stop more than two weekdays before the run's
 *   last day; its last price (`date`) is held to the end;
 * - DEPLETED: the portfolio's value reached zero on `date`; its positions were closed there (`ticker` null).
 */
export type SimulationWarningCode = 'PERIOD_STARTS_LATER' | 'PERIOD_ENDS_EARLIER' | 'PRICES_END_EARLY' | 'DEPLETED';

export interface SimulationWarning {
  code: SimulationWarningCode;
  ticker: string | null;
  /** The day the warning is about (see the codes). */
  date: string;
  askedStart: string;
  askedEnd: string;
  simulatedStart: string;
  simulatedEnd: string;
  /** The same in words, for people. */
  message: string;
}

/** The benchmark run as a portfolio of its own: its value with the portfolio's cash flows on the same days. */
export interface BenchmarkRun {
  readonly ticker: string;
  /** The benchmark's closes on the run's days, the last one carried forward (seeded from before the start). */
  readonly prices: Float64Array;
  /** Capital invested in the benchmark at row 0, plus the same contributions and withdrawals, no fees. */
  readonly nav: Float64Array;
  readonly finalNav: number;
  /** The benchmark's XIRR on those flows when there are contributions; else null. */
  readonly moneyWeightedReturn: number | null;
  /** The day the benchmark's value could not cover a withdrawal, or null. */
  readonly depletedOn: string | null;
}

/**
 * The book on the first day, as fractions of the capital: longs and shorts (non-cash targets), their gross and net
 * sums, and the cash that is left, 1 − longs + shorts (short proceeds included; negative: a loan).
 */
export interface PortfolioExposure {
  long: number;
  short: number;
  gross: number;
  net: number;
  cash: number;
}

/** Interest on the cash balance over the run (docs/metrics.md, "Cash, loans and interest"). */
export interface CashInterest {
  /** Earned by positive cash (cash=). */
  cashRate: RateOption;
  /** Paid on negative cash (borrow=). */
  borrowRate: RateOption;
  dayCount: 'actual/360';
  /** Interest credited to positive cash, in money. */
  earned: number;
  /** Interest charged on loans, in money (positive). */
  paid: number;
}

/**
 * Something the result was made of that the person should know beside the numbers (not a problem: those are
 * warnings): LEVERAGE (a loan or exposure beyond the capital), CASH_INTEREST (rates and the interest they gave),
 * SYNTHETIC (what a synthetic ticker is and the base rate of its financing), SPLICE (which series gave a
 * ticker's prices from which date), INFLATION (the real value and CAGR).
 */
export type SimulationNoteCode = 'LEVERAGE' | 'CASH_INTEREST' | 'SYNTHETIC' | 'SPLICE' | 'INFLATION';

export interface SimulationNote {
  code: SimulationNoteCode;
  ticker: string | null;
  message: string;
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
  readonly benchmarkRun: BenchmarkRun | null;
  /** The day the portfolio's value reached zero (positions closed, flows stopped, NAV 0 after), or null. */
  readonly depletedOn: string | null;
  readonly warnings: readonly SimulationWarning[];
  /** Long, short and cash at the start, as fractions of the capital. */
  readonly exposure: PortfolioExposure;
  /** Interest earned and paid; null when cash= and borrow= are both 0 (the default). */
  readonly cashInterest: CashInterest | null;
  /** Each synthetic ticker, its sources clipped to the simulated period. */
  readonly synthetics: readonly SyntheticSeriesInfo[];
  /** Inflation-adjusted value and CAGR (inflation=), or null. */
  readonly realReturns: RealReturns | null;
  /** Leverage, interest, synthetic tickers, splices and real returns in words, for the page, the report and the CLI. */
  readonly notes: readonly SimulationNote[];
}
