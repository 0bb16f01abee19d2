import { buildCalendarKeys, CalendarKeys, isIsoDate } from './trading-calendar';

/**
 * Daily adjusted closes of many tickers on one calendar: the engine's only market input.
 * `values` is row-major (one row per date), NaN where a ticker has no price that day.
 */
export interface PriceMatrix {
  readonly dates: readonly string[];
  readonly tickers: readonly string[];
  readonly values: Float64Array;
  readonly calendar: CalendarKeys;
  readonly tickerIndex: ReadonlyMap<string, number>;
}

export interface PriceSeries {
  ticker: string;
  dates: readonly string[];
  prices: ArrayLike<number>;
}

export class PriceMatrixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceMatrixError';
  }
}

/** Wraps row-major values (dates × tickers); validates the shape and the date order. */
export function createPriceMatrix(
  dates: readonly string[],
  tickers: readonly string[],
  values: Float64Array,
): PriceMatrix {
  if (values.length !== dates.length * tickers.length) {
    throw new PriceMatrixError(`expected ${dates.length} × ${tickers.length} prices, got ${values.length}`);
  }
  for (let i = 0; i < dates.length; i++) {
    if (!isIsoDate(dates[i])) throw new PriceMatrixError(`date ${dates[i]} is not YYYY-MM-DD`);
    if (i > 0 && dates[i] <= dates[i - 1])
      throw new PriceMatrixError(`dates are not strictly ascending at ${dates[i]}`);
  }
  const tickerIndex = new Map<string, number>();
  tickers.forEach((ticker, index) => {
    const key = ticker.toUpperCase();
    if (tickerIndex.has(key)) throw new PriceMatrixError(`ticker ${ticker} appears twice`);
    tickerIndex.set(key, index);
  });
  return { dates, tickers, values, calendar: buildCalendarKeys(dates), tickerIndex };
}

/**
 * Merges per-ticker series (each on its own trading days) into one matrix on the union of their
 * dates; a ticker gets NaN on the days it did not trade. Live providers will feed the engine this way.
 */
export function mergePriceSeries(series: readonly PriceSeries[]): PriceMatrix {
  for (const one of series) {
    if (one.dates.length !== one.prices.length) {
      throw new PriceMatrixError(`${one.ticker}: ${one.dates.length} dates but ${one.prices.length} prices`);
    }
  }
  const ascending = series.map((one) => isStrictlyAscending(one.dates));
  const dates = unionOfDates(series.map((one, k) => (ascending[k] ? one.dates : [...new Set(one.dates)].sort())));
  const width = series.length;
  const values = new Float64Array(dates.length * width).fill(Number.NaN);
  let rowOf: Map<string, number> | undefined;
  series.forEach((one, column) => {
    if (ascending[column]) {
      // Walk both ascending lists together: no per-date look-up.
      let row = 0;
      for (let i = 0; i < one.dates.length; i++) {
        while (dates[row] !== one.dates[i]) row++;
        values[row * width + column] = one.prices[i];
      }
      return;
    }
    rowOf ??= new Map(dates.map((date, index) => [date, index]));
    for (let i = 0; i < one.dates.length; i++) values[rowOf.get(one.dates[i])! * width + column] = one.prices[i];
  });
  return createPriceMatrix(
    dates,
    series.map((one) => one.ticker),
    values,
  );
}

function isStrictlyAscending(dates: readonly string[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i] <= dates[i - 1]) return false;
  return true;
}

/** The sorted union of ascending date lists, merged in one pass (identical calendars are not merged at all). */
function unionOfDates(sorted: readonly (readonly string[])[]): string[] {
  if (sorted.length === 0) return [];
  const first = sorted[0];
  if (
    sorted.every((list) => list === first || (list.length === first.length && list.every((d, i) => d === first[i])))
  ) {
    return [...first];
  }
  const union: string[] = [];
  const positions = new Array<number>(sorted.length).fill(0);
  for (;;) {
    let next: string | undefined;
    for (let k = 0; k < sorted.length; k++) {
      const candidate = sorted[k][positions[k]];
      if (candidate !== undefined && (next === undefined || candidate < next)) next = candidate;
    }
    if (next === undefined) return union;
    union.push(next);
    for (let k = 0; k < sorted.length; k++) if (sorted[k][positions[k]] === next) positions[k]++;
  }
}
