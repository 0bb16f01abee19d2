import { dayNumberToIso, isoToDayNumber } from '../../engine/market/trading-calendar';
import type { DateRange } from './market-data.types';

const MEMO_FIRST_DAY = isoToDayNumber('1900-01-01');
const MEMO_LAST_DAY = isoToDayNumber('2199-12-31');
const isoMemo: (string | undefined)[] = [];

/** dayNumberToIso, memoised: turning 8,000 day numbers into strings costs a lookup each after the first time. */
export function isoOfDay(day: number): string {
  if (day < MEMO_FIRST_DAY || day > MEMO_LAST_DAY) return dayNumberToIso(day);
  const index = day - MEMO_FIRST_DAY;
  let iso = isoMemo[index];
  if (iso === undefined) {
    iso = dayNumberToIso(day);
    isoMemo[index] = iso;
  }
  return iso;
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(isoToDayNumber(iso) + days);
}

/** Sorted, with overlapping and touching ranges (end + 1 day = next start) joined. */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = [...ranges].filter((r) => r.start <= r.end).sort((a, b) => (a.start < b.start ? -1 : 1));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && isoToDayNumber(range.start) <= isoToDayNumber(last.end) + 1) {
      if (range.end > last.end) last.end = range.end;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** The parts of `requested` that no range of `covered` contains, in order. */
export function missingRanges(requested: DateRange, covered: readonly DateRange[]): DateRange[] {
  const missing: DateRange[] = [];
  let cursor = requested.start;
  for (const range of mergeRanges(covered)) {
    if (range.end < cursor) continue;
    if (range.start > requested.end) break;
    if (range.start > cursor) missing.push({ start: cursor, end: addDays(range.start, -1) });
    cursor = addDays(range.end, 1);
    if (cursor > requested.end) return missing;
  }
  if (cursor <= requested.end) missing.push({ start: cursor, end: requested.end });
  return missing;
}

/** The intersection of two ranges, or null. */
export function intersectRange(a: DateRange, b: DateRange): DateRange | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return start <= end ? { start, end } : null;
}

/** Index of the first element of a sorted Int32Array that is >= value. */
export function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
