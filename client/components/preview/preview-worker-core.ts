import { decodePriceSeries, PriceSeriesCodecError } from '@engine/market/price-series.codec';
import { PreviewSession, type PreviewOutcome } from '@engine/preview/preview.session';
import type { FromPreviewWorker, ToPreviewWorker } from './preview-protocol';

/** An answer and the buffers it hands over (not copied) to the page. */
export interface WorkerReply {
  message: FromPreviewWorker;
  transfer: ArrayBuffer[];
}

/** The typed arrays of a result belong to the page once sent: moved, not copied. */
function buffersOf(outcome: PreviewOutcome): ArrayBuffer[] {
  if (outcome.status !== 'ok') return [];
  const { days, nav, drawdown, benchmarkValue } = outcome.result;
  return [days, nav, drawdown, ...(benchmarkValue ? [benchmarkValue] : [])].map((array) => array.buffer as ArrayBuffer);
}

/**
 * What the preview worker does with one message, apart from the Worker API (so tests run it in process): series are
 * decoded into the session; a run request simulates every line.
 */
export function handlePreviewMessage(
  session: PreviewSession,
  message: ToPreviewWorker,
  now: () => number = () => performance.now(),
): WorkerReply[] {
  if (message.type === 'series') {
    const replies: WorkerReply[] = [];
    for (const { ticker, bytes } of message.series) {
      try {
        const columns = decodePriceSeries(new Uint8Array(bytes));
        if (columns.ticker !== ticker) {
          throw new PriceSeriesCodecError(`the prices sent for ${ticker} are those of ${columns.ticker}`);
        }
        session.addSeries(columns);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        replies.push({ message: { type: 'series-error', ticker, message: text }, transfer: [] });
      }
    }
    return replies;
  }
  const started = now();
  const lines = message.lines.map((line) => ({
    id: line.id,
    command: line.command,
    outcome: session.run(line.command),
  }));
  const computeMs = now() - started;
  return [
    {
      message: { type: 'result', requestId: message.requestId, lines, computeMs },
      transfer: lines.flatMap((line) => buffersOf(line.outcome)),
    },
  ];
}
