import { commandSeriesNeeds } from '../command/command-series';
import { parseCommand } from '../command/command.parser';
import type { CommandError } from '../command/command.errors';
import type { PortfolioCommand } from '../command/command.types';
import { mergePriceSeries, PriceMatrix, PriceSeries } from '../market/price-matrix';
import type { PriceSeriesColumns } from '../market/price-series.codec';
import { isoOfDay, simulationSeries } from '../market/simulation-prices';
import { isoToDayNumber } from '../market/trading-calendar';
import type { PerformanceMetrics } from '../metrics/metrics.types';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { SimulationError } from '../simulation/simulation.errors';
import type { SimulationWarning } from '../simulation/simulation.types';

/**
 * The live preview's engine (the dashboard runs it in a Web Worker): commands as typed, simulated over price series
 * already in hand, exactly as the server runs them — the same series in the same order (commandSeriesNeeds), the same
 * rows of each series with the look-back (simulationSeries), merged by mergePriceSeries, then simulatePortfolio —
 * so its numbers are the server's numbers. Pure and synchronous; it keeps the series it was given and the last few
 * price matrices, both bounded, so a change of weights or options reuses the matrix and typing allocates little.
 */

/** What the preview shows of one command. */
export interface PreviewResult {
  canonical: string;
  command: PortfolioCommand;
  metrics: PerformanceMetrics;
  benchmarkMetrics: PerformanceMetrics | null;
  initialCapital: number;
  finalValue: number;
  totalFees: number;
  netContributions: number;
  moneyWeightedReturn: number | null;
  depletedOn: string | null;
  simulatedStart: string;
  simulatedEnd: string;
  warnings: SimulationWarning[];
  /** Where each ticker's prices came from and what they measure. */
  dataSources: { ticker: string; source: string; kind: string }[];
  /** The run's days as day numbers (days since 1970-01-01), and the daily series on them (compact copies). */
  days: Int32Array;
  nav: Float64Array;
  drawdown: Float64Array;
  /** The benchmark's value with the portfolio's cash flows, or null without a benchmark. */
  benchmarkValue: Float64Array | null;
}

export type PreviewOutcome =
  | { status: 'empty' }
  /** The command does not parse: the parser's errors (the editor shows them). */
  | { status: 'invalid'; errors: CommandError[] }
  /** Prices of these tickers are not in the session yet. */
  | { status: 'missing'; tickers: string[] }
  /** The command parses but cannot run on these prices: the reason the server would give. */
  | { status: 'failed'; code: string; message: string }
  | { status: 'ok'; result: PreviewResult };

export interface PreviewSessionLimits {
  /** Series kept (least recently used dropped first); a dropped one is asked for again as missing. */
  maxSeries: number;
  /** Price matrices kept, one per set of tickers and dates (several lines of a comparison). */
  maxMatrices: number;
}

/**
 * 128 series (a command has at most 50 positions and a benchmark) of up to ~100 KB decoded each for 33 years, and
 * four matrices (1.4 MB for 21 tickers × 33 years): a bound of about 20 MB however long people type.
 */
export const DEFAULT_PREVIEW_LIMITS: Readonly<PreviewSessionLimits> = Object.freeze({ maxSeries: 128, maxMatrices: 4 });

interface HeldSeries {
  columns: PriceSeriesColumns;
  /** Changes whenever the series is replaced: matrices built from an older one are not reused. */
  version: number;
}

interface HeldMatrix {
  matrix: PriceMatrix;
  versions: number[];
}

export class PreviewSession {
  private readonly series = new Map<string, HeldSeries>();
  private readonly matrices = new Map<string, HeldMatrix>();
  private nextVersion = 1;

  constructor(private readonly limits: PreviewSessionLimits = DEFAULT_PREVIEW_LIMITS) {}

  /** Adds or replaces a ticker's whole series (as served by GET /assets/{ticker}/prices?format=binary). */
  addSeries(columns: PriceSeriesColumns): void {
    const ticker = columns.ticker.toUpperCase();
    this.series.delete(ticker);
    this.series.set(ticker, { columns, version: this.nextVersion++ });
    while (this.series.size > this.limits.maxSeries) this.series.delete(this.series.keys().next().value as string);
  }

  hasSeries(ticker: string): boolean {
    return this.series.has(ticker.toUpperCase());
  }

  /** The tickers held, least recently used first. */
  heldTickers(): string[] {
    return [...this.series.keys()];
  }

  /** Simulates a command as typed. Never throws for any text or any prices: the outcome says what happened. */
  run(text: string): PreviewOutcome {
    if (text.trim() === '') return { status: 'empty' };
    const parsed = parseCommand(text);
    if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
    const command = parsed.command;
    const { load: tickers, mayBeEmpty } = commandSeriesNeeds(command);
    const missing = tickers.filter((ticker) => !this.series.has(ticker));
    if (missing.length > 0) return { status: 'missing', tickers: missing };
    const held = tickers.map((ticker) => this.touch(ticker));
    const matrix = this.matrixFor(tickers, held, command.start, command.end, mayBeEmpty);
    if (!('dates' in matrix)) return matrix;
    try {
      return { status: 'ok', result: this.simulate(command, parsed.canonical, matrix, held) };
    } catch (error) {
      if (error instanceof SimulationError) {
        return {
          status: 'failed',
          code: error.problems[0]?.code ?? 'INVALID_INPUT',
          message: error.problems.map((problem) => problem.message).join('; '),
        };
      }
      throw error;
    }
  }

  private touch(ticker: string): HeldSeries {
    const held = this.series.get(ticker) as HeldSeries;
    this.series.delete(ticker);
    this.series.set(ticker, held);
    return held;
  }

  /** The server's matrix for these tickers and dates, built once per set of series and kept among the last few. */
  private matrixFor(
    tickers: readonly string[],
    held: readonly HeldSeries[],
    start: string,
    end: string,
    mayBeEmpty: readonly string[],
  ): PriceMatrix | { status: 'failed'; code: string; message: string } {
    const key = `${tickers.join(' ')}|${start}|${end}|${mayBeEmpty.join(' ')}`;
    const cached = this.matrices.get(key);
    if (cached && cached.versions.every((version, index) => version === held[index].version)) {
      this.matrices.delete(key);
      this.matrices.set(key, cached);
      return cached.matrix;
    }
    const series: PriceSeries[] = [];
    for (const { columns } of held) {
      const one = simulationSeries(columns.ticker, columns.days, columns.closes, start, end);
      if (one !== null) series.push(one);
      // As the server loads it: an FB= base before its first day is an empty column, its fallback gives the period.
      else if (mayBeEmpty.includes(columns.ticker)) series.push({ ticker: columns.ticker, dates: [], prices: [] });
      else return noPricesInRange(columns, start, end);
    }
    const matrix = mergePriceSeries(series);
    this.matrices.delete(key);
    this.matrices.set(key, { matrix, versions: held.map((one) => one.version) });
    while (this.matrices.size > this.limits.maxMatrices) {
      this.matrices.delete(this.matrices.keys().next().value as string);
    }
    return matrix;
  }

  private simulate(
    command: PortfolioCommand,
    canonical: string,
    matrix: PriceMatrix,
    held: readonly HeldSeries[],
  ): PreviewResult {
    const result = simulatePortfolio(command, matrix);
    const rows = result.dates.length;
    const days = new Int32Array(rows);
    for (let i = 0; i < rows; i++) days[i] = isoToDayNumber(result.dates[i]);
    const benchmark = result.benchmarkRun;
    return {
      canonical,
      command,
      metrics: result.metrics,
      benchmarkMetrics: result.benchmarkMetrics,
      initialCapital: command.options.capital,
      finalValue: result.finalNav,
      totalFees: result.totalFees,
      netContributions: result.netContributions,
      moneyWeightedReturn: result.moneyWeightedReturn,
      depletedOn: result.depletedOn,
      simulatedStart: result.dates[0],
      simulatedEnd: result.dates[rows - 1],
      warnings: [...result.warnings],
      // As the server: a series that gave no price (an FB= base before its first day) is no data source.
      dataSources: held
        .filter(({ columns }) => hasPrices(matrix, columns.ticker))
        .map(({ columns }) => ({
          ticker: columns.ticker,
          source: columns.source,
          kind: columns.kind,
        })),
      days,
      // Copies: the result's arrays are views on larger buffers, which a transfer would move whole.
      nav: result.nav.slice(),
      drawdown: result.drawdown.slice(),
      benchmarkValue: benchmark ? benchmark.nav.slice() : null,
    };
  }
}

function hasPrices(matrix: PriceMatrix, ticker: string): boolean {
  const column = matrix.tickerIndex.get(ticker);
  if (column === undefined) return false;
  const width = matrix.tickers.length;
  for (let r = 0; r < matrix.dates.length; r++)
    if (matrix.values[r * width + column] === matrix.values[r * width + column]) return true;
  return false;
}

/** What the server answers when a ticker has no price in the asked range (PriceRangeUnavailableError). */
function noPricesInRange(
  columns: PriceSeriesColumns,
  start: string,
  end: string,
): { status: 'failed'; code: string; message: string } {
  const { days } = columns;
  const available =
    days.length > 0 ? `available from ${isoOfDay(days[0])} to ${isoOfDay(days[days.length - 1])}` : 'no prices at all';
  return {
    status: 'failed',
    code: 'PRICE_RANGE_UNAVAILABLE',
    message: `${columns.ticker} has no prices from ${start} to ${end} (${columns.source}): ${available}`,
  };
}
