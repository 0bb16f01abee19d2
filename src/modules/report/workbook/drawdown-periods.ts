/** One fall from a peak and the way back, read off a stored drawdown series. */
export interface DrawdownPeriod {
  /** Last day at the peak before the fall. */
  start: string;
  /** Lowest day of the fall. */
  trough: string;
  /** First day back at the peak, or null if not recovered by the end of the series. */
  recovery: string | null;
  /** Deepest drawdown of the period (negative fraction). */
  depth: number;
  /** Trading days from the start to the recovery (or to the last day when not recovered). */
  length: number;
  /** Trading days from the start to the trough. */
  daysToTrough: number;
}

/**
 * The `limit` deepest drawdown periods, deepest first (ties: the earlier first). A period starts on the last
 * day with drawdown 0 before it turns negative (the first day when the series starts under water) and ends on
 * the first day it is back to 0. Pure: the report's Drawdowns sheet and its tests share it.
 */
export function worstDrawdowns(dates: readonly string[], drawdown: ArrayLike<number>, limit = 10): DrawdownPeriod[] {
  const periods: DrawdownPeriod[] = [];
  let startIndex = -1;
  let troughIndex = -1;
  const close = (endIndex: number, recovered: boolean) => {
    periods.push({
      start: dates[startIndex],
      trough: dates[troughIndex],
      recovery: recovered ? dates[endIndex] : null,
      depth: drawdown[troughIndex],
      length: endIndex - startIndex,
      daysToTrough: troughIndex - startIndex,
    });
    startIndex = -1;
  };
  for (let i = 0; i < dates.length; i += 1) {
    const value = drawdown[i];
    if (!(value < 0)) {
      if (startIndex >= 0) close(i, true);
      continue;
    }
    if (startIndex < 0) {
      startIndex = Math.max(0, i - 1);
      troughIndex = i;
    } else if (value < drawdown[troughIndex]) {
      troughIndex = i;
    }
  }
  if (startIndex >= 0) close(dates.length - 1, false);
  return periods
    .map((period, order) => ({ period, order }))
    .sort((a, b) => a.period.depth - b.period.depth || a.order - b.order)
    .slice(0, limit)
    .map(({ period }) => period);
}
