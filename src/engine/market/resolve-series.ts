import { commandSeriesNeeds, tickerExpressionOf } from '../command/command-series';
import { CASH_TICKER, PortfolioCommand, RateOption } from '../command/command.types';
import { nearestName } from '../command/nearest-name';
import {
  formatTickerExpression,
  spreadExposure,
  SyntheticTicker,
  TickerExpression,
} from '../command/ticker-expression';
import { SimulationError, SimulationProblem } from '../simulation/simulation.errors';
import { PriceMatrix } from './price-matrix';
import { anchorRow, carriedForward, leveredColumn, splicedColumn } from './synthetic-series';

/** One source of a synthetic series and the matrix rows it gives, oldest first. */
export interface SeriesSource {
  source: string;
  from: string;
  to: string;
}

/** What a synthetic ticker of the command is made of, for the result's notes. */
export interface SyntheticSeriesInfo {
  /** As the command writes it (canonical). */
  ticker: string;
  base: string;
  leverage: number;
  expensePercent: number;
  spreadPercent: number;
  /** The base rate the financing of L − 1 is charged at (the cash= rate), or null when L = 1 (nothing financed). */
  baseRate: RateOption | null;
  /** FB= as written (canonical), or null. */
  fallback: string | null;
  /** Which series gives its prices from which date, oldest first; the last is the ticker's own base. */
  sources: SeriesSource[];
}

export interface ResolvedCommandSeries {
  /** The matrix the plan reads: the one given when the command has no synthetic ticker, else one with them. */
  matrix: PriceMatrix;
  synthetics: SyntheticSeriesInfo[];
}

interface Column {
  values: Float64Array;
  /** Sources in row order: each from `fromRow` to the next one's row − 1 (the last to the column's end). */
  segments: { source: string; fromRow: number }[];
}

const resolvedCache = new WeakMap<PriceMatrix, Map<string, ResolvedCommandSeries>>();
const MAX_RESOLVED_PER_MATRIX = 32;

/**
 * Resolves a command's synthetic tickers (SPY?L=2, UPRO?FB=SPY?L=3) over a price matrix into price columns,
 * purely: the server, the CLI and the browser's preview get the same series from the same prices. A command
 * without them gets the matrix back untouched. Throws a SimulationError naming every ticker that cannot be built.
 */
export function resolveCommandSeries(command: PortfolioCommand, matrix: PriceMatrix): ResolvedCommandSeries {
  // The common case first, allocation-free: no synthetic ticker, nothing to resolve.
  const benchmark = command.options.benchmark;
  if (!command.positions.some((position) => position.ticker.includes('?')) && !(benchmark ?? '').includes('?')) {
    return { matrix, synthetics: [] };
  }
  const needs = commandSeriesNeeds(command);
  const written = [...needs.positions, ...(needs.benchmark === null ? [] : [needs.benchmark])];

  const key = [
    command.start,
    formatRateKey(command.options.cashRate),
    ...written,
    ...needs.rates,
    needs.inflation,
  ].join(' ');
  let cached = resolvedCache.get(matrix);
  const hit = cached?.get(key);
  if (hit) return hit;

  const resolved = new SeriesResolver(command, matrix).resolve(
    [...new Set(written)],
    [...needs.rates, ...(needs.inflation === null ? [] : [needs.inflation])],
  );
  if (!cached) {
    cached = new Map();
    resolvedCache.set(matrix, cached);
  }
  if (cached.size >= MAX_RESOLVED_PER_MATRIX) cached.clear();
  cached.set(key, resolved);
  return resolved;
}

class SeriesResolver {
  private readonly problems: SimulationProblem[] = [];
  private readonly startRow: number;
  private baseRate: Float64Array | number | null = null;

  constructor(
    private readonly command: PortfolioCommand,
    private readonly matrix: PriceMatrix,
  ) {
    this.startRow = lowerBound(matrix.dates, command.start);
  }

  resolve(written: readonly string[], plain: readonly string[]): ResolvedCommandSeries {
    const columns: { ticker: string; values: Float64Array }[] = [];
    const synthetics: SyntheticSeriesInfo[] = [];
    for (const ticker of written) {
      const expression = tickerExpressionOf(ticker);
      const column = this.columnOf(expression, ticker);
      if (column === null) continue;
      columns.push({ ticker, values: column.values });
      if (expression.kind === 'synthetic') synthetics.push(this.info(ticker, expression, column));
    }
    for (const ticker of plain) {
      if (ticker === CASH_TICKER || columns.some((column) => column.ticker === ticker)) continue;
      const values = this.plainColumn(ticker, ticker);
      if (values !== null) columns.push({ ticker, values });
    }
    if (this.problems.length > 0) throw new SimulationError(this.problems);
    return { matrix: narrowMatrix(this.matrix, columns), synthetics };
  }

  private columnOf(expression: TickerExpression, written: string): Column | null {
    if (expression.kind === 'plain') {
      const values = this.priceColumn(expression.ticker, written);
      return values === null ? null : { values, segments: [{ source: expression.ticker, fromRow: firstRow(values) }] };
    }
    const base = this.priceColumn(expression.base, written);
    const fallback = expression.fallback === null ? null : this.columnOf(expression.fallback, written);
    if (base === null || (expression.fallback !== null && fallback === null)) return null;

    let column: Column = { values: base, segments: [{ source: expression.base, fromRow: firstRow(base) }] };
    if (fallback !== null) {
      const spliced = splicedColumn(base, fallback.values, this.startRow);
      if (spliced.spliceRow >= 0) {
        const older = fallbackSegments(expression.fallback!, fallback).filter(
          (segment) => segment.fromRow < spliced.spliceRow,
        );
        const own = spliced.spliceRow < base.length ? [{ source: expression.base, fromRow: spliced.spliceRow }] : [];
        column = { values: spliced.values, segments: [...older, ...own] };
      }
    }
    if (expression.leverage === 1 && expression.expensePercent === 0) return column;

    const needsRate = expression.leverage !== 1;
    const rate = needsRate ? this.financingRate(written) : 0;
    if (rate === null) return null;
    const levered = leveredColumn(
      column.values,
      this.matrix.calendar.dayNumber,
      anchorRow(column.values, this.startRow),
      {
        leverage: expression.leverage,
        expenseRate: expression.expensePercent / 100,
        spreadRate: expression.spreadPercent / 100,
        spreadExposure: spreadExposure(expression.leverage),
      },
      rate,
    );
    if (levered.ok) return { values: levered.values, segments: column.segments };
    const date = this.matrix.dates[levered.row];
    if (levered.reason === 'wiped-out') {
      this.problems.push({
        code: 'SYNTHETIC_WIPED_OUT',
        ticker: written,
        message:
          `${formatTickerExpression(expression)} lost everything on ${date} (a daily return of ` +
          `${(levered.dailyReturn * 100).toFixed(1)}%): a fund with this leverage would have been wiped out`,
      });
    } else {
      const cash = this.command.options.cashRate;
      const series = cash.kind === 'series' ? cash.ticker : '';
      this.problems.push({
        code: 'NO_PRICE_AT_START',
        ticker: series,
        message:
          `rate series ${series} (cash=, the base rate that finances ${written}) has no value on or before ${date}; ` +
          `its first value is on ${this.matrix.dates[firstRow(this.ratesOf(series))] ?? 'no day'}`,
      });
    }
    return null;
  }

  /** The base rate of the financing, a fraction a year: the cash= rate, a constant or a carried series. */
  private financingRate(written: string): Float64Array | number | null {
    if (this.baseRate !== null) return this.baseRate;
    const cash = this.command.options.cashRate;
    if (cash.kind === 'constant') {
      this.baseRate = cash.percent / 100;
      return this.baseRate;
    }
    const column = this.plainColumn(cash.ticker, written);
    if (column === null) return null;
    this.baseRate = this.ratesOf(cash.ticker, column);
    return this.baseRate;
  }

  private ratesOf(ticker: string, column = this.plainColumn(ticker, ticker) ?? new Float64Array(0)): Float64Array {
    const carried = carriedForward(column);
    for (let r = 0; r < carried.length; r++) carried[r] /= 100;
    return carried;
  }

  /** A plain ticker's prices a synthetic one is built from: all positive, or null with an INVALID_PRICE problem. */
  private priceColumn(ticker: string, written: string): Float64Array | null {
    const values = this.plainColumn(ticker, written);
    if (values === null) return null;
    for (let r = 0; r < values.length; r++) {
      const price = values[r];
      if (price === price && !(price > 0 && price < Number.POSITIVE_INFINITY)) {
        this.problems.push({
          code: 'INVALID_PRICE',
          ticker,
          message: `ticker ${ticker} (in ${written}) has a non-positive price ${price} on ${this.matrix.dates[r]}`,
        });
        return null;
      }
    }
    return values;
  }

  /** A plain ticker's column of the matrix (copied), or null with an UNKNOWN_TICKER problem. */
  private plainColumn(ticker: string, written: string): Float64Array | null {
    const column = this.matrix.tickerIndex.get(ticker);
    if (column === undefined) {
      const nearest = nearestName(ticker, this.matrix.tickers);
      const within = written === ticker ? '' : ` (in ${written})`;
      if (!this.problems.some((problem) => problem.code === 'UNKNOWN_TICKER' && problem.ticker === ticker)) {
        this.problems.push({
          code: 'UNKNOWN_TICKER',
          ticker,
          message: `ticker ${ticker}${within} is not in the price data${nearest ? ` (did you mean ${nearest}?)` : ''}`,
        });
      }
      return null;
    }
    const width = this.matrix.tickers.length;
    const rows = this.matrix.dates.length;
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = this.matrix.values[r * width + column];
    return values;
  }

  private info(ticker: string, expression: SyntheticTicker, column: Column): SyntheticSeriesInfo {
    const dates = this.matrix.dates;
    const last = lastRow(column.values);
    // Each source to its last row with a price before the next one starts (the matrix may hold days, such as a
    // monthly index's first of the month, on which neither has one).
    const lastPricedBefore = (row: number, floor: number) => {
      let r = row - 1;
      while (r > floor && column.values[r] !== column.values[r]) r--;
      return r;
    };
    const sources = column.segments
      .filter((segment) => segment.fromRow >= 0 && segment.fromRow < dates.length)
      .map((segment, i, all) => ({
        source: segment.source,
        from: dates[segment.fromRow],
        to: dates[
          i + 1 < all.length ? lastPricedBefore(all[i + 1].fromRow, segment.fromRow) : Math.max(last, segment.fromRow)
        ],
      }));
    return {
      ticker,
      base: expression.base,
      leverage: expression.leverage,
      expensePercent: expression.expensePercent,
      spreadPercent: expression.spreadPercent,
      baseRate: expression.leverage === 1 ? null : this.command.options.cashRate,
      fallback: expression.fallback === null ? null : formatTickerExpression(expression.fallback),
      sources,
    };
  }
}

/** A fallback's sources: a pure splice's own (A?FB=B?FB=C: C, then B), else the fallback as one source. */
function fallbackSegments(fallback: TickerExpression, column: Column): Column['segments'] {
  const pureSplice =
    fallback.kind === 'synthetic' &&
    fallback.fallback !== null &&
    fallback.leverage === 1 &&
    fallback.expensePercent === 0;
  const first = firstRow(column.values);
  if (pureSplice) return column.segments.map((segment) => ({ ...segment, fromRow: Math.max(segment.fromRow, first) }));
  return [{ source: formatTickerExpression(fallback), fromRow: first }];
}

/** A matrix on the same dates and calendar holding only these columns. */
function narrowMatrix(matrix: PriceMatrix, columns: readonly { ticker: string; values: Float64Array }[]): PriceMatrix {
  const rows = matrix.dates.length;
  const width = columns.length;
  const values = new Float64Array(rows * width);
  columns.forEach((column, j) => {
    for (let r = 0; r < rows; r++) values[r * width + j] = column.values[r];
  });
  const tickers = columns.map((column) => column.ticker);
  return {
    dates: matrix.dates,
    tickers,
    values,
    calendar: matrix.calendar,
    tickerIndex: new Map(tickers.map((ticker, index) => [ticker, index])),
  };
}

function formatRateKey(rate: RateOption | undefined): string {
  return rate === undefined ? '0' : rate.kind === 'constant' ? `${rate.percent}%` : rate.ticker;
}

function firstRow(values: Float64Array): number {
  for (let r = 0; r < values.length; r++) if (values[r] === values[r]) return r;
  return -1;
}

function lastRow(values: Float64Array): number {
  for (let r = values.length - 1; r >= 0; r--) if (values[r] === values[r]) return r;
  return -1;
}

/** First row whose date is >= `date`; `dates.length` when none. */
function lowerBound(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
