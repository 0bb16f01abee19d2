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
  let bestMonth = Number.NEGATIVE_INFINITY;
  let worstMonth = Number.POSITIVE_INFINITY;
  let bestYear = Number.NEGATIVE_INFINITY;
  let worstYear = Number.POSITIVE_INFINITY;
  let positiveMonthCount = 0;
  let nonZeroMonthCount = 0;
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
      const monthReturn = monthGrowth - 1;
      if (monthReturn > bestMonth) bestMonth = monthReturn;
      if (monthReturn < worstMonth) worstMonth = monthReturn;
      if (monthReturn !== 0) nonZeroMonthCount++;
      if (monthReturn > 0) positiveMonthCount++;
      monthGrowth = 1;
    }
    if (t > n || year[t] !== calendarYear) {
      const yearReturn = yearGrowth - 1;
      if (yearReturn > bestYear) bestYear = yearReturn;
      if (yearReturn < worstYear) worstYear = yearReturn;
      yearGrowth = 1;
    }
  }
  return {
    calendar: {
      bestMonth,
      worstMonth,
      bestYear,
      worstYear,
      positiveMonths: nonZeroMonthCount > 0 ? positiveMonthCount / nonZeroMonthCount : 0,
    },
    totals: { sum, sumOfSquares, bestDay, worstDay },
  };
}
