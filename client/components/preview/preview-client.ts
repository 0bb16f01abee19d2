import { parseCommand } from '@engine/command/command.parser';
import { commandSeriesNeeds } from '@engine/command/command-series';
import { DEFAULT_PREVIEW_LIMITS, type PreviewOutcome } from '@engine/preview/preview.session';
import { errorMessage } from '../../lib/api/client';
import type { LoadedSeries } from '../../lib/prices/price-loader';
import type { FromPreviewWorker, LineOutcome, PreviewLine, PreviewPort } from './preview-protocol';

/** What the preview shows for one line. */
export type LineView =
  | Exclude<PreviewOutcome, { status: 'missing' }>
  /** Its prices are on their way. */
  | { status: 'loading'; tickers: string[] }
  /** A ticker it needs cannot be priced (unknown, no source reachable): the server's words. */
  | { status: 'unavailable'; ticker: string; message: string };

export interface PreviewUpdate {
  /** The request answered: updates only ever come for the latest one. */
  requestId: number;
  lines: { id: string; command: string; view: LineView }[];
  /** Worker time of the answer (null when nothing ran: prices still loading). */
  computeMs: number | null;
}

/** The series the preview can get: stored ones at once, the server's on request. */
export interface SeriesSource {
  stored(ticker: string): Promise<LoadedSeries | undefined>;
  /** The server's current series, or null when the stored one is current; rejects with the server's error. */
  fetch(ticker: string): Promise<LoadedSeries | null>;
}

export interface PreviewClientOptions {
  /**
   * A ticker no stored series has is fetched once it has been in the command this long: "A", "AA", "AAP" typed on
   * the way to "AAPL" must not each fetch (and make the server store) a history. Stored series never wait.
   */
  networkDelayMs: number;
  /** A ticker that could not be loaded is tried again after this long. */
  retryAfterMs: number;
  now: () => number;
}

/** What the worker's session keeps (DEFAULT_PREVIEW_LIMITS.maxSeries). */
const MAX_SERIES_HELD = DEFAULT_PREVIEW_LIMITS.maxSeries;

const DEFAULTS: PreviewClientOptions = { networkDelayMs: 250, retryAfterMs: 15_000, now: () => Date.now() };

/** The tickers the lines need, by the engine's own rule (positions, then the benchmark). */
function neededTickers(lines: readonly PreviewLine[]): Set<string> {
  const needed = new Set<string>();
  for (const line of lines) {
    const parsed = parseCommand(line.command);
    if (parsed.ok) for (const ticker of commandSeriesNeeds(parsed.command).load) needed.add(ticker);
  }
  return needed;
}

/** What a line runs: its canonical command when it parses (spacing and spelling do not change a run), else null. */
function runKeyOf(line: PreviewLine): string | null {
  const parsed = parseCommand(line.command);
  return parsed.ok ? parsed.canonical : null;
}

/**
 * The page's side of the preview worker. The latest request wins: one run is in flight at a time, a request made
 * meanwhile replaces any waiting one, and an answer to anything but the latest request is dropped (a keystroke
 * is never answered with an older command's numbers). Lines whose series the worker lacks are answered
 * `loading` while the series come (stored ones at once, then checked against the server by ETag; others from the
 * server), then run again.
 */
export class PreviewClient {
  private latest: { id: number; lines: PreviewLine[] } | null = null;
  /** The last update given, with each line's run key (only the latest one: nothing grows while people type). */
  private answered: { update: PreviewUpdate; keys: (string | null)[] } | null = null;
  private inFlight: number | null = null;
  private runDue = false;
  private sequence = 0;
  private disposed = false;
  private readonly loading = new Set<string>();
  private readonly failures = new Map<string, { message: string; at: number }>();
  private readonly revalidated = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Messages are handled in order: a run sent before a ticker's series cannot have seen it. */
  private messagesSent = 0;
  private inFlightSentAt = 0;
  private readonly seriesSentAt = new Map<string, number>();
  /** The request each ticker was last loaded for: missing again for the same one means the worker had no room. */
  private readonly loadedFor = new Map<string, number>();
  private readonly options: PreviewClientOptions;

  constructor(
    private readonly port: PreviewPort,
    private readonly source: SeriesSource,
    private readonly onUpdate: (update: PreviewUpdate) => void,
    options: Partial<PreviewClientOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    port.onmessage = (event) => this.receive(event.data);
  }

  /** Previews these lines (replacing whatever was asked before). */
  request(lines: readonly PreviewLine[]): void {
    this.latest = { id: ++this.sequence, lines: [...lines] };
    if (this.answerWithoutRunning(this.latest.id, lines)) return;
    this.runDue = true;
    this.pump();
  }

  /**
   * Lines that run exactly as the last answer's did (a space typed, a weight written `05%`): that answer again with
   * the new text, at once, without a run. Only when every line of it was a result and nothing is running or due
   * (a series that changed meanwhile must be run).
   */
  private answerWithoutRunning(requestId: number, lines: readonly PreviewLine[]): boolean {
    const answered = this.answered;
    if (answered === null || this.inFlight !== null || this.runDue) return false;
    const previous = answered.update.lines;
    if (previous.length !== lines.length) return false;
    if (!previous.every((line, index) => line.view.status === 'ok' && line.id === lines[index].id)) return false;
    const keys: string[] = [];
    for (const [index, line] of lines.entries()) {
      const key = runKeyOf(line);
      if (key === null || key !== answered.keys[index]) return false;
      keys.push(key);
    }
    const update: PreviewUpdate = {
      requestId,
      lines: previous.map((line, index) => ({ ...line, command: lines[index].command })),
      computeMs: answered.update.computeMs,
    };
    this.answered = { update, keys };
    this.onUpdate(update);
    return true;
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.port.onmessage = null;
    this.port.onerror = null;
    this.port.terminate();
  }

  private pump(): void {
    if (this.disposed || this.inFlight !== null || !this.runDue || this.latest === null) return;
    this.runDue = false;
    this.inFlight = this.latest.id;
    this.inFlightSentAt = ++this.messagesSent;
    this.port.postMessage({ type: 'run', requestId: this.latest.id, lines: this.latest.lines });
  }

  private receive(message: FromPreviewWorker): void {
    if (this.disposed) return;
    if (message.type === 'series-error') {
      this.failures.set(message.ticker, { message: message.message, at: this.options.now() });
      this.runDue = true;
      this.pump();
      return;
    }
    this.inFlight = null;
    if (message.requestId === this.latest?.id) {
      const update: PreviewUpdate = {
        requestId: message.requestId,
        lines: message.lines.map((line) => ({ id: line.id, command: line.command, view: this.viewOf(line) })),
        computeMs: message.lines.some((line) => line.outcome.status === 'missing') ? null : message.computeMs,
      };
      // What each line ran, as the worker's parser wrote it (no second parse here).
      const keys = update.lines.map((line) => (line.view.status === 'ok' ? line.view.result.canonical : null));
      this.answered = { update, keys };
      this.onUpdate(update);
    }
    this.pump();
  }

  /** A line's view; a line missing series starts loading them (or says which ticker cannot be priced). */
  private viewOf(line: LineOutcome): LineView {
    const { outcome } = line;
    if (outcome.status !== 'missing') return outcome;
    const now = this.options.now();
    for (const ticker of outcome.tickers) {
      const failure = this.failures.get(ticker);
      if (failure && now - failure.at < this.options.retryAfterMs) {
        return { status: 'unavailable', ticker, message: failure.message };
      }
    }
    for (const ticker of outcome.tickers) {
      // Sent after this run went out: it is there for the next one.
      if ((this.seriesSentAt.get(ticker) ?? 0) > this.inFlightSentAt) continue;
      if (this.loadedFor.get(ticker) === this.latest?.id) {
        return {
          status: 'unavailable',
          ticker,
          message: `these lines need more price series than the preview keeps at once (${MAX_SERIES_HELD})`,
        };
      }
      this.load(ticker);
    }
    return { status: 'loading', tickers: outcome.tickers };
  }

  private load(ticker: string): void {
    if (this.loading.has(ticker)) return;
    this.loading.add(ticker);
    if (this.latest) this.loadedFor.set(ticker, this.latest.id);
    void this.loadSeries(ticker).finally(() => {
      this.loading.delete(ticker);
      this.runDue = true;
      this.pump();
    });
  }

  private async loadSeries(ticker: string): Promise<void> {
    try {
      const stored = await this.source.stored(ticker);
      if (stored) {
        this.post(stored);
        this.revalidate(ticker);
        return;
      }
      await this.wait(this.options.networkDelayMs);
      if (this.disposed || !neededTickers(this.latest?.lines ?? []).has(ticker)) return;
      this.revalidated.add(ticker);
      const fetched = await this.source.fetch(ticker);
      if (fetched) this.post(fetched);
      this.failures.delete(ticker);
    } catch (error) {
      this.failures.set(ticker, { message: errorMessage(error), at: this.options.now() });
    }
  }

  /** Checks a stored series against the server once per page: a changed one replaces it and the lines run again. */
  private revalidate(ticker: string): void {
    if (this.revalidated.has(ticker)) return;
    this.revalidated.add(ticker);
    this.source.fetch(ticker).then(
      (changed) => {
        if (!changed || this.disposed) return;
        this.post(changed);
        this.runDue = true;
        this.pump();
      },
      // The stored series stays in use; the next page load asks again.
      () => undefined,
    );
  }

  private post(series: LoadedSeries): void {
    if (this.disposed) return;
    this.seriesSentAt.set(series.ticker, ++this.messagesSent);
    this.port.postMessage({ type: 'series', series: [{ ticker: series.ticker, bytes: series.bytes }] });
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
