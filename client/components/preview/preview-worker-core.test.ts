import { describe, expect, it } from '@jest/globals';
import { PreviewSession } from '@engine/preview/preview.session';
import { handlePreviewMessage } from './preview-worker-core';
import { binarySeries } from './preview-test-support';

const A = binarySeries('A', [10, 11, 12]);
const B = binarySeries('B', [20, 20, 18]);

describe('the preview worker, worker side', () => {
  it('decodes series into its session and answers a run with each line’s outcome, its time and the buffers it moves', () => {
    const session = new PreviewSession();
    const clock = [5, 7.5];
    expect(handlePreviewMessage(session, { type: 'series', series: [A, B] })).toEqual([]);
    expect(session.heldTickers()).toEqual(['A', 'B']);
    const [reply] = handlePreviewMessage(
      session,
      {
        type: 'run',
        requestId: 3,
        lines: [
          { id: 'one', command: 'A-L-50% B-L-50% 2024-01-02 2024-01-04 benchmark=B' },
          { id: 'two', command: 'A-L-50%' },
        ],
      },
      () => clock.shift() as number,
    );
    if (reply.message.type !== 'result') throw new Error('expected a result');
    expect(reply.message.requestId).toBe(3);
    expect(reply.message.computeMs).toBe(2.5);
    const [one, two] = reply.message.lines;
    expect(two.outcome.status).toBe('invalid');
    if (one.outcome.status !== 'ok') throw new Error(`expected a result, got ${one.outcome.status}`);
    const { days, nav, drawdown, benchmarkValue } = one.outcome.result;
    // 5,000 A at 10 and 2,500 B at 20: 105,000 on the last day; the benchmark B alone: 5,000 × 18 = 90,000.
    expect(Array.from(nav)).toEqual([100_000, 105_000, 105_000]);
    expect(benchmarkValue && Array.from(benchmarkValue)).toEqual([100_000, 100_000, 90_000]);
    // Each array owns its buffer, exactly its size, and every one is handed over (moved, not copied).
    const arrays = [days, nav, drawdown, benchmarkValue];
    for (const array of arrays) expect(array?.buffer.byteLength).toBe(array?.byteLength);
    expect(reply.transfer).toEqual(arrays.map((array) => array?.buffer));
  });

  it('refuses bytes that are not a series, or the series of another ticker, naming the ticker', () => {
    const session = new PreviewSession();
    const replies = handlePreviewMessage(session, {
      type: 'series',
      series: [
        { ticker: 'A', bytes: new Uint8Array([1, 2, 3]).buffer },
        { ticker: 'C', bytes: B.bytes },
      ],
    });
    expect(replies.map((reply) => reply.message)).toEqual([
      { type: 'series-error', ticker: 'A', message: expect.any(String) },
      { type: 'series-error', ticker: 'C', message: 'the prices sent for C are those of B' },
    ]);
    expect(session.heldTickers()).toEqual([]);
  });
});
