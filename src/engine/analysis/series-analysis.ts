import { computeDrawdownEpisodes, DrawdownEpisodeOptions, DrawdownEpisodes } from './drawdown-episodes';
import { computeRollingMetrics, RollingMetrics } from './rolling-metrics';

/**
 * Daily returns of a close series on the run's calendar: row 0 has none (0), row t is close[t] / close[t − 1] − 1,
 * exactly as the simulation plan derives the benchmark's returns from the same closes, so a stored result's
 * benchmark gives back the returns its metrics were computed from, bit for bit. A missing close makes NaN.
 */
export function returnsFromCloses(closes: ArrayLike<number>): Float64Array {
  const returns = new Float64Array(closes.length);
  for (let t = 1; t < closes.length; t++) returns[t] = closes[t] / closes[t - 1] - 1;
  return returns;
}

/** A run's daily series, as a completed simulation keeps it. */
export interface SeriesAnalysisInput {
  dates: readonly string[];
  /** Time-weighted daily returns, one per row (row 0 ignored). */
  dailyReturn: Float64Array;
  /** Fall from the running peak each row (0 or negative). */
  drawdown: ArrayLike<number>;
  /** The benchmark's closes on the same rows, or null without a benchmark. */
  benchmarkCloses: ArrayLike<number> | null;
  /** Annual risk-free rate as a fraction (the command's rf). */
  riskFreeRate: number;
}

export interface SeriesAnalysisOptions {
  /** Rolling window lengths in trading days (default 126, 252 and 756). */
  windows?: readonly number[];
  drawdowns?: DrawdownEpisodeOptions;
}

/** Rolling metrics of the portfolio (beta and correlation against the benchmark) and of the benchmark, and the drawdown episodes. */
export interface SeriesAnalysis {
  rolling: RollingMetrics;
  /** The benchmark's own rolling metrics on the same windows (its beta and correlation are null); null without one. */
  benchmarkRolling: RollingMetrics | null;
  drawdownEpisodes: DrawdownEpisodes;
}

/**
 * Everything the analysis views show of one run (API, results page, workbook, tearsheet, CLI), from what a
 * completed simulation stores. Throws AnalysisError (a stable code and the option's name) for an option out of range.
 */
export function analyseSeries(input: SeriesAnalysisInput, options: SeriesAnalysisOptions = {}): SeriesAnalysis {
  const drawdownEpisodes = computeDrawdownEpisodes({ dates: input.dates, drawdown: input.drawdown }, options.drawdowns);
  const benchmarkReturns = input.benchmarkCloses === null ? null : returnsFromCloses(input.benchmarkCloses);
  const rolling = computeRollingMetrics({
    returns: input.dailyReturn,
    riskFreeRate: input.riskFreeRate,
    benchmarkReturns,
    windows: options.windows,
  });
  const benchmarkRolling =
    benchmarkReturns === null
      ? null
      : computeRollingMetrics({
          returns: benchmarkReturns,
          riskFreeRate: input.riskFreeRate,
          windows: options.windows,
        });
  return { rolling, benchmarkRolling, drawdownEpisodes };
}
