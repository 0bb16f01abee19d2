import { samplePrices } from './sample-prices.fixture';

/** Rows of the sample prices from the first date on or after `start` to the last on or before `end`. */
export function sampleRows(start: string, end: string): { first: number; last: number; dates: string[] } {
  const matrix = samplePrices();
  const first = matrix.dates.findIndex((date) => date >= start);
  let last = matrix.dates.length - 1;
  while (matrix.dates[last] > end) last--;
  return { first, last, dates: matrix.dates.slice(first, last + 1) };
}

/**
 * Daily price returns of one sample ticker on those rows, in the engine's row layout: entry 0 is
 * the start row (no return, 0), entry t is P_t / P_{t−1} − 1 — pandas' `pct_change().iloc[1:]`.
 */
export function sampleReturns(ticker: string, start: string, end: string): Float64Array {
  const matrix = samplePrices();
  const { first, last } = sampleRows(start, end);
  const width = matrix.tickers.length;
  const column = matrix.tickerIndex.get(ticker);
  if (column === undefined) throw new Error(`no sample ticker ${ticker}`);
  const out = new Float64Array(last - first + 1);
  for (let t = 1; t < out.length; t++) {
    out[t] = matrix.values[(first + t) * width + column] / matrix.values[(first + t - 1) * width + column] - 1;
  }
  return out;
}
