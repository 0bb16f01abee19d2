import { daysInMonth } from '../dates/iso-days';
/** Calendar days of a month's start or end within which a run still counts as covering the whole month. */
export const MONTH_EDGE_TOLERANCE_DAYS = 5;

export interface MonthlyReturns {
  /** YYYY-MM of each complete month, in order. */
  readonly months: readonly string[];
  /** Compounded time-weighted return of each month. */
  readonly returns: Float64Array;
  /** Whether the run's first (last) calendar month was left out as partial. */
  readonly droppedFirstMonth: boolean;
  readonly droppedLastMonth: boolean;
}

/**
 * The complete calendar months of a daily return series, each month's return compounded from its
 * daily time-weighted returns: Π(1 + r_t) − 1 over the rows t ≥ 1 dated in that month.
 *
 * A run rarely starts on a month's first trading day or ends on its last: the first month is kept
 * only when row 0 (the start, which has no return) lies in an earlier month or within the month's
 * first 5 calendar days, the last only when the last row lies within the month's final 5 calendar
 * days — so a kept month misses at most a couple of trading days (weekends and holidays), and a
 * run that starts or stops mid-month does not feed a fraction of a month to the resampling.
 */
export function monthlyReturnsFromDaily(dates: readonly string[], dailyReturns: ArrayLike<number>): MonthlyReturns {
  const months: string[] = [];
  const returns: number[] = [];
  let growth = 1;
  for (let t = 1; t < dates.length; t++) {
    growth *= 1 + dailyReturns[t];
    const month = dates[t].slice(0, 7);
    if (t === dates.length - 1 || dates[t + 1].slice(0, 7) !== month) {
      months.push(month);
      returns.push(growth - 1);
      growth = 1;
    }
  }
  const dayOfMonth = (date: string) => Number(date.slice(8, 10));
  let first = 0;
  let last = months.length;
  const droppedFirstMonth =
    months.length > 0 && dates[0].slice(0, 7) === months[0] && dayOfMonth(dates[0]) > MONTH_EDGE_TOLERANCE_DAYS;
  if (droppedFirstMonth) first++;
  const lastDate = dates[dates.length - 1];
  const droppedLastMonth = last > first && dayOfMonth(lastDate) <= daysInMonthOf(lastDate) - MONTH_EDGE_TOLERANCE_DAYS;
  if (droppedLastMonth) last--;
  return {
    months: months.slice(first, last),
    returns: Float64Array.from(returns.slice(first, last)),
    droppedFirstMonth,
    droppedLastMonth,
  };
}

function daysInMonthOf(date: string): number {
  return daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}
