import { addDays, isoToDayNumber } from '../../engine/dates/iso-days';
import type { DateRange } from './market-data.types';

// One date module (src/engine/dates) and one binary search for the server, the engine and the dashboard.
export { addDays };
export { isoOfDay } from '../../engine/dates/iso-days';
export { lowerBound } from '../../engine/market/simulation-prices';

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
