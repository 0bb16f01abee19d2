import { INTEREST_DAYS_PER_YEAR } from '../market/synthetic-series';

/**
 * Interest on the cash balance (docs/metrics.md, "Cash, loans and interest"), as fractions of the balance per
 * row: on row t ≥ 1 positive cash grows by `earn[t]`, negative cash by `pay[t]` (it owes more), before the close
 * is valued and anything traded. Row t's fraction is the annual rate as of row t − 1 times the calendar days
 * between the two rows over 360 (actual/360); index 0 is unused.
 */
export interface InterestAccruals {
  readonly earn: Float64Array;
  readonly pay: Float64Array;
}

/**
 * The accruals of a cash rate and a borrow rate, each an annual fraction: a constant, or one value per run row
 * (a series carried forward). Null when both are the constant 0: a run without interest does no arithmetic
 * for it at all (bit-identical to the engine before interest existed).
 */
export function interestAccruals(
  cashRate: Float64Array | number,
  borrowRate: Float64Array | number,
  dayNumber: Int32Array,
): InterestAccruals | null {
  if (cashRate === 0 && borrowRate === 0) return null;
  return { earn: accrualsOf(cashRate, dayNumber), pay: accrualsOf(borrowRate, dayNumber) };
}

function accrualsOf(rate: Float64Array | number, dayNumber: Int32Array): Float64Array {
  const accruals = new Float64Array(dayNumber.length);
  for (let t = 1; t < dayNumber.length; t++) {
    const annual = typeof rate === 'number' ? rate : rate[t - 1];
    accruals[t] = (annual * (dayNumber[t] - dayNumber[t - 1])) / INTEREST_DAYS_PER_YEAR;
  }
  return accruals;
}
