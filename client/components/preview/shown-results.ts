import { isoDates } from '@engine/market/simulation-prices';
import type { PreviewResult } from '@engine/preview/preview.session';
import type { PreviewUpdate } from './preview-client';

/** The result a line shows: its latest successful run, with the day axis the charts draw. */
export interface ShownResult {
  command: string;
  result: PreviewResult;
  /** The run's days as ISO dates and as Unix seconds (uPlot's x). */
  dates: string[];
  times: Float64Array;
}

export type ShownResults = ReadonlyMap<string, ShownResult>;

function sameDays(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Each line's result after an update: a successful run replaces it, anything else (errors while typing, prices on
 * their way) keeps the last one on screen. A run on the same days keeps the same axis arrays, so the charts take
 * the new values in place instead of being rebuilt.
 */
export function nextShownResults(previous: ShownResults, update: PreviewUpdate): ShownResults {
  const next = new Map(previous);
  for (const line of update.lines) {
    if (line.view.status !== 'ok') continue;
    const { result } = line.view;
    const held = previous.get(line.id);
    const axis =
      held && sameDays(held.result.days, result.days)
        ? { dates: held.dates, times: held.times }
        : {
            dates: isoDates(result.days, 0, result.days.length),
            times: Float64Array.from(result.days, (day) => day * 86_400),
          };
    next.set(line.id, { command: line.command, result, ...axis });
  }
  return next;
}
