import { AnalysisError, requireInteger, requireNumber } from './analysis.errors';
import { quantilesInPlace } from './quantile-selection';
import { rejectionThreshold, SeededRandom, uniformBelow } from './seeded-random';

export type CashFlowPeriod = 'month' | 'quarter' | 'year';

/** Money in or out at the end of each period, after that month's return. Negative amounts and rates withdraw. */
export type ProjectionCashFlow =
  | {
      kind: 'amount';
      /** Signed amount per period (−4000: withdraw 4,000). */
      amount: number;
      period: CashFlowPeriod;
      /** Grow the amount with inflation: amount × (1 + inflationRate)^(month / 12). */
      inflationIndexed?: boolean;
    }
  | {
      kind: 'percent';
      /** Signed fraction of the value at the time (−0.04: withdraw 4 % of it). */
      rate: number;
      period: CashFlowPeriod;
    };

export type ResamplingMethod = 'monthly' | 'block';

export interface ProjectionOptions {
  /** Number of simulated paths, 1 to 10,000. */
  paths: number;
  /** Horizon in whole years, 1 to 50. */
  years: number;
  /** Any integer from 0 to 2^32 − 1: the same seed and options give the same projection. */
  seed: number;
  /** `monthly`: each month drawn independently; `block`: runs of `blockMonths` consecutive months (circular). */
  method: ResamplingMethod;
  /** Block length in months for `block` (1 to 120, at most the history's length); default 12. */
  blockMonths?: number;
  /** Value at month 0 (0.01 to 1e12): usually the backtest's final value. */
  initialValue: number;
  cashFlow?: ProjectionCashFlow | null;
  /** Annual inflation rate (fraction, −0.05 to 0.5) for indexed amounts; default 0. */
  inflationRate?: number;
  /** Value for `probabilityAboveTarget`; default the initial value. */
  targetValue?: number;
  /** How the highest sustainable withdrawal is sought; default: see `SustainableWithdrawal`. */
  withdrawalSearch?: { period: CashFlowPeriod; inflationIndexed: boolean };
}

export const PROJECTION_LIMITS = Object.freeze({
  maxPaths: 10_000,
  maxYears: 50,
  minHistoryMonths: 12,
  maxBlockMonths: 120,
  maxValue: 1e12,
  minInflationRate: -0.05,
  maxInflationRate: 0.5,
});

/** The percentiles of every band and distribution. */
export const PROJECTION_PERCENTILES: readonly number[] = Object.freeze([5, 10, 25, 50, 75, 90, 95]);
const HISTOGRAM_BINS = 40;
const PERIOD_MONTHS: Record<CashFlowPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** A distribution over the paths: percentiles (of PROJECTION_PERCENTILES), mean, extremes and a histogram. */
export interface ProjectionDistribution {
  /** One value per entry of PROJECTION_PERCENTILES (linear interpolation between paths). */
  percentiles: Float64Array;
  mean: number;
  min: number;
  max: number;
  /**
   * `bins` equal bins from the 1st to the 99th percentile (`lower`, `upper`); paths outside that
   * range are counted in `below` and `above`. All in one bin when the two are equal.
   */
  histogram: { lower: number; upper: number; counts: Int32Array; below: number; above: number };
}

/**
 * The highest fixed withdrawal per period that leaves a path's value above zero to the horizon in
 * 90 % (95 %) of the paths, on the same resampled returns; any smaller withdrawal succeeds in at
 * least that share, this one (the boundary) just fails. It replaces the configured cash flow. By
 * default it uses the cash flow's period and indexing when that is an amount; otherwise yearly,
 * inflation-indexed when the inflation rate is not 0.
 */
export interface SustainableWithdrawal {
  period: CashFlowPeriod;
  inflationIndexed: boolean;
  /** First-period amount (indexed amounts then grow with inflation). */
  success90: number;
  success95: number;
  /** The same per year, as a fraction of the initial value (the "withdrawal rate"). */
  annualRate90: number;
  annualRate95: number;
}

export interface MonteCarloProjection {
  paths: number;
  years: number;
  months: number;
  seed: number;
  method: ResamplingMethod;
  /** 1 for `monthly`. */
  blockMonths: number;
  historyMonths: number;
  initialValue: number;
  targetValue: number;
  inflationRate: number;
  percentiles: readonly number[];
  /** For each percentile, the value at each month 0..months (month 0 is the initial value). */
  valueBands: { percentile: number; values: Float64Array }[];
  finalValue: ProjectionDistribution;
  /** Annualised time-weighted return of each path's sampled returns (cash flows excluded). */
  cagr: ProjectionDistribution;
  /** Deepest fall of each path's time-weighted equity, month-end to month-end (≤ 0). */
  maxDrawdown: ProjectionDistribution;
  /** Share of paths whose final value is above 0. */
  probabilityPositive: number;
  /** Share of paths whose final value is above the target. */
  probabilityAboveTarget: number;
  /** Paths whose value reached 0 (a withdrawal took everything) before the horizon. */
  depletedPaths: number;
  sustainableWithdrawal: SustainableWithdrawal;
}

interface ValidatedOptions {
  paths: number;
  years: number;
  months: number;
  seed: number;
  method: ResamplingMethod;
  blockMonths: number;
  initialValue: number;
  cashFlow: ProjectionCashFlow | null;
  inflationRate: number;
  targetValue: number;
  search: { period: CashFlowPeriod; inflationIndexed: boolean };
}

/**
 * Monte Carlo projection by resampling a portfolio's own monthly returns (see docs/projections.md).
 * Paths advance together, month by month, in typed arrays: month m draws each path's return (a
 * fresh uniform month, or the next month of its current circular block), compounds the value and
 * the time-weighted equity, applies the cash flow when due, then the month's percentile band is
 * selected across paths. No path is kept whole: memory is O(paths), time O(paths × months).
 *
 * The sustainable withdrawal needs no search: with V_m = V_{m−1}(1 + R_m) − W c_m on due months
 * (c_m the indexation factor) and G_m the path's growth, V_m / G_m = V_0 − W Σ_{j≤m} c_j / G_j,
 * so the path survives every month iff W < V_0 / Σ_{due j} c_j / G_j. The answer for a success
 * share s is that bound's order statistic across paths — exact, and monotone in W by construction.
 */
export function projectMonteCarlo(history: Float64Array, options: ProjectionOptions): MonteCarloProjection {
  const steps = projectMonteCarloSteps(history, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Checks a projection's options against its history without running it: the AnalysisError
 * projectMonteCarlo would throw, up front (an API answers 4xx before queueing the work).
 */
export function validateProjection(history: Float64Array, options: ProjectionOptions): void {
  validate(history, options);
}

/**
 * projectMonteCarlo one month at a time: yields the number of months done after each simulated
 * month and returns the projection, identical to projectMonteCarlo's. A caller on an event loop
 * drives it in slices (a few milliseconds each) so other work runs between them.
 */
export function* projectMonteCarloSteps(
  history: Float64Array,
  options: ProjectionOptions,
): Generator<number, MonteCarloProjection, void> {
  const settings = validate(history, options);
  const { paths, months, seed, blockMonths, initialValue, cashFlow, inflationRate } = settings;
  const historyMonths = history.length;
  const random = new SeededRandom(seed);

  const value = new Float64Array(paths).fill(initialValue);
  const growth = new Float64Array(paths).fill(1);
  const peak = new Float64Array(paths).fill(1);
  const worst = new Float64Array(paths).fill(1);
  const discountedWithdrawals = new Float64Array(paths);
  const blockPosition = new Int32Array(paths);
  const blockLeft = new Int32Array(paths);
  const scratch = new Float64Array(paths);
  const draws = new Uint32Array(paths);
  const threshold = rejectionThreshold(historyMonths);
  const levels = PROJECTION_PERCENTILES.map((p) => p / 100);
  const bandValues = PROJECTION_PERCENTILES.map(() => new Float64Array(months + 1));
  bandValues.forEach((band) => (band[0] = initialValue));
  const bandRow = new Float64Array(levels.length);

  const flowMonths = cashFlow === null ? 0 : PERIOD_MONTHS[cashFlow.period];
  const searchMonths = PERIOD_MONTHS[settings.search.period];
  const monthlyInflation = Math.pow(1 + inflationRate, 1 / 12);
  let inflationFactor = 1;

  for (let m = 1; m <= months; m++) {
    inflationFactor *= monthlyInflation;
    const flowDue = flowMonths > 0 && m % flowMonths === 0;
    let flowAmount = 0;
    let flowRate = 0;
    if (flowDue && cashFlow !== null) {
      if (cashFlow.kind === 'amount') flowAmount = cashFlow.amount * (cashFlow.inflationIndexed ? inflationFactor : 1);
      else flowRate = cashFlow.rate;
    }
    const searchWeight = m % searchMonths === 0 ? (settings.search.inflationIndexed ? inflationFactor : 1) : 0;

    // One draw per path and month, used when the path starts a block (every month when blocks are 1 long).
    random.fillUint32(draws, paths);
    for (let p = 0; p < paths; p++) {
      let index: number;
      if (blockMonths === 1) {
        index = uniformBelow(draws[p], historyMonths, threshold, random);
      } else {
        if (blockLeft[p] === 0) {
          blockPosition[p] = uniformBelow(draws[p], historyMonths, threshold, random);
          blockLeft[p] = blockMonths;
        }
        index = blockPosition[p];
        blockPosition[p] = index + 1 === historyMonths ? 0 : index + 1;
        blockLeft[p]--;
      }
      const factor = 1 + history[index];

      const g = growth[p] * factor;
      growth[p] = g;
      if (g > peak[p]) peak[p] = g;
      else {
        const ratio = g / peak[p];
        if (ratio < worst[p]) worst[p] = ratio;
      }
      if (searchWeight !== 0) discountedWithdrawals[p] += searchWeight / g;

      let v = value[p];
      if (v > 0) {
        v *= factor;
        if (flowDue) {
          v += flowAmount + flowRate * v;
          if (v <= 0) v = 0;
        }
        value[p] = v;
      }
      scratch[p] = v;
    }

    quantilesInPlace(scratch, paths, levels, bandRow);
    for (let k = 0; k < levels.length; k++) bandValues[k][m] = bandRow[k];
    yield m;
  }

  const valueBands = PROJECTION_PERCENTILES.map((percentile, k) => ({ percentile, values: bandValues[k] }));
  const projection = summarise(settings, historyMonths, valueBands, value, growth, worst, discountedWithdrawals);
  assertFinite(projection);
  return projection;
}

function summarise(
  settings: ValidatedOptions,
  historyMonths: number,
  valueBands: MonteCarloProjection['valueBands'],
  value: Float64Array,
  growth: Float64Array,
  worst: Float64Array,
  discountedWithdrawals: Float64Array,
): MonteCarloProjection {
  const { paths, years, initialValue, targetValue } = settings;
  let positive = 0;
  let aboveTarget = 0;
  for (let p = 0; p < paths; p++) {
    if (value[p] > 0) positive++;
    if (value[p] > targetValue) aboveTarget++;
  }
  const cagr = new Float64Array(paths);
  const maxDrawdown = new Float64Array(paths);
  const bound = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    cagr[p] = Math.pow(growth[p], 1 / years) - 1;
    maxDrawdown[p] = worst[p] - 1;
    bound[p] = initialValue / discountedWithdrawals[p];
  }
  const success90 = sustainableAmount(bound, 0.9);
  const success95 = sustainableAmount(bound, 0.95);
  const perYear = 12 / PERIOD_MONTHS[settings.search.period];
  return {
    paths,
    years,
    months: settings.months,
    seed: settings.seed,
    method: settings.method,
    blockMonths: settings.blockMonths,
    historyMonths,
    initialValue,
    targetValue,
    inflationRate: settings.inflationRate,
    percentiles: PROJECTION_PERCENTILES,
    valueBands,
    finalValue: distribution(Float64Array.from(value)),
    cagr: distribution(cagr),
    maxDrawdown: distribution(maxDrawdown),
    probabilityPositive: positive / paths,
    probabilityAboveTarget: aboveTarget / paths,
    // Returns above −100 % keep a value positive: only a withdrawal takes it to 0.
    depletedPaths: paths - positive,
    sustainableWithdrawal: {
      ...settings.search,
      success90,
      success95,
      annualRate90: (success90 * perYear) / initialValue,
      annualRate95: (success95 * perYear) / initialValue,
    },
  };
}

/** The supremum of W with at least ⌈share × paths⌉ paths whose bound exceeds W: that many-th largest bound. */
function sustainableAmount(bounds: Float64Array, share: number): number {
  const needed = Math.ceil(share * bounds.length - 1e-9);
  const sorted = Float64Array.from(bounds).sort();
  return sorted[bounds.length - needed];
}

function distribution(values: Float64Array): ProjectionDistribution {
  const count = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const levels = [0.01, ...PROJECTION_PERCENTILES.map((p) => p / 100), 0.99];
  const quantiles = new Float64Array(levels.length);
  const scratch = Float64Array.from(values);
  quantilesInPlace(scratch, count, levels, quantiles);
  const lower = quantiles[0];
  const upper = quantiles[levels.length - 1];
  const counts = new Int32Array(HISTOGRAM_BINS);
  let below = 0;
  let above = 0;
  const width = (upper - lower) / HISTOGRAM_BINS;
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (v < lower) below++;
    else if (v > upper) above++;
    else counts[width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((v - lower) / width)) : 0]++;
  }
  return {
    percentiles: quantiles.slice(1, levels.length - 1),
    mean: sum / count,
    min,
    max,
    histogram: { lower, upper, counts, below, above },
  };
}

function validate(history: Float64Array, options: ProjectionOptions): ValidatedOptions {
  if (history.length < PROJECTION_LIMITS.minHistoryMonths) {
    throw new AnalysisError(
      'INSUFFICIENT_HISTORY',
      'history',
      `a projection needs at least ${PROJECTION_LIMITS.minHistoryMonths} complete months of history, this one has ${history.length}`,
    );
  }
  for (let i = 0; i < history.length; i++) {
    if (!Number.isFinite(history[i]) || history[i] <= -1) {
      throw new AnalysisError(
        'INSUFFICIENT_HISTORY',
        'history',
        `month ${i + 1} of the history has a return of ${history[i]}: a loss of 100 % or more cannot be resampled`,
      );
    }
  }
  const paths = requireInteger('paths', options.paths, 1, PROJECTION_LIMITS.maxPaths);
  const years = requireInteger('years', options.years, 1, PROJECTION_LIMITS.maxYears);
  const seed = requireInteger('seed', options.seed, 0, 4294967295);
  if (options.method !== 'monthly' && options.method !== 'block') {
    throw new AnalysisError(
      'INVALID_OPTION',
      'method',
      `method must be monthly or block, got ${String(options.method)}`,
    );
  }
  const blockMonths =
    options.method === 'monthly'
      ? 1
      : requireInteger(
          'blockMonths',
          options.blockMonths ?? Math.min(12, history.length),
          1,
          Math.min(PROJECTION_LIMITS.maxBlockMonths, history.length),
        );
  const initialValue = requireNumber(
    'initialValue',
    options.initialValue,
    Number.MIN_VALUE,
    PROJECTION_LIMITS.maxValue,
  );
  const inflationRate = requireNumber(
    'inflationRate',
    options.inflationRate ?? 0,
    PROJECTION_LIMITS.minInflationRate,
    PROJECTION_LIMITS.maxInflationRate,
  );
  const targetValue = requireNumber('targetValue', options.targetValue ?? initialValue, 0, PROJECTION_LIMITS.maxValue);
  const cashFlow = options.cashFlow ?? null;
  if (cashFlow !== null) validateCashFlow(cashFlow);
  const search = options.withdrawalSearch ?? defaultSearch(cashFlow, inflationRate);
  validatePeriod('withdrawalSearch.period', search.period);
  return {
    paths,
    years,
    months: years * 12,
    seed,
    method: options.method,
    blockMonths,
    initialValue,
    cashFlow,
    inflationRate,
    targetValue,
    search: { period: search.period, inflationIndexed: search.inflationIndexed === true },
  };
}

function validateCashFlow(cashFlow: ProjectionCashFlow): void {
  validatePeriod('cashFlow.period', cashFlow.period);
  if (cashFlow.kind === 'amount') {
    requireNumber('cashFlow.amount', cashFlow.amount, -PROJECTION_LIMITS.maxValue, PROJECTION_LIMITS.maxValue);
  } else if (cashFlow.kind === 'percent') {
    requireNumber('cashFlow.rate', cashFlow.rate, -1, 1);
  } else {
    throw new AnalysisError('INVALID_OPTION', 'cashFlow.kind', 'cashFlow.kind must be amount or percent');
  }
}

function validatePeriod(field: string, period: CashFlowPeriod): void {
  if (!(period in PERIOD_MONTHS)) {
    throw new AnalysisError('INVALID_OPTION', field, `${field} must be month, quarter or year, got ${String(period)}`);
  }
}

function defaultSearch(
  cashFlow: ProjectionCashFlow | null,
  inflationRate: number,
): { period: CashFlowPeriod; inflationIndexed: boolean } {
  if (cashFlow?.kind === 'amount')
    return { period: cashFlow.period, inflationIndexed: cashFlow.inflationIndexed === true };
  return { period: 'year', inflationIndexed: inflationRate !== 0 };
}

/** Compounding absurd returns over decades could overflow: say so rather than hand out Infinity. */
function assertFinite(projection: MonteCarloProjection): void {
  const numbers: number[] = [
    projection.probabilityPositive,
    projection.sustainableWithdrawal.success90,
    projection.sustainableWithdrawal.success95,
    projection.sustainableWithdrawal.annualRate90,
    projection.sustainableWithdrawal.annualRate95,
  ];
  for (const d of [projection.finalValue, projection.cagr, projection.maxDrawdown]) {
    numbers.push(d.mean, d.min, d.max, d.histogram.lower, d.histogram.upper, ...d.percentiles);
  }
  for (const band of projection.valueBands) numbers.push(band.values[band.values.length - 1]);
  if (!numbers.every(Number.isFinite)) {
    throw new AnalysisError(
      'INSUFFICIENT_HISTORY',
      'history',
      'the projection overflowed: the history compounds beyond the largest representable value over this horizon',
    );
  }
}
