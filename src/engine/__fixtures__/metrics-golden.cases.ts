import reference from './quantstats-reference.json';
import { samplePrices } from './sample-prices.fixture';
import { sampleReturns, sampleRows } from './sample-returns.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { MetricsInput } from '../metrics/metrics.calculator';
import { buildSimulationPlan } from '../simulation/simulation-plan';
import { simulatePlan } from '../simulation/portfolio.simulator';

/**
 * The inputs of the metrics golden file (metrics-golden.json, checked by
 * src/engine/metrics/metrics-golden.spec.ts): every QuantStats reference portfolio as the simulator hands it to
 * `computeMetrics` (and its benchmark's own metrics), raw price returns of every sample ticker, and seeded
 * synthetic series for the edges (a few returns, constant, depleted, no drawdown, ties, one huge gain).
 * Synthetic series use only + − × ÷ on a 32-bit generator, so they are the same bits on any machine.
 */
export interface MetricsGoldenCase {
  name: string;
  input: MetricsInput;
}

export function metricsGoldenCases(): MetricsGoldenCase[] {
  return [...referencePortfolioCases(), ...priceReturnCases(), ...syntheticCases()];
}

function referencePortfolioCases(): MetricsGoldenCase[] {
  const cases: MetricsGoldenCase[] = [];
  for (const portfolio of reference.portfolios) {
    const { command } = parseCommandOrThrow(portfolio.command);
    const plan = buildSimulationPlan(command, samplePrices());
    const { dailyReturn } = simulatePlan(command, plan);
    const calendar = { dates: plan.dates, dayNumber: plan.dayNumber, monthKey: plan.monthKey, year: plan.year };
    cases.push({
      name: `portfolio: ${portfolio.name}`,
      input: {
        ...calendar,
        returns: dailyReturn,
        riskFreeRate: plan.riskFreeRate,
        benchmarkReturns: plan.benchmarkReturns,
        benchmarkTicker: plan.benchmark,
      },
    });
    if (plan.benchmarkReturns !== null) {
      cases.push({
        name: `portfolio's benchmark: ${portfolio.name}`,
        input: { ...calendar, returns: plan.benchmarkReturns, riskFreeRate: plan.riskFreeRate },
      });
    }
  }
  return cases;
}

function calendarOf(start: string, end: string): Omit<MetricsInput, 'returns' | 'riskFreeRate'> {
  const { calendar } = samplePrices();
  const { first, last, dates } = sampleRows(start, end);
  return {
    dates,
    dayNumber: calendar.dayNumber.subarray(first, last + 1),
    monthKey: calendar.monthKey.subarray(first, last + 1),
    year: calendar.year.subarray(first, last + 1),
  };
}

/** Every sample ticker's price returns, 1990–2022, against the S&P 500 (rf 0 and 3% in turn), and two short spans. */
function priceReturnCases(): MetricsGoldenCase[] {
  const start = '1990-01-01';
  const end = '2022-12-31';
  const calendar = calendarOf(start, end);
  const benchmark = sampleReturns('^GSPC', start, end);
  const cases: MetricsGoldenCase[] = samplePrices().tickers.map((ticker, i) => ({
    name: `price returns: ${ticker} 1990–2022${ticker === '^GSPC' ? '' : ' vs ^GSPC'}`,
    input: {
      ...calendar,
      returns: sampleReturns(ticker, start, end),
      riskFreeRate: i % 2 === 0 ? 0 : 0.03,
      benchmarkReturns: ticker === '^GSPC' ? null : benchmark,
      benchmarkTicker: ticker === '^GSPC' ? null : '^GSPC',
    },
  }));
  for (const series of reference.returnSeries) {
    cases.push({
      name: `price returns: ${series.name}`,
      input: {
        ...calendarOf(series.start, series.end),
        returns: sampleReturns(series.ticker, series.start, series.end),
        riskFreeRate: series.rf,
        benchmarkReturns: series.benchmark ? sampleReturns(series.benchmark, series.start, series.end) : null,
        benchmarkTicker: series.benchmark,
      },
    });
  }
  cases.push({
    name: 'price returns: RRC, stale 1990–1992 prices (many zero days)',
    input: {
      ...calendarOf('1990-01-01', '1992-12-31'),
      returns: sampleReturns('RRC', '1990-01-01', '1992-12-31'),
      riskFreeRate: 0,
    },
  });
  return cases;
}

/** mulberry32: a 32-bit generator of uniforms in [0, 1), integer arithmetic only. */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal (Irwin–Hall, 12 uniforms): mean 0, standard deviation 1. */
function normals(seed: number): () => number {
  const uniform = uniforms(seed);
  return () => {
    let sum = -6;
    for (let i = 0; i < 12; i++) sum += uniform();
    return sum;
  };
}

/** A row layout of `count` returns on the sample calendar from 1995 (row 0 is the start, no return). */
function syntheticCase(
  name: string,
  values: readonly number[],
  options: { riskFreeRate?: number; benchmark?: readonly number[] } = {},
): MetricsGoldenCase {
  const { dates, dayNumber, monthKey, year } = calendarOf('1995-01-01', '2022-12-31');
  const rows = values.length + 1;
  const returns = new Float64Array(rows);
  returns.set(values, 1);
  let benchmarkReturns: Float64Array | null = null;
  if (options.benchmark) {
    benchmarkReturns = new Float64Array(rows);
    benchmarkReturns.set(options.benchmark, 1);
  }
  return {
    name: `synthetic: ${name}`,
    input: {
      dates: dates.slice(0, rows),
      dayNumber: dayNumber.subarray(0, rows),
      monthKey: monthKey.subarray(0, rows),
      year: year.subarray(0, rows),
      returns,
      riskFreeRate: options.riskFreeRate ?? 0,
      benchmarkReturns,
      benchmarkTicker: benchmarkReturns ? 'BENCH' : null,
    },
  };
}

function syntheticCases(): MetricsGoldenCase[] {
  const series = (count: number, draw: () => number) => Array.from({ length: count }, draw);
  const normal = normals(1);
  const market = series(2520, () => 0.0004 + 0.011 * normal());
  const correlated = market.map((b) => 0.0002 + 1.3 * b + 0.008 * normal());
  const uniform = uniforms(2);
  // Heavy tails: a ratio of uniforms (Cauchy-like), clipped above −100%.
  const heavy = series(5000, () => Math.max(-0.6, 0.0005 + (0.002 * (uniform() - 0.5)) / (uniform() + 0.01)));
  const steps = [-0.02, -0.01, 0, 0.01, 0.02];
  const ties = series(1500, () => steps[Math.floor(uniform() * steps.length)]);
  const depleted = [...series(700, () => 0.0003 + 0.02 * normal()), -1, ...series(300, () => 0)];
  const lossesThenGain = [...series(99, () => -0.001 - uniform() * 1e-4), 5];
  return [
    syntheticCase('normal, 10 years, correlated with a benchmark, rf 2%', correlated, {
      riskFreeRate: 0.02,
      benchmark: market,
    }),
    syntheticCase('heavy tails, 20 years', heavy),
    syntheticCase('heavy tails against a benchmark that is flat half the time', heavy.slice(0, 1000), {
      benchmark: series(1000, () => (uniform() < 0.5 ? 0 : 0.01 * normal())),
    }),
    syntheticCase('five return values, many ties', ties, { riskFreeRate: 0.01 }),
    syntheticCase('depleted: a −100% day, then zeros', depleted, { benchmark: market.slice(0, 1001) }),
    syntheticCase('99 small losses and one huge gain (selection falls back to all returns)', lossesThenGain),
    syntheticCase(
      'only gains: no drawdown',
      series(300, () => 0.001 + 0.01 * uniform()),
    ),
    syntheticCase(
      'only losses: under water from day one, never recovered',
      series(300, () => -0.01 * uniform()),
    ),
    syntheticCase(
      'constant 0.1% a day against a constant benchmark',
      series(500, () => 0.001),
      {
        benchmark: series(500, () => 0.0005),
      },
    ),
    syntheticCase(
      'all zero (cash)',
      series(50, () => 0),
      { riskFreeRate: 0.05 },
    ),
    syntheticCase('one return', [0.01]),
    syntheticCase('two returns', [-0.01, 0.02], { benchmark: [0.005, 0.01] }),
    syntheticCase('three returns', [0.01, -0.02, 0.005], { riskFreeRate: 0.03 }),
    syntheticCase('four returns', [0.01, -0.02, 0.005, 0.03], { benchmark: [-0.01, 0.02, 0.01, -0.005] }),
    syntheticCase(
      'twenty returns: a drawdown recovered, then a deeper one',
      [
        0.01, -0.02, -0.01, 0.035, 0.01, -0.05, -0.02, 0.01, 0.03, 0.04, 0.01, -0.01, 0.002, -0.003, 0.02, -0.04, 0.01,
        0.01, 0.02, 0.001,
      ],
    ),
  ];
}

/** FNV-1a over the bits of a series: the golden file records which inputs its numbers belong to. */
export function fingerprint(values: Float64Array | null | undefined): string {
  if (!values) return 'none';
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    hash ^= words[i];
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${values.length}:${hash.toString(16).padStart(8, '0')}`;
}

/** A metric as JSON holds it: numbers exactly (shortest round trip), NaN and ±Infinity as strings. */
export type GoldenValue = number | string | null | 'NaN' | 'Infinity' | '-Infinity';

export function toGolden(value: unknown): GoldenValue {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value) as GoldenValue;
  return value as GoldenValue;
}

export function fromGolden(value: GoldenValue): number | string | null {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}
