/**
 * Compounded returns of each calendar month and year (QuantStats' `aggregate="ME"` / `"YE"`): the best and worst,
 * and the share of positive months among months with a non-zero return (`win_rate(aggregate="ME")`).
 * A period is a run of rows with the same key; the first runs from row 1 (row 0 has no return).
 */
export interface CalendarStatistics {
  bestMonth: number;
  worstMonth: number;
  bestYear: number;
  worstYear: number;
  /** Positive months ÷ months with a non-zero return; 0 when every month is flat. */
  positiveMonths: number;
}

/**
 * Σ r, Σ r², the best and the worst of the daily returns `returns[1..n]`, summed in row order: what the
 * distribution of returns (returnStatistics) starts from.
 */
export interface DailyTotals {
  sum: number;
  sumOfSquares: number;
  bestDay: number;
  worstDay: number;
}

/**
 * The calendar statistics, and the daily totals gathered on the way: one pass over the returns serves both (the
 * totals' additions run beside the compounding at no cost, where a pass of their own cost a tenth of the metrics).
 */
export function calendarStatisticsAndDailyTotals(
  returns: Float64Array,
  monthKey: Int32Array,
  year: Int32Array,
  n: number,
): { calendar: CalendarStatistics; totals: DailyTotals } {
  let monthGrowth = 1;
  let yearGrowth = 1;
  const months = new PeriodReturns();
  const years = new PeriodReturns();
  let sum = 0;
  let sumOfSquares = 0;
  let bestDay = Number.NEGATIVE_INFINITY;
  let worstDay = Number.POSITIVE_INFINITY;

  let t = 1;
  while (t <= n) {
    // The inner loop only compounds and totals: period ends are tested once per run of equal keys, not once a day.
    const month = monthKey[t];
    const calendarYear = year[t];
    do {
      const r = returns[t];
      sum += r;
      sumOfSquares += r * r;
      if (r > bestDay) bestDay = r;
      if (r < worstDay) worstDay = r;
      const factor = 1 + r;
      monthGrowth *= factor;
      yearGrowth *= factor;
      t++;
    } while (t <= n && monthKey[t] === month && year[t] === calendarYear);
    if (t > n || monthKey[t] !== month) {
      months.add(monthGrowth - 1);
      monthGrowth = 1;
    }
    if (t > n || year[t] !== calendarYear) {
      years.add(yearGrowth - 1);
      yearGrowth = 1;
    }
  }
  return {
    calendar: {
      bestMonth: months.best,
      worstMonth: months.worst,
      bestYear: years.best,
      worstYear: years.worst,
      positiveMonths: months.nonZero > 0 ? months.positive / months.nonZero : 0,
    },
    totals: { sum, sumOfSquares, bestDay, worstDay },
  };
}

/** The compounded returns of the periods seen so far: best, worst, how many were positive and how many not zero. */
class PeriodReturns {
  best = Number.NEGATIVE_INFINITY;
  worst = Number.POSITIVE_INFINITY;
  positive = 0;
  nonZero = 0;

  add(periodReturn: number): void {
    if (periodReturn > this.best) this.best = periodReturn;
    if (periodReturn < this.worst) this.worst = periodReturn;
    if (periodReturn !== 0) this.nonZero++;
    if (periodReturn > 0) this.positive++;
  }
}
