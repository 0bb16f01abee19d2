/**
 * Monthly and annual returns from a daily series, for the heatmap and the annual bars.
 *
 * Input is aligned with the simulation's trading days: index 0 is the start row, which has no return (the
 * engine reports 0 there), so compounding runs over indices 1 … N. Each period's return is Π(1 + r) − 1 over
 * the days it contains; the first and last periods are partial when the run starts or ends inside them.
 * The portfolio uses the API's time-weighted `dailyReturn` (contributions are not gains, and the first return is
 * measured from the capital, as in the metrics); a benchmark uses the returns of its closes.
 */
export interface PeriodReturns {
  /** Calendar years that have at least one daily return, ascending. */
  years: number[];
  /** `years.length × 12`, row-major (year, month 0–11): compounded return, NaN for a month without returns. */
  monthly: Float64Array;
  /** Compounded return of each year (partial at the ends). */
  annual: Float64Array;
}

/** Year and month (0–11) of a `YYYY-MM-DD` day, read without allocating a Date or substrings. */
function yearOf(day: string): number {
  return (
    (day.charCodeAt(0) - 48) * 1000 +
    (day.charCodeAt(1) - 48) * 100 +
    (day.charCodeAt(2) - 48) * 10 +
    (day.charCodeAt(3) - 48)
  );
}

function monthOf(day: string): number {
  return (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48) - 1;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function returnsByPeriod(
  dates: readonly string[],
  dailyReturns: ArrayLike<number | null | undefined>,
): PeriodReturns {
  const count = Math.min(dates.length, dailyReturns.length);
  if (count < 2) return { years: [], monthly: new Float64Array(0), annual: new Float64Array(0) };

  const firstYear = yearOf(dates[1]);
  const lastYear = yearOf(dates[count - 1]);
  const yearCount = lastYear - firstYear + 1;
  // Growth factors per month; 0 marks "no return seen yet" (a real factor is always > 0 unless a −100% day).
  const monthlyGrowth = new Float64Array(yearCount * 12);
  const seen = new Uint8Array(yearCount * 12);
  for (let index = 1; index < count; index++) {
    const value = dailyReturns[index];
    const day = dates[index];
    const slot = (yearOf(day) - firstYear) * 12 + monthOf(day);
    if (!seen[slot]) {
      seen[slot] = 1;
      monthlyGrowth[slot] = 1;
    }
    // A missing return (no price that day) leaves the period unchanged.
    if (finite(value)) monthlyGrowth[slot] *= 1 + value;
  }

  const years: number[] = [];
  const keptRows: number[] = [];
  for (let row = 0; row < yearCount; row++) {
    let any = false;
    for (let month = 0; month < 12 && !any; month++) any = seen[row * 12 + month] === 1;
    if (any) {
      years.push(firstYear + row);
      keptRows.push(row);
    }
  }

  const monthly = new Float64Array(years.length * 12);
  const annual = new Float64Array(years.length);
  keptRows.forEach((row, kept) => {
    let yearGrowth = 1;
    for (let month = 0; month < 12; month++) {
      const slot = row * 12 + month;
      if (seen[slot]) {
        monthly[kept * 12 + month] = monthlyGrowth[slot] - 1;
        yearGrowth *= monthlyGrowth[slot];
      } else {
        monthly[kept * 12 + month] = Number.NaN;
      }
    }
    annual[kept] = yearGrowth - 1;
  });
  return { years, monthly, annual };
}

/**
 * Daily returns of a value series (a benchmark's closes): r₀ = 0, rₜ = vₜ / vₜ₋₁ − 1. A missing value is
 * carried forward (its day has no return, and the next return is measured from the last known value).
 */
export function dailyReturnsFromValues(values: ArrayLike<number | null | undefined>): Float64Array {
  const returns = new Float64Array(values.length);
  let previous = Number.NaN;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (!finite(value)) {
      returns[index] = Number.NaN;
      continue;
    }
    returns[index] = index > 0 && Number.isFinite(previous) && previous !== 0 ? value / previous - 1 : 0;
    previous = value;
  }
  return returns;
}

/**
 * The colour scale of the heatmap: the 90th percentile of the absolute returns (so one extreme month does not
 * wash out the rest), at least `floor`.
 */
export function heatScale(values: ArrayLike<number>, floor = 0.01): number {
  const magnitudes: number[] = [];
  for (let index = 0; index < values.length; index++)
    if (Number.isFinite(values[index])) magnitudes.push(Math.abs(values[index]));
  if (magnitudes.length === 0) return floor;
  magnitudes.sort((a, b) => a - b);
  return Math.max(floor, magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9))]);
}
