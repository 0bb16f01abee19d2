import { PriceUploadParser } from '../../engine/market/price-upload.parser';
import type { UploadProblem } from './market-data.errors';
import type { PriceRow } from './market-data.types';

/** Lines read between two turns of the event loop: a few milliseconds of work. */
export const LINES_PER_STEP = 5000;

export type UploadCheck = { ok: true; rows: PriceRow[] } | { ok: false; problems: UploadProblem[]; total: number };

/**
 * Reads an uploaded CSV with the engine's PriceUploadParser (every shape it knows, every line checked), a slice of
 * LINES_PER_STEP lines at a time with a turn of the event loop between two: a 5 MB file is about 120,000 lines,
 * which read at once held the server for a quarter of a second. All rows, sorted by date, or every problem.
 */
export async function readPriceUpload(
  text: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<UploadCheck> {
  const parser = new PriceUploadParser(text, today);
  while (!parser.step(LINES_PER_STEP)) await new Promise<void>((resolve) => setImmediate(resolve));
  const result = parser.result();
  if (result.totalProblems > 0) return { ok: false, problems: result.problems, total: result.totalProblems };
  return {
    ok: true,
    rows: result.rows.map((row) => ({
      date: row.date,
      close: row.close,
      adjClose: row.adjClose,
      dividend: null,
      splitRatio: null,
    })),
  };
}
