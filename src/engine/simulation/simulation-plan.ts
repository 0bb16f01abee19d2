import {
  CASH_TICKER,
  InflationOption,
  PortfolioCommand,
  RateOption,
  RebalanceFrequency,
} from '../command/command.types';
import { nearestName } from '../command/nearest-name';
import { PriceMatrix } from '../market/price-matrix';
import { resolveCommandSeries, SyntheticSeriesInfo } from '../market/resolve-series';
import { isoToDayNumber } from '../market/trading-calendar';
import { interestAccruals, InterestAccruals } from './cash-interest';
import { SimulationError, SimulationProblem } from './simulation.errors';
import { SimulationWarning } from './simulation.types';

/**
 * Everything a simulation needs, resolved once from a command and a price matrix: the run's
 * calendar rows, a gap-free price block, the event days and the numeric options. The single
 * simulator and the batch share it, so many weight vectors can run over one plan.
 */
export interface SimulationPlan {
  /** Non-cash tickers in command order; the asset axis of `targets`, `columns` and weights. */
  readonly tickers: readonly string[];
  /** Signed target weights as fractions (side × weight), aligned with `tickers`. */
  readonly targets: Float64Array;
  /** Calendar of the run: row 0 is the first trading day on or after the start. */
  readonly dates: readonly string[];
  readonly dayNumber: Int32Array;
  readonly monthKey: Int32Array;
  readonly year: Int32Array;
  /** Row-major prices of the run's rows: `prices[t * stride + columns[i]]`, no NaN, all > 0. */
  readonly prices: Float64Array;
  readonly stride: number;
  readonly columns: Int32Array;
  /** 1 on the first trading day of each new rebalancing period (never on row 0). */
  readonly rebalanceFlags: Uint8Array | null;
  /** Rebalance when |weight − target| exceeds this fraction for any asset; 0 when off. */
  readonly bandThreshold: number;
  /** 1 on the first trading day of each new contribution period (never on row 0). */
  readonly contributionFlags: Uint8Array | null;
  readonly contributionAmount: number;
  readonly capital: number;
  readonly feeRate: number;
  readonly riskFreeRate: number;
  readonly benchmark: string | null;
  /** Benchmark daily returns on the run's rows (index 0 unused), or null. */
  readonly benchmarkReturns: Float64Array | null;
  /** Benchmark closes on the run's rows (carried forward), or null. */
  readonly benchmarkPrices: Float64Array | null;
  /** Where the simulated period differs from the asked one, or a ticker's prices stop early. */
  readonly periodWarnings: readonly SimulationWarning[];
  /** Interest on cash (cash=) and on loans (borrow=) per row; null when both rates are 0 (no arithmetic at all). */
  readonly interest: InterestAccruals | null;
  /** The price level on the run's rows for real returns (inflation=), or null. */
  readonly priceLevel: Float64Array | null;
  /** What each synthetic ticker (SPY?L=2, UPRO?FB=SPY?L=3) is made of; empty without them. */
  readonly synthetics: readonly SyntheticSeriesInfo[];
}

interface ColumnStats {
  firstValid: Int32Array;
  lastValid: Int32Array;
  /** Missing days between first and last valid price. */
  gaps: Int32Array;
  /** Smallest valid price, to detect non-positive prices without rescanning. */
  minPrice: Float64Array;
}

const columnStatsCache = new WeakMap<PriceMatrix, ColumnStats>();

function columnStats(matrix: PriceMatrix): ColumnStats {
  const cached = columnStatsCache.get(matrix);
  if (cached) return cached;
  const width = matrix.tickers.length;
  const rows = matrix.dates.length;
  const stats: ColumnStats = {
    firstValid: new Int32Array(width).fill(-1),
    lastValid: new Int32Array(width).fill(-1),
    gaps: new Int32Array(width),
    minPrice: new Float64Array(width).fill(Number.POSITIVE_INFINITY),
  };
  const { values } = matrix;
  for (let j = 0; j < width; j++) {
    let missingSinceLast = 0;
    for (let r = 0; r < rows; r++) {
      const price = values[r * width + j];
      if (price === price) {
        if (stats.firstValid[j] < 0) stats.firstValid[j] = r;
        else stats.gaps[j] += missingSinceLast;
        stats.lastValid[j] = r;
        missingSinceLast = 0;
        if (price < stats.minPrice[j]) stats.minPrice[j] = price;
      } else if (stats.firstValid[j] >= 0) {
        missingSinceLast++;
      }
    }
  }
  columnStatsCache.set(matrix, stats);
  return stats;
}

/** First row whose date is >= `date` (binary search); `dates.length` when none. */
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

/**
 * The plan of a command over a price matrix, in named steps: resolve the columns it reads, the run's calendar
 * rows, check every ticker has a price at the start, the gap-free price block, the calendar and event flags, the
 * interest and price-level series, the benchmark's series.
 */
export function buildSimulationPlan(command: PortfolioCommand, priceMatrix: PriceMatrix): SimulationPlan {
  // Synthetic tickers become columns of their own; a command without them reads the matrix as it is.
  const { matrix, synthetics } = resolveCommandSeries(command, priceMatrix);
  const stats = columnStats(matrix);
  const columns = planColumns(command, matrix);
  const run = runRows(command, matrix, stats, columns);
  checkPricesAtStart(command, matrix, stats, columns, run);
  const block = priceBlock(matrix, stats, columns, run);
  const calendar = runCalendar(command, matrix, run);
  const { interest, priceLevel } = interestAndPriceLevel(matrix, stats, columns, run, calendar.dayNumber);
  const benchmark = benchmarkSeries(matrix, columns.benchmarkColumn, run);
  const { rebalance, contribution } = command.options;
  return {
    tickers: columns.tickers,
    targets: columns.targets,
    dates: calendar.dates,
    dayNumber: calendar.dayNumber,
    monthKey: calendar.monthKey,
    year: calendar.year,
    prices: block.prices,
    stride: block.stride,
    columns: block.columns,
    rebalanceFlags: calendar.rebalanceFlags,
    bandThreshold: rebalance.kind === 'band' ? rebalance.thresholdPercent / 100 : 0,
    contributionFlags: calendar.contributionFlags,
    contributionAmount: contribution?.amount ?? 0,
    capital: command.options.capital,
    feeRate: command.options.feePercent / 100,
    riskFreeRate: command.options.riskFreePercent / 100,
    benchmark: command.options.benchmark,
    benchmarkReturns: benchmark.returns,
    benchmarkPrices: benchmark.prices,
    periodWarnings: periodWarnings(command, matrix, stats, {
      tickers: columns.tickers,
      columns: columns.sourceColumns,
      benchmarkColumn: columns.benchmarkColumn,
      simulatedStart: run.firstDate,
      simulatedEnd: matrix.dates[run.lastRow],
    }),
    interest,
    priceLevel,
    synthetics,
  };
}

/** The matrix columns a command reads: its positions (not CASH) with their signed targets, benchmark and series. */
interface PlanColumns {
  tickers: string[];
  targets: Float64Array;
  sourceColumns: number[];
  benchmarkColumn: number;
  cashRate: RateOption;
  borrowRate: RateOption;
  inflation: InflationOption | null;
  /** −1 for a constant (or no) option. */
  cashColumn: number;
  borrowColumn: number;
  inflationColumn: number;
}

function planColumns(command: PortfolioCommand, matrix: PriceMatrix): PlanColumns {
  const problems: SimulationProblem[] = [];
  const assetPositions = command.positions.filter((position) => position.ticker !== CASH_TICKER);
  const tickers = assetPositions.map((position) => position.ticker);
  const targets = Float64Array.from(assetPositions, (p) => ((p.side === 'S' ? -1 : 1) * p.weightPercent) / 100);
  const sourceColumns = tickers.map((ticker) => resolveColumn(matrix, ticker, problems));
  const benchmarkColumn =
    command.options.benchmark === null ? -1 : resolveColumn(matrix, command.options.benchmark, problems);
  // Commands stored before cash=, borrow= and inflation= existed have none of them.
  const { cashRate = DEFAULT_RATE, borrowRate = DEFAULT_RATE, inflation = null } = command.options;
  const seriesColumn = (option: RateOption | InflationOption | null) =>
    option === null || option.kind === 'constant' ? -1 : resolveColumn(matrix, option.ticker, problems);
  const cashColumn = seriesColumn(cashRate);
  const borrowColumn = seriesColumn(borrowRate);
  const inflationColumn = seriesColumn(inflation);
  if (problems.length > 0) throw new SimulationError(problems);
  return {
    tickers,
    targets,
    sourceColumns,
    benchmarkColumn,
    cashRate,
    borrowRate,
    inflation,
    cashColumn,
    borrowColumn,
    inflationColumn,
  };
}

/** The run's rows of the matrix: lo..hi, or (when no column covers them all) the rows some position trades on. */
interface RunRows {
  lo: number;
  hi: number;
  /** null: every row lo..hi belongs to the calendar. */
  rows: number[] | null;
  rowCount: number;
  firstRow: number;
  lastRow: number;
  firstDate: string;
}

function runRows(command: PortfolioCommand, matrix: PriceMatrix, stats: ColumnStats, columns: PlanColumns): RunRows {
  const width = matrix.tickers.length;
  const { sourceColumns, benchmarkColumn } = columns;
  // Calendar: the union of the portfolio tickers' trading days between start and end (inclusive).
  const lo = lowerBound(matrix.dates, command.start);
  const hi = lowerBound(matrix.dates, command.end + '\u0000') - 1;
  const rangeColumns = sourceColumns.length > 0 ? sourceColumns : benchmarkColumn >= 0 ? [benchmarkColumn] : [];
  let rows: number[] | null = null;
  const someColumnCoversRange = rangeColumns.some(
    (j) => stats.firstValid[j] <= lo && stats.lastValid[j] >= hi && stats.gaps[j] === 0,
  );
  if (!someColumnCoversRange && rangeColumns.length > 0) {
    rows = [];
    for (let r = lo; r <= hi; r++) {
      if (rangeColumns.some((j) => matrix.values[r * width + j] === matrix.values[r * width + j])) rows.push(r);
    }
  }
  const rowCount = rows === null ? Math.max(0, hi - lo + 1) : rows.length;
  if (rowCount < 2) {
    throw new SimulationError([
      {
        code: 'NO_TRADING_DAYS',
        ticker: null,
        message:
          `the price data has ${rowCount} trading day${rowCount === 1 ? '' : 's'} between ${command.start} and ${command.end}; ` +
          `a simulation needs at least 2 (data covers ${matrix.dates[0] ?? 'nothing'} to ${matrix.dates[matrix.dates.length - 1] ?? 'nothing'})`,
      },
    ]);
  }
  const firstRow = rows === null ? lo : rows[0];
  const lastRow = rows === null ? hi : rows[rows.length - 1];
  return { lo, hi, rows, rowCount, firstRow, lastRow, firstDate: matrix.dates[firstRow] };
}

/** No silent zeros: every ticker needs a real price on or before the first day, and only positive prices. */
function checkPricesAtStart(
  command: PortfolioCommand,
  matrix: PriceMatrix,
  stats: ColumnStats,
  columns: PlanColumns,
  run: RunRows,
): void {
  const problems: SimulationProblem[] = [];
  const { tickers, sourceColumns, benchmarkColumn } = columns;
  const checkStart = (ticker: string, j: number, label: string) => {
    if (stats.firstValid[j] < 0) {
      problems.push({ code: 'NO_PRICE_AT_START', ticker, message: `${label} ${ticker} has no prices at all` });
    } else if (stats.firstValid[j] > run.firstRow) {
      problems.push({
        code: 'NO_PRICE_AT_START',
        ticker,
        message: `${label} ${ticker} has no price on ${run.firstDate}, the first trading day of the simulation; its first available date is ${matrix.dates[stats.firstValid[j]]}`,
      });
    }
  };
  tickers.forEach((ticker, i) => checkStart(ticker, sourceColumns[i], 'ticker'));
  if (benchmarkColumn >= 0) checkStart(command.options.benchmark!, benchmarkColumn, 'benchmark');
  tickers.forEach((ticker, i) => checkPositive(matrix, stats, ticker, sourceColumns[i], run.lastRow, problems));
  if (benchmarkColumn >= 0)
    checkPositive(matrix, stats, command.options.benchmark!, benchmarkColumn, run.lastRow, problems);
  if (problems.length > 0) throw new SimulationError(problems);
}

function checkPositive(
  matrix: PriceMatrix,
  stats: ColumnStats,
  ticker: string,
  j: number,
  lastRow: number,
  problems: SimulationProblem[],
): void {
  if (stats.minPrice[j] > 0) return;
  const width = matrix.tickers.length;
  for (let r = Math.max(0, stats.firstValid[j]); r <= lastRow; r++) {
    const price = matrix.values[r * width + j];
    if (price === price && !(price > 0 && price < Number.POSITIVE_INFINITY)) {
      problems.push({
        code: 'INVALID_PRICE',
        ticker,
        message: `ticker ${ticker} has a non-positive price ${price} on ${matrix.dates[r]}`,
      });
      return;
    }
  }
}

/** A gap-free price block: a view of the matrix when nothing needs carrying forward, else a copy. */
function priceBlock(
  matrix: PriceMatrix,
  stats: ColumnStats,
  { tickers, sourceColumns }: PlanColumns,
  { rows, lo, hi, rowCount, lastRow }: RunRows,
): { prices: Float64Array; stride: number; columns: Int32Array } {
  const width = matrix.tickers.length;
  const needsFill =
    rows !== null ||
    sourceColumns.some((j) => stats.gaps[j] > 0 || stats.lastValid[j] < lastRow || stats.firstValid[j] > lo);
  if (!needsFill) {
    return {
      prices: matrix.values.subarray(lo * width, (hi + 1) * width),
      stride: width,
      columns: Int32Array.from(sourceColumns),
    };
  }
  const stride = Math.max(1, tickers.length);
  const prices = new Float64Array(rowCount * stride);
  sourceColumns.forEach((j, i) => {
    const filled = carriedColumn(matrix, j, rows, lo, rowCount);
    for (let t = 0; t < rowCount; t++) prices[t * stride + i] = filled[t];
  });
  return { prices, stride, columns: Int32Array.from(tickers, (_, i) => i) };
}

/** The run's dates and calendar keys (views of the matrix's when the rows are contiguous) and its event flags. */
function runCalendar(command: PortfolioCommand, matrix: PriceMatrix, { rows, lo, rowCount }: RunRows) {
  const { calendar } = matrix;
  const pick = (source: Int32Array): Int32Array =>
    rows === null ? source.subarray(lo, lo + rowCount) : Int32Array.from(rows, (r) => source[r]);
  const cache = rows === null ? rangeCache(matrix, lo, rowCount) : null;
  const dates = cache ? cache.dates : rows!.map((r) => matrix.dates[r]);

  const { rebalance, contribution } = command.options;
  const periodKeys = (frequency: RebalanceFrequency): Int32Array => {
    const source =
      frequency === 'daily'
        ? calendar.dayNumber
        : frequency === 'weekly'
          ? calendar.weekKey
          : frequency === 'monthly'
            ? calendar.monthKey
            : frequency === 'quarterly'
              ? calendar.quarterKey
              : calendar.year;
    return pick(source);
  };
  const flagsFor = (frequency: RebalanceFrequency): Uint8Array => {
    if (cache === null) return newPeriodFlags(periodKeys(frequency));
    let flags = cache.flags.get(frequency);
    if (!flags) {
      flags = newPeriodFlags(periodKeys(frequency));
      cache.flags.set(frequency, flags);
    }
    return flags;
  };
  return {
    dates,
    dayNumber: pick(calendar.dayNumber),
    monthKey: pick(calendar.monthKey),
    year: pick(calendar.year),
    rebalanceFlags: rebalance.kind === 'periodic' ? flagsFor(rebalance.frequency) : null,
    contributionFlags:
      contribution === null
        ? null
        : newPeriodFlags(
            periodKeys(
              contribution.period === 'month' ? 'monthly' : contribution.period === 'quarter' ? 'quarterly' : 'yearly',
            ),
          ),
  };
}

/**
 * Interest accruals (cash=, borrow=) and the price level (inflation=) on the run's rows: a constant, or a series'
 * last value on or before each row (seeded from before the start); a series without one at the start is refused.
 */
function interestAndPriceLevel(
  matrix: PriceMatrix,
  stats: ColumnStats,
  columns: PlanColumns,
  run: RunRows,
  dayNumber: Int32Array,
): { interest: InterestAccruals | null; priceLevel: Float64Array | null } {
  const problems: SimulationProblem[] = [];
  const { cashRate, borrowRate, inflation } = columns;
  const seriesOnRows = (option: RateOption | InflationOption | null, column: number, label: string) => {
    if (option === null || option.kind === 'constant') return null;
    const values = carriedColumn(matrix, column, run.rows, run.lo, run.rowCount);
    if (!(values[0] === values[0])) {
      problems.push({
        code: 'NO_PRICE_AT_START',
        ticker: option.ticker,
        message:
          `${label} ${option.ticker} has no value on or before ${run.firstDate}, the first trading day of the simulation` +
          (stats.firstValid[column] >= 0 ? `; its first value is on ${matrix.dates[stats.firstValid[column]]}` : ''),
      });
    }
    return values;
  };
  const cashSeries = seriesOnRows(cashRate, columns.cashColumn, 'rate series (cash=)');
  const borrowSeries = seriesOnRows(borrowRate, columns.borrowColumn, 'rate series (borrow=)');
  const inflationSeries = seriesOnRows(inflation, columns.inflationColumn, 'price index (inflation=)');
  if (inflation !== null && inflation.kind === 'index')
    checkPositive(matrix, stats, inflation.ticker, columns.inflationColumn, run.lastRow, problems);
  if (problems.length > 0) throw new SimulationError(problems);
  const annual = (option: RateOption, series: Float64Array | null) =>
    series === null ? (option.kind === 'constant' ? option.percent / 100 : 0) : series.map((percent) => percent / 100);
  return {
    interest: interestAccruals(annual(cashRate, cashSeries), annual(borrowRate, borrowSeries), dayNumber),
    priceLevel:
      inflation === null
        ? null
        : inflation.kind === 'index'
          ? inflationSeries
          : constantPriceLevel(inflation.percent, dayNumber),
  };
}

/** The benchmark's closes (carried forward) and daily returns on the run's rows, or nulls. */
function benchmarkSeries(
  matrix: PriceMatrix,
  benchmarkColumn: number,
  { rows, lo, rowCount }: RunRows,
): { prices: Float64Array | null; returns: Float64Array | null } {
  if (benchmarkColumn < 0) return { prices: null, returns: null };
  const prices = carriedColumn(matrix, benchmarkColumn, rows, lo, rowCount);
  const returns = new Float64Array(rowCount);
  for (let t = 1; t < rowCount; t++) returns[t] = prices[t] / prices[t - 1] - 1;
  return { prices, returns };
}

const DEFAULT_RATE: RateOption = { kind: 'constant', percent: 0 };

/** Calendar days a year over which a constant inflation rate compounds (the mean Gregorian year, nearly). */
export const INFLATION_DAYS_PER_YEAR = 365.25;

/** The price level of a constant annual inflation i: (1 + i)^(calendar days since row 0 / 365.25). */
function constantPriceLevel(percent: number, dayNumber: Int32Array): Float64Array {
  const level = new Float64Array(dayNumber.length);
  for (let t = 0; t < level.length; t++) {
    level[t] = Math.pow(1 + percent / 100, (dayNumber[t] - dayNumber[0]) / INFLATION_DAYS_PER_YEAR);
  }
  return level;
}

/**
 * More weekdays than this without a price between an asked date and the data means the data does not reach
 * it; one or two are holidays (New Year's Day, Good Friday and Easter Monday), or today's bar not yet published.
 */
const CLOSED_WEEKDAYS_TOLERATED = 2;

const day = isoToDayNumber;

/** Weekdays (Monday to Friday) among day numbers first..last inclusive, counted up to one past the tolerance. */
function closedWeekdays(first: number, last: number): number {
  let count = 0;
  for (let d = first; d <= last && count <= CLOSED_WEEKDAYS_TOLERATED; d++) {
    const weekday = (d + 4) % 7; // day 0, 1970-01-01, was a Thursday; 0 is Sunday
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/**
 * The simulated period against the asked one (docs/command-language.md, "The simulated period"): the run starts
 * later when no portfolio ticker has a price on or before the asked start and more than two weekdays pass before
 * the first one, and ends earlier when every portfolio ticker's prices stop more than two weekdays before the
 * asked end; a ticker or benchmark whose prices stop more than two weekdays before the run's last day has its
 * last price held.
 */
function periodWarnings(
  command: PortfolioCommand,
  matrix: PriceMatrix,
  stats: ColumnStats,
  run: {
    tickers: readonly string[];
    columns: readonly number[];
    benchmarkColumn: number;
    simulatedStart: string;
    simulatedEnd: string;
  },
): SimulationWarning[] {
  const period = {
    askedStart: command.start,
    askedEnd: command.end,
    simulatedStart: run.simulatedStart,
    simulatedEnd: run.simulatedEnd,
  };
  const warnings: SimulationWarning[] = [];
  // A CASH-only portfolio runs on the benchmark's days: the benchmark then sets the period.
  const priced =
    run.tickers.length > 0
      ? run.tickers.map((ticker, i) => ({ ticker, column: run.columns[i] }))
      : run.benchmarkColumn >= 0
        ? [{ ticker: command.options.benchmark!, column: run.benchmarkColumn }]
        : [];
  const firstDate = (column: number) => matrix.dates[stats.firstValid[column]];
  const lastDate = (column: number) => matrix.dates[stats.lastValid[column]];
  const list = (names: string[]) =>
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

  if (priced.length === 0) return warnings;
  if (
    run.simulatedStart > command.start &&
    priced.every(({ column }) => firstDate(column) > command.start) &&
    closedWeekdays(day(command.start), day(run.simulatedStart) - 1) > CLOSED_WEEKDAYS_TOLERATED
  ) {
    const limiting = priced.filter(({ column }) => firstDate(column) === run.simulatedStart).map((p) => p.ticker);
    const names = limiting.length > 0 ? limiting : [priced[0].ticker];
    warnings.push({
      code: 'PERIOD_STARTS_LATER',
      ticker: names[0],
      date: run.simulatedStart,
      ...period,
      message:
        `the prices of ${list(names)} start on ${run.simulatedStart}, after the asked start ${command.start}: ` +
        `the simulation starts on ${run.simulatedStart}`,
    });
  }

  let longest = priced[0];
  for (const one of priced) if (lastDate(one.column) > lastDate(longest.column)) longest = one;
  if (
    lastDate(longest.column) < command.end &&
    run.simulatedEnd < command.end &&
    closedWeekdays(day(run.simulatedEnd) + 1, day(command.end)) > CLOSED_WEEKDAYS_TOLERATED
  ) {
    warnings.push({
      code: 'PERIOD_ENDS_EARLIER',
      ticker: longest.ticker,
      date: run.simulatedEnd,
      ...period,
      message:
        `the prices ${priced.length > 1 ? `of ${longest.ticker} (the longest) ` : `of ${longest.ticker} `}stop on ` +
        `${run.simulatedEnd}, before the asked end ${command.end}: the simulation ends on ${run.simulatedEnd}`,
    });
  }

  const held = [...priced];
  if (run.benchmarkColumn >= 0 && run.tickers.length > 0)
    held.push({ ticker: command.options.benchmark!, column: run.benchmarkColumn });
  for (const { ticker, column } of held) {
    const last = lastDate(column);
    if (last < run.simulatedEnd && closedWeekdays(day(last) + 1, day(run.simulatedEnd)) > CLOSED_WEEKDAYS_TOLERATED) {
      warnings.push({
        code: 'PRICES_END_EARLY',
        ticker,
        date: last,
        ...period,
        message: `${ticker}'s prices stop on ${last}: its last price is held from then to ${run.simulatedEnd}`,
      });
    }
  }
  return warnings;
}

/**
 * Per matrix and contiguous row range: the dates and the new-period flags, shared (read-only)
 * by every plan on that range, so repeated simulations do not rebuild the calendar.
 */
interface RangeCache {
  dates: readonly string[];
  flags: Map<RebalanceFrequency, Uint8Array>;
}
const rangeCaches = new WeakMap<PriceMatrix, Map<string, RangeCache>>();
const MAX_RANGES_PER_MATRIX = 64;

function rangeCache(matrix: PriceMatrix, lo: number, rowCount: number): RangeCache {
  let ranges = rangeCaches.get(matrix);
  if (!ranges) {
    ranges = new Map();
    rangeCaches.set(matrix, ranges);
  }
  const key = `${lo}:${rowCount}`;
  let cache = ranges.get(key);
  if (!cache) {
    if (ranges.size >= MAX_RANGES_PER_MATRIX) ranges.clear();
    cache = { dates: Object.freeze(matrix.dates.slice(lo, lo + rowCount)), flags: new Map() };
    ranges.set(key, cache);
  }
  return cache;
}

function resolveColumn(matrix: PriceMatrix, ticker: string, problems: SimulationProblem[]): number {
  const column = matrix.tickerIndex.get(ticker);
  if (column !== undefined) return column;
  const nearest = nearestName(ticker, matrix.tickers);
  problems.push({
    code: 'UNKNOWN_TICKER',
    ticker,
    message: `ticker ${ticker} is not in the price data${nearest ? ` (did you mean ${nearest}?)` : ''}`,
  });
  return -1;
}

/** One column on the run's rows with the last price carried forward (seeded from before the start). */
function carriedColumn(
  matrix: PriceMatrix,
  column: number,
  rows: number[] | null,
  lo: number,
  rowCount: number,
): Float64Array {
  const width = matrix.tickers.length;
  const out = new Float64Array(rowCount);
  const first = rows === null ? lo : rows[0];
  let last = Number.NaN;
  for (let r = first; r >= 0 && last !== last; r--) last = matrix.values[r * width + column];
  for (let t = 0; t < rowCount; t++) {
    const price = matrix.values[(rows === null ? lo + t : rows[t]) * width + column];
    if (price === price) last = price;
    out[t] = last;
  }
  return out;
}

function newPeriodFlags(keys: Int32Array): Uint8Array {
  const flags = new Uint8Array(keys.length);
  for (let t = 1; t < keys.length; t++) if (keys[t] !== keys[t - 1]) flags[t] = 1;
  return flags;
}
