import type { PerformanceMetrics, PortfolioCommand, Trade, TradeReason } from '../../engine';
import type { SimulationStatus } from './entities/simulation.entity';
import type { SimulationSeries } from './simulation-series.codec';

export type { SimulationStatus };

export interface NewSimulation {
  id: string;
  userId: string;
  command: string;
  canonical: string;
  /** The parsed command (positions and options), kept as submitted. */
  parsedCommand: PortfolioCommand;
  tickers: string[];
  benchmark: string | null;
  /** Plain tickers synthetic ones are built from (SPY of SPY?L=2): the history filter finds them too. */
  underlying?: string[];
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

/** What a completed simulation keeps: every metric, the small facts, the daily series and the trades. */
export interface StoredSimulationResult {
  metrics: StoredMetrics;
  summary: Record<string, unknown>;
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
