import type { PreviewOutcome } from '@engine/preview/preview.session';

/**
 * Messages between the dashboard and the preview worker (preview.worker.ts). One run request carries every line
 * shown side by side (one command today; the lines of a comparison or a study's portfolios later), each with its
 * own id, and is answered with one outcome per line, in order. Series are sent once each; the worker keeps them
 * (bounded) and answers `missing` for a line whose series it does not hold, so the dashboard loads them and asks
 * again.
 */

export interface PreviewLine {
  /** Stable across keystrokes: which line of the page this is. */
  id: string;
  command: string;
}

/** A ticker's series in the binary form of GET /assets/{ticker}/prices?format=binary. */
export interface SeriesMessage {
  ticker: string;
  bytes: ArrayBuffer;
}

export type ToPreviewWorker =
  { type: 'series'; series: SeriesMessage[] } | { type: 'run'; requestId: number; lines: PreviewLine[] };

export interface LineOutcome {
  id: string;
  command: string;
  outcome: PreviewOutcome;
}

export type FromPreviewWorker =
  | {
      type: 'result';
      requestId: number;
      lines: LineOutcome[];
      /** Time the worker spent on the request (parse, prices, simulation, metrics). */
      computeMs: number;
    }
  /** A series that could not be read: its ticker is treated as unavailable. */
  | { type: 'series-error'; ticker: string; message: string };

/** Either end of the conversation: a Worker, or an in-process stand-in (tests). */
export interface PreviewPort {
  postMessage(message: ToPreviewWorker): void;
  onmessage: ((event: { data: FromPreviewWorker }) => void) | null;
  /** The worker failed (its script did not load, or it threw): the preview is off. */
  onerror: ((message: string) => void) | null;
  terminate(): void;
}
