import { encodePriceSeries } from '@engine/market/price-series.codec';
import { isoToDayNumber } from '@engine/market/trading-calendar';
import { PreviewSession } from '@engine/preview/preview.session';
import type { LoadedSeries } from '../../lib/prices/price-loader';
import type { SeriesSource } from './preview-client';
import type { PreviewEnvironment } from './use-live-preview';
import type { FromPreviewWorker, PreviewPort, ToPreviewWorker } from './preview-protocol';
import { handlePreviewMessage } from './preview-worker-core';

/** Test support: the preview's worker in process, and prices in hand. */

/** The binary series of a ticker over consecutive weekdays from `first` (2024-01-02, a Tuesday), as the server encodes it. */
export function binarySeries(
  ticker: string,
  closes: readonly number[],
  source = 'sample',
  first = '2024-01-02',
): LoadedSeries {
  const days: number[] = [];
  for (let day = isoToDayNumber(first); days.length < closes.length; day++) {
    const weekday = (((day + 3) % 7) + 7) % 7; // Monday 0
    if (weekday < 5) days.push(day);
  }
  const bytes = encodePriceSeries({
    ticker,
    source,
    kind: 'total-return',
    days: Int32Array.from(days),
    closes: Float64Array.from(closes),
  });
  return { ticker, source, etag: `"${ticker}-${closes.join('-')}"`, bytes: bytes.buffer as ArrayBuffer };
}

/**
 * The worker's message handling on a real PreviewSession, answering when told to (deliver), so tests decide what
 * is in flight. Every message sent is kept.
 */
export class InProcessPort implements PreviewPort {
  readonly sent: ToPreviewWorker[] = [];
  readonly session: PreviewSession;
  onmessage: ((event: { data: FromPreviewWorker }) => void) | null = null;
  onerror: ((message: string) => void) | null = null;
  terminated = false;
  private readonly queue: ToPreviewWorker[] = [];

  constructor(session = new PreviewSession()) {
    this.session = session;
  }

  postMessage(message: ToPreviewWorker): void {
    this.sent.push(message);
    this.queue.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Handles the messages waiting, in order, and answers them. */
  deliver(): void {
    while (this.queue.length > 0) {
      const message = this.queue.shift() as ToPreviewWorker;
      for (const reply of handlePreviewMessage(this.session, message, () => 0))
        this.onmessage?.({ data: reply.message });
    }
  }

  /** Answers everything, also what is sent meanwhile, until the page and the worker are both idle. */
  async settle(): Promise<void> {
    for (let idle = 0; idle < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.queue.length === 0) idle += 1;
      else {
        idle = 0;
        this.deliver();
      }
    }
  }

  runs(): Extract<ToPreviewWorker, { type: 'run' }>[] {
    return this.sent.filter((message): message is Extract<ToPreviewWorker, { type: 'run' }> => message.type === 'run');
  }

  seriesSent(): string[] {
    return this.sent.flatMap((message) => (message.type === 'series' ? message.series.map((one) => one.ticker) : []));
  }
}

/** Prices in hand: some stored (no network), some on the server; every fetch is counted. */
export class FakeSeriesSource implements SeriesSource {
  readonly fetched: string[] = [];
  readonly storedSeries = new Map<string, LoadedSeries>();
  readonly serverSeries = new Map<string, LoadedSeries>();
  readonly failures = new Map<string, Error>();
  /** While set, fetches wait for it (a slow network). */
  gate: Promise<void> | null = null;

  stored(ticker: string): Promise<LoadedSeries | undefined> {
    return Promise.resolve(this.storedSeries.get(ticker));
  }

  async fetch(ticker: string): Promise<LoadedSeries | null> {
    this.fetched.push(ticker);
    if (this.gate) await this.gate;
    const failure = this.failures.get(ticker);
    if (failure) throw failure;
    const current = this.serverSeries.get(ticker);
    if (!current) throw new Error(`no series for ${ticker}`);
    const held = this.storedSeries.get(ticker);
    if (held?.etag === current.etag) return null;
    this.storedSeries.set(ticker, current);
    return current;
  }
}

/** The live preview's environment in process: the worker's code on a real PreviewSession, answering at once. */
export function inProcessEnvironment(
  source: SeriesSource,
  scope = 'tester',
): PreviewEnvironment & { ports: InProcessPort[] } {
  const ports: InProcessPort[] = [];
  return {
    scope,
    ports,
    createPort: () => {
      const port = new ImmediatePort();
      ports.push(port);
      return port;
    },
    createSource: () => source,
  };
}

/** An InProcessPort that answers each message as soon as the page's code has finished its turn (as a worker would). */
class ImmediatePort extends InProcessPort {
  override postMessage(message: ToPreviewWorker): void {
    super.postMessage(message);
    setTimeout(() => {
      if (!this.terminated) this.deliver();
    }, 0);
  }
}
