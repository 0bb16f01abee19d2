/** A parsed, validated portfolio command. Every option carries its default when not written. */
export interface PortfolioCommand {
  positions: Position[];
  /** First calendar day of the simulation, YYYY-MM-DD (inclusive). */
  start: string;
  /** Last calendar day of the simulation, YYYY-MM-DD (inclusive). */
  end: string;
  options: CommandOptions;
}

export type Side = 'L' | 'S';

export interface Position {
  /**
   * Upper-cased ticker as written (BRK-B, ^GSPC, 7203.T), or a synthetic one in its canonical spelling
   * (SPY?L=2, UPRO?FB=SPY?L=3: see ticker-expression.ts); `CASH` is cash: held when long, borrowed when short.
   */
  ticker: string;
  side: Side;
  /** Weight in percent as written (12.5 for 12.5%); kept in percent so canonical strings are exact. */
  weightPercent: number;
}

export type RebalanceFrequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export type RebalancePolicy =
  | { kind: 'none' }
  | { kind: 'periodic'; frequency: RebalanceFrequency }
  /** Rebalance when any weight is more than `thresholdPercent` percentage points from target. */
  | { kind: 'band'; thresholdPercent: number };

export type ContributionPeriod = 'month' | 'quarter' | 'year';

export interface Contribution {
  /** Signed amount: negative is a withdrawal. */
  amount: number;
  period: ContributionPeriod;
}

/** An annual interest rate: a constant in percent (`cash=4.5%`), or a series of annual percentages (`cash=^IRX`). */
export type RateOption = { kind: 'constant'; percent: number } | { kind: 'series'; ticker: string };

/** Inflation for real returns: a constant annual percent (`inflation=3%`), or a price-level index (`inflation=CPI`). */
export type InflationOption = { kind: 'constant'; percent: number } | { kind: 'index'; ticker: string };

export interface CommandOptions {
  capital: number;
  rebalance: RebalancePolicy;
  /** Fee in percent of traded value (0.1 for 0.1%). */
  feePercent: number;
  /** Annual risk-free rate in percent (2 for 2%), used by Sharpe and Sortino. */
  riskFreePercent: number;
  /** A ticker (plain or synthetic, canonical spelling) or null. */
  benchmark: string | null;
  contribution: Contribution | null;
  /** Earned by positive cash (short proceeds included), accrued daily (actual/360); also the synthetic tickers' base rate. */
  cashRate: RateOption;
  /** Paid on negative cash (a loan: CASH-S, or longs beyond the capital), accrued daily (actual/360). */
  borrowRate: RateOption;
  /** Deflates the value and the CAGR into real terms; null: nominal only. */
  inflation: InflationOption | null;
}

/** No interest: the default of cash= and borrow=. */
export const ZERO_RATE: Readonly<RateOption> = Object.freeze({ kind: 'constant', percent: 0 });

export const CASH_TICKER = 'CASH';

export const DEFAULT_OPTIONS: Readonly<CommandOptions> = Object.freeze<CommandOptions>({
  capital: 100000,
  rebalance: { kind: 'none' },
  feePercent: 0,
  riskFreePercent: 0,
  benchmark: null,
  contribution: null,
  cashRate: ZERO_RATE,
  borrowRate: ZERO_RATE,
  inflation: null,
});

export const COMMAND_LIMITS = Object.freeze({
  maxLength: 1000,
  maxPositions: 50,
  maxTickerLength: 20,
  /** A position is at most this share of the capital, in percent (10× leverage). */
  maxWeightPercent: 1000,
  /** Weights must sum to 100% within this many percentage points. */
  weightSumTolerance: 0.01,
  maxPercentDecimals: 6,
  minCapital: 1,
  maxCapital: 1e12,
  maxFeePercent: 10,
  maxRiskFreePercent: 50,
  maxBandPercent: 100,
  /** cash= and borrow= as constants, in percent a year. */
  minRatePercent: -10,
  maxRatePercent: 50,
  /** inflation= as a constant, in percent a year. */
  minInflationPercent: -10,
  maxInflationPercent: 100,
  minYear: 1900,
  maxYear: 2100,
});
