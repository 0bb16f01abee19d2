import type { PriceSeries } from './price-matrix';
import { isoOfDay, isoToDayNumber } from '../dates/iso-days';

// Kept here too: the server's market data imports it from this file.
export { isoOfDay } from '../dates/iso-days';

/**
 * What stands between a stored price series and the engine's input, shared by the server (the market-data module
 * serving a simulation, the simulation processor) and the dashboard's live preview, so both feed the engine the
 * same prices: which rows of each stored series a simulation is given (with the look-back), and those rows as a
 * PriceSeries for mergePriceSeries. Which series a command needs is commandSeriesNeeds (command/command-series.ts).
 */

/** Rows [from, to) of a stored series. */
export interface SeriesRows {
  from: number;
  to: number;
}

/**
 * The rows of a series (ascending day numbers) that a request for [startDay, endDay] is served: the days within
 * the range; with `lookBack` (simulations) one row earlier when no day falls on the start, so a ticker closed on
 * the first day of the run is valued at its last price before it (docs/market-data.md, "Look-back"). Null when
 * no day lies within the range.
 */
export function servedRows(
  days: ArrayLike<number>,
  startDay: number,
  endDay: number,
  lookBack: boolean,
): SeriesRows | null {
  let from = lowerBound(days, startDay);
  const to = lowerBound(days, endDay + 1);
  if (to <= from) return null;
  if (lookBack && from > 0 && days[from] !== startDay) from -= 1;
  return { from, to };
}

/**
 * The PriceSeries a simulation of [start, end] gets from one stored series: the look-back rows as ISO dates and
 * adjusted closes (a view, not a copy). Null when the series has no price within the range (the server refuses
 * the simulation then, naming the ticker).
 */
export function simulationSeries(
  ticker: string,
  days: ArrayLike<number>,
  closes: Float64Array,
  start: string,
  end: string,
): PriceSeries | null {
  const rows = servedRows(days, isoToDayNumber(start), isoToDayNumber(end), true);
  if (rows === null) return null;
  return { ticker, dates: isoDates(days, rows.from, rows.to), prices: closes.subarray(rows.from, rows.to) };
}

/** ISO dates of days[from..to). */
export function isoDates(days: ArrayLike<number>, from: number, to: number): string[] {
  const dates = new Array<string>(to - from);
  for (let i = from; i < to; i++) dates[i - from] = isoOfDay(days[i]);
  return dates;
}

/** Index of the first element of an ascending list that is >= value. */
export function lowerBound(values: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
