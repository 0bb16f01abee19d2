/**
 * Synthetic price columns (docs/command-language.md, "Synthetic tickers"): a daily-reset leveraged version of a total-
 * return series, and a series filled backward by another, spliced on returns. Columns are one value per row of a
 * price matrix (NaN where there is none); pure functions of numbers, shared by the server, the CLI and the browser.
 */

/** Days a year of money-market interest (financing, cash and loans): actual/360, the USD convention. */
export const INTEREST_DAYS_PER_YEAR = 360;
/** Days a year over which an expense ratio accrues: actual/365 (E % a year costs E % over 365 days). */
export const EXPENSE_DAYS_PER_YEAR = 365;

export interface LeverageParameters {
  leverage: number;
  /** Expense ratio, a fraction a year (0.0095 for E=0.95). */
  expenseRate: number;
  /** Spread over the base rate, a fraction a year. */
  spreadRate: number;
  /** Notional the spread is paid on: L − 1 above 1×, |L| for inverse, 0 between (ticker-expression.ts). */
  spreadExposure: number;
}

export type LeveredColumn =
  | { ok: true; values: Float64Array }
  /** The first row whose daily return took the synthetic's value to zero or below: a fund wiped out. */
  | { ok: false; reason: 'wiped-out'; row: number; dailyReturn: number }
  /** The first row whose financing needed a base rate the rate column does not have (before its first value). */
  | { ok: false; reason: 'no-rate'; row: number };

/**
 * A daily-reset leveraged column from `anchor` on (NaN before). Between two consecutive rows a < b where the
 * underlying U has prices, with d = dayNumber[b] − dayNumber[a] calendar days and the base rate R as of row a:
 *
 *   r = U_b / U_a − 1
 *   r_syn = L·r − ((L − 1)·R + exposure·SP)·d / 360 − E·d / 365
 *   S_b = S_a · (1 + r_syn),   S_anchor = U_anchor
 *
 * The financing term is signed: a fund with L < 1 holds 1 − L in cash and earns R on it. `baseRate` is a column
 * of annual fractions carried forward (NaN before its first value), or a constant.
 */
export function leveredColumn(
  underlying: Float64Array,
  dayNumber: Int32Array,
  anchor: number,
  parameters: LeverageParameters,
  baseRate: Float64Array | number,
): LeveredColumn {
  const rows = underlying.length;
  const values = new Float64Array(rows).fill(Number.NaN);
  if (anchor < 0 || anchor >= rows) return { ok: true, values };
  const { leverage, expenseRate, spreadRate, spreadExposure } = parameters;
  const borrowed = leverage - 1;
  let previous = anchor;
  let level = underlying[anchor];
  values[anchor] = level;
  for (let r = anchor + 1; r < rows; r++) {
    const price = underlying[r];
    if (price !== price) continue;
    const days = dayNumber[r] - dayNumber[previous];
    let financing = 0;
    if (borrowed !== 0) {
      const rate = typeof baseRate === 'number' ? baseRate : baseRate[previous];
      if (rate !== rate) return { ok: false, reason: 'no-rate', row: previous };
      financing = ((borrowed * rate + spreadExposure * spreadRate) * days) / INTEREST_DAYS_PER_YEAR;
    }
    const dailyReturn =
      leverage * (price / underlying[previous] - 1) - financing - (expenseRate * days) / EXPENSE_DAYS_PER_YEAR;
    level *= 1 + dailyReturn;
    if (!(level > 0)) return { ok: false, reason: 'wiped-out', row: r, dailyReturn };
    values[r] = level;
    previous = r;
  }
  return { ok: true, values };
}

export interface SplicedColumn {
  values: Float64Array;
  /**
   * The first row with the primary's own price, or −1 when the fallback is not used (the primary has a price on
   * or before `anchor`, or the fallback has none before the primary's first one).
   */
  spliceRow: number;
}

/**
 * The primary P where it has prices; before its first price s, the fallback F scaled to meet it, so the returns
 * before s are F's: V_t = P_s · (F_t / F̃_s) with F̃_s F's last price on or before s. P's own prices are kept
 * exactly. Unused (P itself) when P has a price on or before `anchor` or F has none on or before s.
 */
export function splicedColumn(primary: Float64Array, fallback: Float64Array, anchor: number): SplicedColumn {
  const rows = primary.length;
  let first = 0;
  while (first < rows && primary[first] !== primary[first]) first++;
  if (first <= anchor && first < rows) return { values: primary, spliceRow: -1 };
  if (first === rows) {
    // No price of its own at all: the fallback is the whole series.
    return { values: Float64Array.from(fallback), spliceRow: rows };
  }
  let join = first;
  while (join >= 0 && fallback[join] !== fallback[join]) join--;
  if (join < 0) return { values: primary, spliceRow: -1 };
  const values = Float64Array.from(primary);
  const scale = fallback[join];
  const level = primary[first];
  for (let r = 0; r < first; r++) {
    const value = fallback[r];
    if (value === value) values[r] = level * (value / scale);
  }
  return { values, spliceRow: first };
}

/** The last row at or before `row` with a value, else the first one after it, else −1. */
export function anchorRow(column: Float64Array, row: number): number {
  const rows = column.length;
  for (let r = Math.min(row, rows - 1); r >= 0; r--) if (column[r] === column[r]) return r;
  for (let r = Math.max(row, 0); r < rows; r++) if (column[r] === column[r]) return r;
  return -1;
}

/** A column with each value carried forward over the NaN after it (NaN before the first value). */
export function carriedForward(column: Float64Array): Float64Array {
  const carried = new Float64Array(column.length);
  let last = Number.NaN;
  for (let r = 0; r < column.length; r++) {
    const value = column[r];
    if (value === value) last = value;
    carried[r] = last;
  }
  return carried;
}
