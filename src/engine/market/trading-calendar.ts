/** Calendar keys of trading days; the day arithmetic itself is the shared date module (src/engine/dates/iso-days.ts). */
import { isoToDayNumber } from '../dates/iso-days';

// Kept here too: engine and server code import them from this file.
export { dayNumberToIso, isIsoDate, isoToDayNumber } from '../dates/iso-days';

/** Calendar keys of each day, computed once per price matrix and shared by every simulation. */
export interface CalendarKeys {
  dayNumber: Int32Array;
  /** Monday of the day's week (as a day number): ISO weeks, so a week never spans two keys. */
  weekKey: Int32Array;
  /** year * 12 + month index. */
  monthKey: Int32Array;
  /** year * 4 + quarter index. */
  quarterKey: Int32Array;
  year: Int32Array;
}

export function buildCalendarKeys(dates: readonly string[]): CalendarKeys {
  const count = dates.length;
  const keys: CalendarKeys = {
    dayNumber: new Int32Array(count),
    weekKey: new Int32Array(count),
    monthKey: new Int32Array(count),
    quarterKey: new Int32Array(count),
    year: new Int32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const iso = dates[i];
    const dayNumber = isoToDayNumber(iso);
    const year =
      (iso.charCodeAt(0) - 48) * 1000 +
      (iso.charCodeAt(1) - 48) * 100 +
      (iso.charCodeAt(2) - 48) * 10 +
      (iso.charCodeAt(3) - 48);
    const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48) - 1;
    // 1970-01-01 was a Thursday: weekday index with Monday = 0 is (dayNumber + 3) mod 7.
    const mondayOffset = (((dayNumber + 3) % 7) + 7) % 7;
    keys.dayNumber[i] = dayNumber;
    keys.weekKey[i] = dayNumber - mondayOffset;
    keys.monthKey[i] = year * 12 + month;
    keys.quarterKey[i] = year * 4 + Math.floor(month / 3);
    keys.year[i] = year;
  }
  return keys;
}
