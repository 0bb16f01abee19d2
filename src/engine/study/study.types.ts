import { SummaryMetric } from '../batch/batch.kernel';
import { CommandOptions } from '../command/command.types';

/**
 * How candidates are produced: `random` uniform over the (constrained) simplex, `dirichlet` with a
 * concentration, `grid` every portfolio on a weight step, `both` the grid plus `candidates` sampled ones
 * (Dirichlet with `concentration`, uniform by default).
 */
export type StudyMethod = 'random' | 'dirichlet' | 'grid' | 'both';

/** Signed weight bounds in percent: a short is negative (−30: at most 30 % short). */
export interface StudyWeightBounds {
  minPercent?: number;
  maxPercent?: number;
}

export interface StudyConstraints {
  /** Allow negative (short) weights; gross weights still sum to 100 % (long and short alike, as in a command). */
  allowShorts?: boolean;
  /** At most this many non-zero weights; null or absent: no limit. */
  maxHoldings?: number | null;
  /** Bounds of every ticker not listed in `bounds`; default 0..100 (long only) or −100..100 (shorts). */
  defaultBounds?: StudyWeightBounds;
  /** Bounds per ticker (as spelled in `tickers`, any case). */
  bounds?: Readonly<Record<string, StudyWeightBounds>>;
}

export interface StudyObjectiveSettings {
  /** `maxCagr` keeps candidates whose max drawdown is no deeper than this many percent; null: no limit. */
  maxDrawdownPercent?: number | null;
  /** `minDrawdown` keeps candidates whose CAGR is at least this many percent; null: no target. */
  targetCagrPercent?: number | null;
}

/** What a caller asks for: a universe, a period, the options of a command, and how to search weights. */
export interface StudySpec {
  /** 2 to 50 tickers (not CASH), each at most once. */
  tickers: readonly string[];
  /** Period, YYYY-MM-DD, as in a command. */
  start: string;
  end: string;
  /** The options of a command (capital, rebalance, feePercent, riskFreePercent, benchmark, contribution). */
  options?: Partial<CommandOptions>;
  method: StudyMethod;
  /** Sampled portfolios for `random`, `dirichlet` and `both` (1 to 1,000,000 with the grid's points). */
  candidates?: number;
  /** 0 to 2^32 − 1 (default 0): the same specification and seed give the same candidates. */
  seed?: number;
  /** Dirichlet concentration α (0.01 to 1000; 1 is uniform), for `dirichlet` and `both`. */
  concentration?: number;
  /** Grid step in percent (0.01 % multiples dividing 100 %), for `grid` and `both`. */
  gridStepPercent?: number;
  constraints?: StudyConstraints;
  objectives?: StudyObjectiveSettings;
  /** Portfolios kept per objective, 1 to 100 (default 10). */
  topN?: number;
}

export const STUDY_LIMITS = Object.freeze({
  minTickers: 2,
  maxTickers: 50,
  maxCandidates: 1_000_000,
  maxTopN: 100,
  defaultTopN: 10,
  minConcentration: 0.01,
  maxConcentration: 1000,
  maxSeed: 4294967295,
  /** Random sampling must accept at least this share of draws (estimated on a fixed pilot). */
  minAcceptance: 0.01,
  /** Draws tried for one candidate before giving up (never reached above the minimum acceptance). */
  maxAttemptsPerCandidate: 20_000,
  /** Frontier points in a finalised result (the binned frontier is thinned evenly beyond). */
  maxFrontierPoints: 500,
  /** Candidates kept for the scatter (every one up to this, else every k-th). */
  maxScatterPoints: 100_000,
});

/** Weights are whole hundredths of a percent (basis points): what a command can spell exactly. */
export const WEIGHT_UNITS = 10_000;

export const STUDY_OBJECTIVES = ['maxSharpe', 'minVolatility', 'maxCagr', 'minDrawdown'] as const;
/**
 * `maxSharpe`; `minVolatility`; `maxCagr` among candidates within the drawdown limit; `minDrawdown` (the
 * shallowest max drawdown) among candidates reaching the target CAGR.
 */
export type StudyObjective = (typeof STUDY_OBJECTIVES)[number];

/** Metrics with distribution statistics (histogram, mean, percentiles) over all candidates. */
export const STUDY_STATISTIC_METRICS = ['cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar'] as const;
export type StudyStatisticMetric = (typeof STUDY_STATISTIC_METRICS)[number];

/** Percentiles reported per metric (from the fixed histograms). */
export const STUDY_PERCENTILES: readonly number[] = Object.freeze([5, 25, 50, 75, 95]);

/** A validated study: every default filled in, limits and feasibility checked, ready to generate candidates. */
export interface StudyDefinition {
  readonly tickers: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly options: Readonly<CommandOptions>;
  readonly method: StudyMethod;
  readonly seed: number;
  /** Sampled candidates (0 for `grid`); they follow the grid's points in the candidate order. */
  readonly sampledCount: number;
  /** Grid points (0 for `random` and `dirichlet`); candidates 0 .. gridCount − 1. */
  readonly gridCount: number;
  readonly candidateCount: number;
  /** Dirichlet α of the sampled candidates (1: uniform). */
  readonly concentration: number;
  readonly gridStepPercent: number | null;
  readonly allowShorts: boolean;
  /** Effective K: the number of tickers when there is no limit. */
  readonly maxHoldings: number;
  /** Signed bounds per ticker in weight units (hundredths of a percent). */
  readonly minUnits: Int32Array;
  readonly maxUnits: Int32Array;
  /** As fractions: max drawdown allowed for `maxCagr` (0.25: no deeper than −25 %), CAGR target for `minDrawdown`. */
  readonly maxDrawdownLimit: number | null;
  readonly targetCagr: number | null;
  readonly topN: number;
  /** Share of random draws that satisfy the bounds (1 when no draw is ever rejected), from a fixed pilot. */
  readonly estimatedAcceptance: number;
  /** Hash of everything above: chunk results of different studies never merge. */
  readonly fingerprint: string;
}

/** One evaluated candidate: its index in the study and its summary metrics (SUMMARY_METRICS order). */
export interface StudyEntry {
  index: number;
  summary: Float64Array;
}

/** A candidate kept by one fixed bin of a frontier's risk axis: the bin's highest CAGR, or its lowest risk. */
export interface StudyBinEntry extends StudyEntry {
  bin: number;
  lowestRisk: boolean;
}

/**
 * A metric's distribution over candidates, mergeable exactly: extremes, an exact sum (each value rounded to
 * 2^−32, summed as an integer) and fixed-bin counts.
 */
export interface MetricAccumulator {
  count: number;
  min: number;
  max: number;
  scaledSum: bigint;
  below: number;
  above: number;
  histogram: Int32Array;
}

/** Candidates for a scatter plot: every `stride`-th candidate index, in index order (float32 values). */
export interface StudyScatter {
  stride: number;
  index: Int32Array;
  volatility: Float32Array;
  cagr: Float32Array;
  sharpe: Float32Array;
  maxDrawdown: Float32Array;
}

/**
 * What one chunk of candidates reduces to — bounded, whatever the chunk's size, apart from the scatter — and
 * what merging chunks gives: the same structure, identical whatever the grouping and order of the merges.
 */
export interface StudyChunkResult {
  /** The plan's fingerprint (study and price data). */
  fingerprint: string;
  /** Entries kept per objective. */
  topN: number;
  /** Candidate index ranges covered, sorted and coalesced: [from, to) pairs flattened. */
  ranges: number[];
  evaluated: number;
  /** Candidates with a finite CAGR, volatility and max drawdown (the others enter no statistic). */
  valid: number;
  /** Per fixed log-volatility bin: the highest CAGR (then lowest volatility, index) and the lowest volatility. */
  frontier: StudyBinEntry[];
  /** The same per fixed max-drawdown-depth bin. */
  drawdownFrontier: StudyBinEntry[];
  /** Best first, ties to the lowest index. */
  top: Record<StudyObjective, StudyEntry[]>;
  statistics: Record<StudyStatisticMetric, MetricAccumulator>;
  scatter: StudyScatter;
}

/** Summary metrics with undefined values as null. */
export type StudySummary = Record<SummaryMetric, number | null>;

export interface StudyPortfolio {
  /** Candidate index, or null for a reference portfolio. */
  index: number | null;
  /**
   * Signed weights as fractions, aligned with the study's tickers (0 where not held): whole hundredths of a
   * percent, e.g. 0.6667 (the simulation used the command's 66.67 / 100, which may differ in the last bit).
   */
  weights: number[];
  summary: StudySummary;
  /** The portfolio as a canonical command: it simulates exactly these weights (see docs/studies.md). */
  command: string;
}

export interface StudyMetricStatistics {
  count: number;
  min: number | null;
  max: number | null;
  /** Mean to about 1e-10 (each value rounded to 2^−32 before an exact sum). */
  mean: number | null;
  /** Per STUDY_PERCENTILES, interpolated in the fixed histogram (within one bin width). */
  percentiles: (number | null)[];
  /** `counts.length` equal bins from `lower` to `upper`; values outside are counted in `below` and `above`. */
  histogram: { lower: number; upper: number; counts: number[]; below: number; above: number };
}

/** Candidate counts on a grid of volatility (columns) by CAGR (rows): `counts[row * columns + column]`. */
export interface StudyDensity {
  volatility: { lower: number; upper: number };
  cagr: { lower: number; upper: number };
  columns: number;
  rows: number;
  counts: Int32Array;
  /** Candidates the grid is made of (the scatter's). */
  total: number;
}

export interface ReferencePortfolios {
  /** 1/n each, rounded to weight units. */
  equalWeight: StudyPortfolio;
  /** ∝ 1/σ of each ticker's daily returns; null when a ticker's price never moves. */
  inverseVolatility: StudyPortfolio | null;
  /** Equal risk contributions under the sample covariance of daily returns; null as above. */
  riskParity: StudyPortfolio | null;
}

export interface StudyResult {
  fingerprint: string;
  tickers: readonly string[];
  start: string;
  end: string;
  /** The trading days simulated. */
  firstDate: string;
  lastDate: string;
  days: number;
  method: StudyMethod;
  seed: number;
  candidateCount: number;
  valid: number;
  maxDrawdownLimit: number | null;
  targetCagr: number | null;
  /** The first of each `top` list, or null when no candidate qualifies. */
  best: Record<StudyObjective, StudyPortfolio | null>;
  top: Record<StudyObjective, StudyPortfolio[]>;
  /** Non-dominated (lower volatility, higher CAGR) binned candidates, by volatility ascending. */
  frontier: StudyPortfolio[];
  /** Non-dominated (shallower drawdown, higher CAGR) binned candidates, by drawdown depth ascending. */
  drawdownFrontier: StudyPortfolio[];
  statistics: Record<StudyStatisticMetric, StudyMetricStatistics>;
  scatter: StudyScatter;
  density: StudyDensity;
  references: ReferencePortfolios | null;
}
