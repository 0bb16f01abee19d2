import type {
  CashFlow,
  PerformanceMetrics,
  PortfolioCommand,
  PortfolioExposure,
  SimulationNote,
  SimulationWarning,
  Trade,
  TradeReason,
} from '../../engine';
import type { SimulationStatus } from './entities/simulation.entity';
import type { SimulationSeries } from './simulation-series.codec';

export type { SimulationStatus };

export interface NewSimulation {
  id: string;
  userId: string;
  command: string;
  canonical: string;
  /**
   * The parsed command (positions and options), kept as submitted: the tickers the entry shows and the ones the
   * history filter finds it by (commandTickers, commandSeriesNeeds().held) are read from it.
   */
  parsedCommand: PortfolioCommand;
  startDate: string;
  endDate: string;
  idempotencyKey: string | null;
}

export interface HeadlineMetrics {
  cagr: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  totalReturn: number | null;
}

export interface SimulationRecord {
  id: string;
  userId: string;
  command: string;
  canonical: string;
  /** The parsed command as stored at submission (the engine's type: the processor and the API read it as is). */
  parsedCommand: PortfolioCommand;
  /** Positions then benchmark as written (commandTickers of the parsed command; not stored on their own). */
  tickers: string[];
  startDate: string;
  endDate: string;
  status: SimulationStatus;
  progress: { phase: string | null; percent: number };
  failureReason: string | null;
  idempotencyKey: string | null;
  headline: HeadlineMetrics;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A trade as the engine lists it (listTrades), stored with the result; trades stored before reasons have none. */
export type TradeRow = Omit<Trade, 'reason'> & { reason: TradeReason | null };

/** Every metric of a completed simulation: the portfolio's (with its statistics against the benchmark) and the benchmark's own. */
export interface StoredMetrics {
  portfolio: PerformanceMetrics;
  benchmark: PerformanceMetrics | null;
}

/** The benchmark invested with the portfolio's cash flows. */
export interface BenchmarkOutcome {
  ticker: string;
  finalValue: number;
  moneyWeightedReturn: number | null;
  depletedOn: string | null;
}

/** Where a ticker's prices came from and what they measure. */
export interface PriceDataSource {
  ticker: string;
  /** yahoo, sample or upload */
  source: string;
  kind: 'total-return' | 'price-only';
}

/** A synthetic ticker as the summary tells it: rates as the command writes them. */
export interface SyntheticOutcome {
  ticker: string;
  base: string;
  leverage: number;
  expensePercent: number;
  spreadPercent: number;
  baseRate: string | null;
  fallback: string | null;
  sources: { source: string; from: string; to: string }[];
}

/**
 * The small facts of a completed simulation (the `summary` of GET /history/{id}, SimulationOutcomeDto): capital,
 * final value, fees, flows, the simulated period, depletion, warnings, notes, exposure, interest, synthetic tickers
 * and real returns.
 */
export interface SimulationOutcome {
  initialCapital: number;
  finalValue: number;
  totalFees: number;
  netContributions: number;
  moneyWeightedReturn: number | null;
  flows: readonly CashFlow[];
  /** ticker → provider (yahoo, sample, upload) */
  sources: Record<string, string>;
  dataSources: PriceDataSource[];
  simulatedStart: string;
  simulatedEnd: string;
  depletedOn: string | null;
  benchmark: BenchmarkOutcome | null;
  /** The engine's warnings; NOTE: a plain-text warning of a result stored before warnings had codes. */
  warnings: (Omit<SimulationWarning, 'code'> & { code: SimulationWarning['code'] | 'NOTE' })[];
  notes: SimulationNote[];
  exposure: PortfolioExposure | null;
  cashInterest: { cashRate: string; borrowRate: string; dayCount: 'actual/360'; earned: number; paid: number } | null;
  synthetics: SyntheticOutcome[];
  realReturns: {
    inflation: string;
    cumulativeInflation: number;
    annualInflation: number;
    finalValue: number;
    totalReturn: number;
    cagr: number;
  } | null;
}

/**
 * The summary as stored: what the lifecycle writes today is a whole SimulationOutcome; results stored by older
 * versions lack the later fields and kept their warnings as plain text.
 */
export type StoredSummary = Partial<Omit<SimulationOutcome, 'warnings'>> & {
  warnings?: (SimulationWarning | string)[];
};

/** What a completed simulation keeps: every metric, the small facts, the daily series and the trades. */
export interface StoredSimulationResult {
  metrics: StoredMetrics;
  summary: StoredSummary;
  series: SimulationSeries;
  trades: TradeRow[];
}

export const HISTORY_SORT_FIELDS = ['createdAt', 'cagr', 'sharpe', 'maxDrawdown', 'totalReturn'] as const;
export type HistorySortField = (typeof HISTORY_SORT_FIELDS)[number];

export interface HistoryQuery {
  page: number;
  size: number;
  status?: SimulationStatus;
  ticker?: string;
  /** Submitted on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Submitted on or before this day (YYYY-MM-DD). */
  to?: string;
  sort: HistorySortField;
  order: 'asc' | 'desc';
}

export interface HistoryPage {
  items: SimulationRecord[];
  page: number;
  size: number;
  total: number;
}
