import { isoToDayNumber } from '../market/trading-calendar';
import { AnalysisError, requireInteger, requireNumber } from './analysis.errors';

export interface DrawdownEpisodesInput {
  /** The run's calendar, one date per row. */
  dates: readonly string[];
  /**
   * Drawdown of each row: equity over its running peak, minus 1 (`SimulationResult.drawdown`, or
   * `cumulativeSeries(returns).drawdown` for a benchmark). 0 at a peak, negative under water.
   */
  drawdown: ArrayLike<number>;
}

export interface DrawdownEpisodeOptions {
  /** Only episodes that fall deeper than this (a fraction: 0.1 keeps falls deeper than −10 %). */
  deeperThan?: number;
  /** At most this many, deepest first: default 10 without `deeperThan`, 100 with it; at most 1,000. */
  limit?: number;
}

/** One fall from a peak, its lowest point, and the way back. Rows index the run's calendar. */
export interface DrawdownEpisode {
  /** Last row at the peak before the fall (row 0 when the fall starts on the first return). */
  peakRow: number;
  peakDate: string;
  /** Lowest row of the fall (the first, if the low is touched twice). */
  troughRow: number;
  troughDate: string;
  /** First row back at the peak; null when still under water at the end. */
  recoveryRow: number | null;
  recoveryDate: string | null;
  recovered: boolean;
  /** Deepest drawdown of the episode, a negative fraction. */
  depth: number;
  /** Trading days from the peak to the trough. */
  tradingDaysToTrough: number;
  /** Trading days from the trough to the recovery; null when not recovered. */
  tradingDaysToRecovery: number | null;
  /** Trading days from the peak to the recovery, or to the last row when not recovered. */
  tradingDays: number;
  /** Calendar days from the peak to the trough. */
  calendarDaysToTrough: number;
  /** Calendar days from the trough to the recovery; null when not recovered. */
  calendarDaysToRecovery: number | null;
  /**
   * QuantStats' duration (`drawdown_details` "days"): calendar days from the first to the last day
   * under water, inclusive. The deepest episode's equals `PerformanceMetrics.maxDrawdownDays`.
   */
  underwaterDays: number;
}

export interface DrawdownEpisodes {
  /** Every drawdown episode of the series, before the threshold and the limit. */
  totalEpisodes: number;
  /** The selected episodes, deepest first (ties: the earlier first). */
  episodes: DrawdownEpisode[];
}

export const DRAWDOWN_EPISODE_LIMITS = Object.freeze({
  defaultLimit: 10,
  defaultLimitWithThreshold: 100,
  maxLimit: 1000,
});

/**
 * The drawdown episodes of a series: maximal runs of rows under water (drawdown < 0). Each starts
 * at the last row at its peak and ends on the first row back at it — the periods of
 * `computeMetrics`' max drawdown and of QuantStats' `drawdown_details` (whose `start` is the row
 * after our peak and whose `end` the row before our recovery). One pass, then a sort of the episodes.
 */
export function computeDrawdownEpisodes(
  input: DrawdownEpisodesInput,
  options: DrawdownEpisodeOptions = {},
): DrawdownEpisodes {
  const { dates, drawdown } = input;
  if (drawdown.length !== dates.length) {
    throw new AnalysisError(
      'INVALID_OPTION',
      'drawdown',
      `drawdown must have one entry per date (${dates.length}), got ${drawdown.length}`,
    );
  }
  const threshold = options.deeperThan === undefined ? null : requireNumber('deeperThan', options.deeperThan, 0, 1);
  const limit = requireInteger(
    'limit',
    options.limit ??
      (threshold === null ? DRAWDOWN_EPISODE_LIMITS.defaultLimit : DRAWDOWN_EPISODE_LIMITS.defaultLimitWithThreshold),
    1,
    DRAWDOWN_EPISODE_LIMITS.maxLimit,
  );

  const found = findEpisodes(drawdown);
  const selected = found
    .filter((episode) => threshold === null || episode.depth < -threshold)
    .sort((a, b) => a.depth - b.depth || a.peakRow - b.peakRow)
    .slice(0, limit);
  return { totalEpisodes: found.length, episodes: selected.map((episode) => describeEpisode(episode, dates)) };
}

interface EpisodeRows {
  peakRow: number;
  /** First row under water. */
  firstRow: number;
  troughRow: number;
  /** First row back at the peak, or -1. */
  recoveryRow: number;
  depth: number;
}

function findEpisodes(drawdown: ArrayLike<number>): EpisodeRows[] {
  const episodes: EpisodeRows[] = [];
  let current: EpisodeRows | null = null;
  for (let row = 0; row < drawdown.length; row++) {
    const value = drawdown[row];
    // A non-finite value (returns after a total loss) is neither a peak nor a new low.
    const underWater = value < 0 || !Number.isFinite(value);
    if (!underWater) {
      if (current !== null) {
        current.recoveryRow = row;
        episodes.push(current);
        current = null;
      }
      continue;
    }
    if (current === null) {
      current = {
        peakRow: Math.max(0, row - 1),
        firstRow: row,
        troughRow: row,
        recoveryRow: -1,
        depth: Number.isFinite(value) ? value : 0,
      };
    } else if (value < current.depth && Number.isFinite(value)) {
      current.depth = value;
      current.troughRow = row;
    }
  }
  if (current !== null) episodes.push(current);
  return episodes;
}

function describeEpisode(episode: EpisodeRows, dates: readonly string[]): DrawdownEpisode {
  const { peakRow, firstRow, troughRow, recoveryRow, depth } = episode;
  const recovered = recoveryRow >= 0;
  const lastRow = dates.length - 1;
  const day = (row: number) => isoToDayNumber(dates[row]);
  const lastUnderWater = recovered ? recoveryRow - 1 : lastRow;
  return {
    peakRow,
    peakDate: dates[peakRow],
    troughRow,
    troughDate: dates[troughRow],
    recoveryRow: recovered ? recoveryRow : null,
    recoveryDate: recovered ? dates[recoveryRow] : null,
    recovered,
    depth,
    tradingDaysToTrough: troughRow - peakRow,
    tradingDaysToRecovery: recovered ? recoveryRow - troughRow : null,
    tradingDays: (recovered ? recoveryRow : lastRow) - peakRow,
    calendarDaysToTrough: day(troughRow) - day(peakRow),
    calendarDaysToRecovery: recovered ? day(recoveryRow) - day(troughRow) : null,
    underwaterDays: day(lastUnderWater) - day(firstRow) + 1,
  };
}
