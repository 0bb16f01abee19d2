/**
 * Calendar days written YYYY-MM-DD, as whole days since 1970-01-01 (UTC): the one date module of the engine, the
 * server and the dashboard (client/ imports it through @engine/dates/iso-days). Pure: no time zone, no I/O.
 */

const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isoToDayNumber(iso: string): number {
  const year =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  // Days since 1970-01-01 by Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar,
  // and far cheaper than Date.UTC on the hot path (every row of every price matrix).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dayNumberToIso(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The digit at `index` of `text` (0–9), or -1 for anything else. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** A real calendar day written YYYY-MM-DD (character codes, no regular expression or Date: it runs per price row). */
export function isIsoDate(text: string): boolean {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return false;
  }
  const y1 = digitAt(text, 0);
  const y2 = digitAt(text, 1);
  const y3 = digitAt(text, 2);
  const y4 = digitAt(text, 3);
  const m1 = digitAt(text, 5);
  const m2 = digitAt(text, 6);
  const d1 = digitAt(text, 8);
  const d2 = digitAt(text, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return false;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

const MEMO_FIRST_DAY = isoToDayNumber('1900-01-01');
const MEMO_LAST_DAY = isoToDayNumber('2199-12-31');
const isoMemo: (string | undefined)[] = [];

/** dayNumberToIso, memoised over 1900–2199: turning 8,000 day numbers into strings costs a look-up each after the first time. */
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

/** The day `days` after (before, when negative) an ISO day. */
export function addDays(iso: string, days: number): string {
  return isoOfDay(isoToDayNumber(iso) + days);
}

/** An ISO day as Unix seconds at its UTC midnight (the charts' time unit). */
export function isoToEpochSeconds(iso: string): number {
  return isoToDayNumber(iso) * 86_400;
}
