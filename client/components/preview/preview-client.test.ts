import { describe, expect, it } from '@jest/globals';
import { decodePriceSeries } from '@engine/market/price-series.codec';
import { PreviewSession } from '@engine/preview/preview.session';
import { ApiError } from '../../lib/api/client';
import { PreviewClient, type PreviewUpdate } from './preview-client';
import { binarySeries, FakeSeriesSource, InProcessPort } from './preview-test-support';

const A = binarySeries('A', [10, 11, 12]);
const B = binarySeries('B', [20, 20, 18]);
const COMMAND = 'A-L-50% B-L-50% 2024-01-02 2024-01-04';

/** A worker in process and prices in hand; `start` connects the page's client to them. */
function setUp(port = new InProcessPort()) {
  const source = new FakeSeriesSource();
  const updates: PreviewUpdate[] = [];
  const start = (networkDelayMs = 0) =>
    new PreviewClient(port, source, (update) => updates.push(update), { networkDelayMs });
  return { port, source, updates, start, last: () => updates[updates.length - 1] };
}

describe('the preview worker protocol, page side', () => {
  it('loads the series a command lacks, then answers with the engine’s result for it', async () => {
    const { port, source, updates, start, last } = setUp();
    source.storedSeries.set('A', A);
    source.serverSeries.set('A', A);
    source.serverSeries.set('B', B);
    const client = start();
    client.request([{ id: 'main', command: COMMAND }]);
    port.deliver();
    // First answer: the worker holds nothing yet.
    expect(updates[0].lines[0].view).toEqual({ status: 'loading', tickers: ['A', 'B'] });
    expect(updates[0].computeMs).toBeNull();
    await port.settle();
    const view = last().lines[0].view;
    if (view.status !== 'ok') throw new Error(`expected a result, got ${view.status}`);
    // 5,000 A at 10 and 2,500 B at 20; then 5,000 × 12 + 2,500 × 18 = 105,000.
    expect(Array.from(view.result.nav)).toEqual([100_000, 105_000, 105_000]);
    expect(last().computeMs).toBe(0);
    // A came from storage and was checked against the server (unchanged); B was fetched.
    expect(port.seriesSent().sort()).toEqual(['A', 'B']);
    expect(source.fetched.sort()).toEqual(['A', 'B']);
  });

  it('answers only the latest request: one run in flight, later keystrokes replace the waiting one', async () => {
    const { port, source, updates, start } = setUp();
    for (const series of [A, B]) source.storedSeries.set(series.ticker, series);
    for (const series of [A, B]) port.session.addSeries(decodePriceSeries(new Uint8Array(series.bytes)));
    const client = start();
    client.request([{ id: 'main', command: 'A-L-50% B-L-50% 2024-01-02 2024-01-04' }]);
    client.request([{ id: 'main', command: 'A-L-60% B-L-40% 2024-01-02 2024-01-04' }]);
    client.request([{ id: 'main', command: 'A-L-70% B-L-30% 2024-01-02 2024-01-04' }]);
    // Only the first went out; the second was replaced by the third before it could.
    expect(port.runs().map((run) => run.lines[0].command)).toEqual(['A-L-50% B-L-50% 2024-01-02 2024-01-04']);
    await port.settle();
    expect(port.runs().map((run) => run.lines[0].command)).toEqual([
      'A-L-50% B-L-50% 2024-01-02 2024-01-04',
      'A-L-70% B-L-30% 2024-01-02 2024-01-04',
    ]);
    // The answer to the first came after newer keystrokes: dropped, never shown.
    expect(updates.map((update) => update.lines[0].command)).toEqual(['A-L-70% B-L-30% 2024-01-02 2024-01-04']);
    const view = updates[0].lines[0].view;
    // 7,000 A at 10, 1,500 B at 20: 7,000 × 12 + 1,500 × 18 = 111,000.
    expect(view.status === 'ok' && view.result.finalValue).toBe(111_000);
  });

  it('answers a change that runs the same (spacing, a weight spelled 050%) with the last result, without a run', async () => {
    const { port, source, updates, start } = setUp();
    for (const series of [A, B]) source.storedSeries.set(series.ticker, series);
    for (const series of [A, B]) port.session.addSeries(decodePriceSeries(new Uint8Array(series.bytes)));
    const client = start();
    client.request([{ id: 'main', command: COMMAND }]);
    await port.settle();
    const first = updates[updates.length - 1].lines[0].view;
    const respaced = `  A-L-50%   B-L-050% 2024-01-02 2024-01-04 `;
    client.request([{ id: 'main', command: respaced }]);
    // Answered at once, the new text with the very same result: no second run went to the worker.
    expect(port.runs()).toHaveLength(1);
    expect(updates.map((update) => update.lines[0].command)).toEqual([COMMAND, respaced]);
    expect(updates[1].lines[0].view).toBe(first);
    expect(updates[1].requestId).toBeGreaterThan(updates[0].requestId);
    // A change that does run differently runs.
    client.request([{ id: 'main', command: 'A-L-60% B-L-40% 2024-01-02 2024-01-04' }]);
    await port.settle();
    expect(port.runs()).toHaveLength(2);
    const view = updates[updates.length - 1].lines[0].view;
    // 6,000 A at 10, 2,000 B at 20: 6,000 × 12 + 2,000 × 18 = 108,000.
    expect(view.status === 'ok' && view.result.finalValue).toBe(108_000);
  });

  it('previews several lines side by side, each with its own outcome, in one run', async () => {
    const { port, source, updates, start } = setUp();
    for (const series of [A, B]) source.storedSeries.set(series.ticker, series);
    source.serverSeries.set('A', A);
    source.serverSeries.set('B', B);
    const client = start();
    client.request([
      { id: 'first', command: 'A-L-100% 2024-01-02 2024-01-04' },
      { id: 'second', command: 'B-L-100% 2024-01-02 2024-01-04' },
      { id: 'third', command: 'A-L-50% B-S-40% 2024-01-02 2024-01-04' },
    ]);
    await port.settle();
    const final = updates[updates.length - 1];
    expect(final.lines.map((line) => [line.id, line.view.status])).toEqual([
      ['first', 'ok'],
      ['second', 'ok'],
      ['third', 'invalid'],
    ]);
    const values = final.lines.map((line) => (line.view.status === 'ok' ? line.view.result.finalValue : null));
    // All in A: 10,000 shares × 12; all in B: 5,000 × 18.
    expect(values).toEqual([120_000, 90_000, null]);
    expect(port.runs().at(-1)?.lines).toHaveLength(3);
  });

  it('fetches a new ticker only once it stays in the command: none for tickers typed on the way', async () => {
    const { port, source, updates, start } = setUp();
    source.serverSeries.set('AA', binarySeries('AA', [5, 6, 7]));
    source.serverSeries.set('AAB', binarySeries('AAB', [5, 6, 7]));
    const client = start(30);
    client.request([{ id: 'main', command: 'AA-L-100% 2024-01-02 2024-01-04' }]);
    port.deliver();
    client.request([{ id: 'main', command: 'AAB-L-100% 2024-01-02 2024-01-04' }]);
    await port.settle();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await port.settle();
    expect(source.fetched).toEqual(['AAB']);
    const view = updates[updates.length - 1].lines[0].view;
    expect(view.status === 'ok' && view.result.finalValue).toBe(140_000);
  });

  it('says why a ticker cannot be priced, with the server’s words, and does not ask again at once', async () => {
    const { port, source, updates, start } = setUp();
    source.failures.set('NOPE', new ApiError(404, 'TICKER_NOT_FOUND', 'ticker NOPE is not known to yahoo, sample'));
    const client = start();
    client.request([{ id: 'main', command: 'NOPE-L-100% 2024-01-02 2024-01-04' }]);
    await port.settle();
    expect(updates[updates.length - 1].lines[0].view).toEqual({
      status: 'unavailable',
      ticker: 'NOPE',
      message: 'ticker NOPE is not known to yahoo, sample',
    });
    client.request([{ id: 'main', command: 'NOPE-L-100% 2024-01-02 2024-01-03' }]);
    await port.settle();
    expect(updates[updates.length - 1].lines[0].view.status).toBe('unavailable');
    expect(source.fetched).toEqual(['NOPE']);
  });

  it('uses a stored series at once, then the server’s changed one as soon as the check answers', async () => {
    const { port, source, updates, start } = setUp();
    const stale = binarySeries('A', [10, 11, 12]);
    const fresh = binarySeries('A', [10, 12, 14], 'upload');
    source.storedSeries.set('A', stale);
    source.serverSeries.set('A', fresh);
    let answer: () => void = () => undefined;
    source.gate = new Promise<void>((resolve) => (answer = resolve));
    const client = start();
    client.request([{ id: 'main', command: 'A-L-100% 2024-01-02 2024-01-04' }]);
    await port.settle();
    answer();
    await port.settle();
    const values = updates.flatMap((update) =>
      update.lines[0].view.status === 'ok' ? [update.lines[0].view.result.finalValue] : [],
    );
    // 10,000 shares: 120,000 on the stored prices, then 140,000 on the server's.
    expect(values).toEqual([120_000, 140_000]);
    expect(source.fetched).toEqual(['A']);
  });

  it('treats a series the worker cannot read as unavailable, naming why', async () => {
    const { port, source, updates, start } = setUp();
    source.storedSeries.set('A', { ticker: 'A', source: 'sample', etag: '"x"', bytes: new ArrayBuffer(8) });
    source.serverSeries.set('A', { ticker: 'A', source: 'sample', etag: '"x"', bytes: new ArrayBuffer(8) });
    const client = start();
    client.request([{ id: 'main', command: 'A-L-100% 2024-01-02 2024-01-04' }]);
    await port.settle();
    expect(updates[updates.length - 1].lines[0].view).toEqual({
      status: 'unavailable',
      ticker: 'A',
      message: 'not a PortoFino price series (magic "PFPS" missing)',
    });
  });

  it('stops for good when disposed: the worker is ended and late answers are ignored', async () => {
    const { port, source, updates, start } = setUp();
    source.storedSeries.set('A', A);
    const client = start();
    client.request([{ id: 'main', command: 'A-L-100% 2024-01-02 2024-01-04' }]);
    client.dispose();
    port.deliver();
    await port.settle();
    expect(port.terminated).toBe(true);
    expect(updates).toEqual([]);
  });

  it('keeps the worker’s memory bounded: the series beyond its limit are sent again when needed', async () => {
    const { port, source, updates, start } = setUp(
      new InProcessPort(new PreviewSession({ maxSeries: 1, maxMatrices: 1 })),
    );
    for (const series of [A, B]) source.storedSeries.set(series.ticker, series);
    const client = start();
    for (const command of ['A-L-100% 2024-01-02 2024-01-04', 'B-L-100% 2024-01-02 2024-01-04']) {
      client.request([{ id: 'main', command }]);
      await port.settle();
    }
    client.request([{ id: 'main', command: 'A-L-100% 2024-01-02 2024-01-04' }]);
    await port.settle();
    expect(port.session.heldTickers()).toEqual(['A']);
    expect(port.seriesSent()).toEqual(['A', 'B', 'A']);
    const view = updates[updates.length - 1].lines[0].view;
    expect(view.status === 'ok' && view.result.finalValue).toBe(120_000);

    // Lines needing more series at once than the worker keeps are told so, not loaded round and round.
    client.request([
      { id: 'first', command: 'A-L-100% 2024-01-02 2024-01-04' },
      { id: 'second', command: 'B-L-100% 2024-01-02 2024-01-04' },
    ]);
    await port.settle();
    const lines = updates[updates.length - 1].lines.map((line) => line.view.status);
    expect(lines).toContain('unavailable');
    expect(port.seriesSent().length).toBeLessThan(8);
  });
});
