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

export function calendarStatistics(
  returns: Float64Array,
  monthKey: Int32Array,
  year: Int32Array,
  n: number,
): CalendarStatistics {
  let monthGrowth = 1;
  let yearGrowth = 1;
  let bestMonth = Number.NEGATIVE_INFINITY;
  let worstMonth = Number.POSITIVE_INFINITY;
  let bestYear = Number.NEGATIVE_INFINITY;
  let worstYear = Number.POSITIVE_INFINITY;
  let positiveMonthCount = 0;
  let nonZeroMonthCount = 0;

  let t = 1;
  while (t <= n) {
    // The inner loop only compounds: period ends are tested once per run of equal keys, not once a day.
    const month = monthKey[t];
    const calendarYear = year[t];
    do {
      const factor = 1 + returns[t];
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
    bestMonth,
    worstMonth,
    bestYear,
    worstYear,
    positiveMonths: nonZeroMonthCount > 0 ? positiveMonthCount / nonZeroMonthCount : 0,
  };
}
