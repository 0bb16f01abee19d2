import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it, jest } from '@jest/globals';
import { commandKeywordSource, tickerCompletionSource } from './command-completions';
import type { TickerSearch } from './ticker-search';

/** A completion request with the cursor at the end of `text`. */
const contextAt = (text: string, explicit = false) =>
  new CompletionContext(EditorState.create({ doc: text }), text.length, explicit);

const labels = (result: CompletionResult | null) => result?.options.map((option) => option.label) ?? null;

async function keywords(text: string, explicit = false) {
  const context = contextAt(text, explicit);
  const result = await commandKeywordSource(context);
  return { result, labels: labels(result), from: result?.from };
}

describe('commandKeywordSource', () => {
  it("offers the parser's option names for a word, replacing the word", async () => {
    const { labels: names, from, result } = await keywords('AAPL-L-100% 2020-01-01 2022-12-28 reb');
    expect(names).toEqual([
      'capital=',
      'rebalance=',
      'fee=',
      'rf=',
      'benchmark=',
      'contribute=',
      'cash=',
      'borrow=',
      'inflation=',
    ]);
    expect(from).toBe(34);
    // Letters keep the list (CodeMirror filters it to rebalance=); a dash means a position, so it asks again.
    expect(result?.validFor).toBeInstanceOf(RegExp);
    expect((result?.validFor as RegExp).test('rebal')).toBe(true);
    expect((result?.validFor as RegExp).test('AAPL-')).toBe(false);
  });

  it('offers the modifiers of a synthetic ticker after ? and & (issue 18)', async () => {
    const first = await keywords('MSFT-L-50% spy?');
    expect(first.labels).toEqual(['L=', 'E=', 'SP=', 'FB=']);
    expect(first.from).toBe('MSFT-L-50% spy?'.length);
    const next = await keywords('MSFT-L-50% SPY?L=2&s');
    expect(next.labels).toEqual(['L=', 'E=', 'SP=', 'FB=']);
    expect(next.from).toBe('MSFT-L-50% SPY?L=2&'.length);
    // A value being typed: nothing to offer.
    expect((await keywords('SPY?L=2')).labels).toBeNull();
    // After the modifiers, the side as for any ticker.
    expect((await keywords('SPY?L=2-')).labels).toEqual(['L', 'S']);
  });

  it('offers the rebalancing rules after rebalance=', async () => {
    const { labels: values, from } = await keywords('MSFT-L-100% rebalance=mo');
    expect(values).toEqual(['none', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'band:5%']);
    expect(from).toBe('MSFT-L-100% rebalance='.length);
  });

  it('offers contribution periods after the amount', async () => {
    const { labels: periods, from } = await keywords('contribute=1000/');
    expect(periods).toEqual(['month', 'quarter', 'year']);
    expect(from).toBe('contribute=1000/'.length);
    expect((await keywords('contribute=')).labels).toEqual(['1000/month', '1000/quarter', '1000/year', '-500/month']);
  });

  it('offers the side after a ticker, and nothing at the weight or in a date', async () => {
    const side = await keywords('AAPL-');
    expect(side.labels).toEqual(['L', 'S']);
    expect(side.result?.options.map((option) => option.apply)).toEqual(['L-', 'S-']);
    expect(side.from).toBe(5);
    expect((await keywords('BRK-B-')).labels).toEqual(['L', 'S']);
    expect((await keywords('AAPL-L-')).labels).toBeNull();
    expect((await keywords('2020-01-')).labels).toBeNull();
    expect((await keywords('unknown=x')).labels).toBeNull();
  });

  it('lists every option name when asked with Ctrl+Space on a blank', async () => {
    expect((await keywords('AAPL-L-100% ', true)).labels).toHaveLength(9);
    expect((await keywords('AAPL-L-100% ')).labels).toBeNull();
  });
});

describe('tickerCompletionSource', () => {
  it("suggests the server's tickers for a ticker fragment after a pause, in the server's order", async () => {
    const search = jest.fn<TickerSearch>(async () => [
      { ticker: 'AAPL', name: 'Apple Inc.', type: 'EQUITY' },
      { ticker: 'AMD', name: 'Advanced Micro Devices', type: 'EQUITY' },
    ]);
    const result = await tickerCompletionSource(search, 1)(contextAt('MSFT-L-50% a'));
    expect(search).toHaveBeenCalledWith('a', expect.any(AbortSignal));
    expect(result?.from).toBe(11);
    expect(result?.filter).toBe(false);
    expect(result?.options.map((option) => [option.label, option.detail])).toEqual([
      ['AAPL', 'Apple Inc.'],
      ['AMD', 'Advanced Micro Devices'],
    ]);
  });

  it('completes the benchmark value with tickers', async () => {
    const search = jest.fn<TickerSearch>(async () => [{ ticker: '^GSPC', name: 'S&P 500', type: 'INDEX' }]);
    const result = await tickerCompletionSource(search, 1)(contextAt('benchmark=^gs'));
    expect(search).toHaveBeenCalledWith('^gs', expect.any(AbortSignal));
    expect(result?.from).toBe('benchmark='.length);
    expect(labels(result)).toEqual(['^GSPC']);
  });

  it('does not ask the server for dates, weights, positions or other options', async () => {
    const search = jest.fn<TickerSearch>(async () => []);
    const source = tickerCompletionSource(search, 1);
    for (const text of ['2020-01', '50%', 'AAPL-L', 'rebalance=m', ''])
      expect(await source(contextAt(text))).toBeNull();
    expect(search).not.toHaveBeenCalled();
  });
});
