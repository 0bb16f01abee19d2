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
  /** Upper-cased ticker as written (BRK-B, ^GSPC, 7203.T); `CASH` is uninvested cash. */
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

export interface CommandOptions {
  capital: number;
  rebalance: RebalancePolicy;
  /** Fee in percent of traded value (0.1 for 0.1%). */
  feePercent: number;
  /** Annual risk-free rate in percent (2 for 2%), used by Sharpe and Sortino. */
  riskFreePercent: number;
  benchmark: string | null;
  contribution: Contribution | null;
}

export const CASH_TICKER = 'CASH';

export const DEFAULT_OPTIONS: Readonly<CommandOptions> = Object.freeze<CommandOptions>({
  capital: 100000,
  rebalance: { kind: 'none' },
  feePercent: 0,
  riskFreePercent: 0,
  benchmark: null,
  contribution: null,
});

export const COMMAND_LIMITS = Object.freeze({
  maxLength: 1000,
  maxPositions: 50,
  maxTickerLength: 20,
  /** Weights must sum to 100% within this many percentage points. */
  weightSumTolerance: 0.01,
  maxPercentDecimals: 6,
  minCapital: 1,
  maxCapital: 1e12,
  maxFeePercent: 10,
  maxRiskFreePercent: 50,
  maxBandPercent: 100,
  minYear: 1900,
  maxYear: 2100,
});
