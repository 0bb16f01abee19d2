/** Compounded returns of one calendar year: its months (NaN for a month with no trading day) and its total. */
export interface YearReturns {
  year: number;
  /** Twelve entries, January first. */
  months: number[];
  total: number;
}

/**
 * Compounds daily returns by calendar month and year: a month is Π(1 + r) − 1 over its days, a year the same
 * over its days — which equals its months compounded. The first day's return is 0 by construction.
 */
export function calendarReturns(dates: readonly string[], dailyReturn: ArrayLike<number>): YearReturns[] {
  const years: YearReturns[] = [];
  let current: { year: number; growth: number[]; yearGrowth: number } | null = null;
  const flush = () => {
    if (!current) return;
    years.push({
      year: current.year,
      months: current.growth.map((growth) => (Number.isNaN(growth) ? NaN : growth - 1)),
      total: current.yearGrowth - 1,
    });
  };
  for (let i = 0; i < dates.length; i += 1) {
    const year = Number(dates[i].slice(0, 4));
    const month = Number(dates[i].slice(5, 7)) - 1;
    if (!current || current.year !== year) {
      flush();
      current = { year, growth: new Array<number>(12).fill(NaN), yearGrowth: 1 };
    }
    const factor = 1 + dailyReturn[i];
    current.growth[month] = (Number.isNaN(current.growth[month]) ? 1 : current.growth[month]) * factor;
    current.yearGrowth *= factor;
  }
  flush();
  return years;
}

/**
 * Calendar-year returns of a price series (the benchmark): last close of the year over the last close of the
 * year before (the first close for the first year), minus 1. Days without a price (NaN) are skipped.
 */
export function yearlyPriceReturns(dates: readonly string[], prices: ArrayLike<number>): Map<number, number> {
  const lastByYear = new Map<number, number>();
  let first = NaN;
  for (let i = 0; i < dates.length; i += 1) {
    if (!Number.isFinite(prices[i])) continue;
    if (Number.isNaN(first)) first = prices[i];
    lastByYear.set(Number(dates[i].slice(0, 4)), prices[i]);
  }
  const returns = new Map<number, number>();
  let previous = first;
  for (const [year, last] of lastByYear) {
    returns.set(year, last / previous - 1);
    previous = last;
  }
  return returns;
}
