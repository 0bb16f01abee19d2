import { isoToEpochSeconds } from '@engine/dates/iso-days';

/**
 * Pure conversions from the API's series to what the charts draw: typed arrays, one pass each, no object per point
 * (33 years are ~8,300 days × a dozen series).
 */

type Values = ArrayLike<number | null | undefined>;

/** A daily series as a chart takes it: the API's array, or the live preview's typed array as the worker sent it. */
export type ChartValues = readonly (number | null)[] | Float64Array;

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** `YYYY-MM-DD` days as UTC-midnight Unix seconds (uPlot's time unit), read without Date objects or substrings. */
export function epochSeconds(days: readonly string[]): Float64Array {
  const seconds = new Float64Array(days.length);
  for (let index = 0; index < days.length; index++) seconds[index] = isoToEpochSeconds(days[index]);
  return seconds;
}

/**
 * A series scaled to start at `start` (the benchmark's closes drawn as money beside the portfolio's value).
 * Missing values stay missing (NaN is drawn as a gap by the chart's value accessor, null by uPlot).
 */
export function rebase(values: Values, start: number): (number | null)[] {
  let first = Number.NaN;
  for (let index = 0; index < values.length && !Number.isFinite(first); index++) {
    const value = values[index];
    if (finite(value) && value !== 0) first = value;
  }
  const factor = start / first;
  const rebased = new Array<number | null>(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    rebased[index] = finite(value) && Number.isFinite(factor) ? value * factor : null;
  }
  return rebased;
}

/** Smallest and largest finite value (NaN, NaN when there is none). */
export function extent(values: Values): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (!finite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low > high ? [Number.NaN, Number.NaN] : [low, high];
}

/** Below this, a weight is rounding noise (cash of a fully invested portfolio reads ±1e-16). */
const WEIGHT_NOISE = 1e-9;

export interface WeightSeries {
  ticker: string;
  /** The weights as the API sent them, for legends and summaries. */
  weights: Values;
  /** What is drawn: the running sum of its side's stack, or the weight itself when drawn as lines. */
  drawn: Values;
  side: 'long' | 'short';
}

export interface WeightLayout {
  /**
   * `stacked`: long positions stacked upwards from 0 and short ones downwards, in `series` order. `lines`: some
   * position changes sign (a short portfolio whose value went negative, cash switching between lent and
   * borrowed), which no stack can show honestly, so every weight is its own line.
   */
  mode: 'stacked' | 'lines';
  series: WeightSeries[];
  /** uPlot bands, by uPlot series index (1-based: 0 is the x axis): each layer filled down (long) or up (short) to the one below. */
  bands: { series: [number, number]; dir: 1 | -1 }[];
}

/**
 * Lays out the weights over time (`order`: tickers as listed, then CASH). A series that is positive on some days
 * and negative on others switches the whole chart to lines.
 */
export function layoutWeights(weights: Readonly<Record<string, Values>>, order: readonly string[]): WeightLayout {
  const present = order.filter((ticker) => weights[ticker] !== undefined);
  const sides = present.map((ticker) => {
    const [low, high] = extent(weights[ticker]);
    if (low < -WEIGHT_NOISE && high > WEIGHT_NOISE) return 'mixed';
    return low < -WEIGHT_NOISE ? 'short' : 'long';
  });
  if (sides.includes('mixed')) {
    return {
      mode: 'lines',
      series: present.map((ticker, index) => ({
        ticker,
        weights: weights[ticker],
        drawn: weights[ticker],
        side: sides[index] === 'short' ? 'short' : 'long',
      })),
      bands: [],
    };
  }

  const series: WeightSeries[] = [];
  const bands: WeightLayout['bands'] = [];
  for (const side of ['long', 'short'] as const) {
    let running: Float64Array | null = null;
    present.forEach((ticker, index) => {
      if (sides[index] !== side) return;
      const source = weights[ticker];
      const drawn = new Float64Array(source.length);
      for (let day = 0; day < source.length; day++) {
        const value = source[day];
        drawn[day] = (running ? running[day] : 0) + (finite(value) ? value : 0);
      }
      // uPlot index of this layer is series.length + 1; the layer under it was pushed just before.
      if (running) bands.push({ series: [series.length + 1, series.length], dir: side === 'long' ? -1 : 1 });
      series.push({ ticker, weights: source, drawn, side });
      running = drawn;
    });
  }
  return { mode: 'stacked', series, bands };
}
