import { isIsoDate } from '../../engine/market/trading-calendar';
import type { UploadProblem } from './market-data.errors';
import type { PriceRow } from './market-data.types';

/** At most this many problems are listed (the count says how many there were). */
export const MAX_LISTED_PROBLEMS = 100;

export type UploadParseResult =
  { ok: true; rows: PriceRow[] } | { ok: false; problems: UploadProblem[]; total: number };

const HEADERS = ['date,close', 'date,close,adj_close'];

function parsePrice(cell: string): number | undefined {
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * Parses an uploaded series, `date,close[,adj_close]` with that header, one row a day in any order, and
 * checks every row: a real YYYY-MM-DD date, no date twice, positive prices. Returns all rows sorted by date,
 * or every problem with its line number (1 = the header). adj_close defaults to close.
 */
export function parsePriceUpload(text: string): UploadParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: UploadProblem[] = [];
  const header = (lines[0] ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s*,\s*/g, ',');
  if (!HEADERS.includes(header)) {
    return {
      ok: false,
      problems: [
        { line: 1, message: `the header must be date,close or date,close,adj_close, found "${lines[0] ?? ''}"` },
      ],
      total: 1,
    };
  }
  const width = header.split(',').length;
  const rows: PriceRow[] = [];
  const lineOfDate = new Map<string, number>();
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    const lineNumber = index + 1;
    const cells = line.split(',').map((cell) => cell.trim());
    const problem = (message: string) => problems.push({ line: lineNumber, message });
    if (cells.length !== width) {
      problem(`expected ${width} values (${header}), found ${cells.length}`);
      continue;
    }
    const [date, closeCell, adjCell] = cells;
    const before = problems.length;
    if (!isIsoDate(date)) problem(`date "${date}" is not a calendar date YYYY-MM-DD`);
    else if (lineOfDate.has(date)) problem(`date ${date} already appears on line ${lineOfDate.get(date)}`);
    const close = parsePrice(closeCell);
    if (close === undefined) problem(`close "${closeCell}" is not a positive number`);
    const adjClose = adjCell === undefined ? close : parsePrice(adjCell);
    if (adjCell !== undefined && adjClose === undefined) problem(`adj_close "${adjCell}" is not a positive number`);
    if (problems.length > before) continue;
    lineOfDate.set(date, lineNumber);
    rows.push({ date, close: close!, adjClose: adjClose!, dividend: null, splitRatio: null });
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ line: 2, message: 'the CSV has no price rows' });
  if (problems.length > 0)
    return { ok: false, problems: problems.slice(0, MAX_LISTED_PROBLEMS), total: problems.length };
  rows.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, rows };
}
