import { isoToDayNumber } from '../../../engine/dates/iso-days';

/** Days from Excel's day 0 (1899-12-30 in the 1900 system, past its leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** Excel's serial date (1900 system) of a YYYY-MM-DD day. */
export function excelDate(date: string): number {
  return isoToDayNumber(date) + EXCEL_EPOCH_OFFSET;
}
