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
  const dateSet = new Set<string>();
  for (const one of series) for (const date of one.dates) dateSet.add(date);
  const dates = [...dateSet].sort();
  const row = new Map(dates.map((date, index) => [date, index]));
  const width = series.length;
  const values = new Float64Array(dates.length * width).fill(Number.NaN);
  series.forEach((one, column) => {
    if (one.dates.length !== one.prices.length) {
      throw new PriceMatrixError(`${one.ticker}: ${one.dates.length} dates but ${one.prices.length} prices`);
    }
    for (let i = 0; i < one.dates.length; i++) values[row.get(one.dates[i])! * width + column] = one.prices[i];
  });
  return createPriceMatrix(
    dates,
    series.map((one) => one.ticker),
    values,
  );
}
