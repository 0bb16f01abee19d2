import { describe, expect, it } from '@jest/globals';
import { commandTokenSpans } from './command-tokens';

const kinds = (text: string) => commandTokenSpans(text).map((span) => [text.slice(span.from, span.to), span.kind]);

describe('commandTokenSpans', () => {
  it('colours positions, dates and options', () => {
    expect(kinds('AAPL-L-50% 2020-01-01 rebalance=monthly')).toEqual([
      ['AAPL', 'ticker'],
      ['-', 'punctuation'],
      ['L', 'side'],
      ['-', 'punctuation'],
      ['50%', 'weight'],
      ['2020-01-01', 'date'],
      ['rebalance', 'option-name'],
      ['=', 'punctuation'],
      ['monthly', 'option-value'],
    ]);
  });

  it('reads positions from the right like the parser (tickers with dashes and carets)', () => {
    expect(kinds('BRK-B-S-12.5% ^GSPC-L-10%')).toEqual([
      ['BRK-B', 'ticker'],
      ['-', 'punctuation'],
      ['S', 'side'],
      ['-', 'punctuation'],
      ['12.5%', 'weight'],
      ['^GSPC', 'ticker'],
      ['-', 'punctuation'],
      ['L', 'side'],
      ['-', 'punctuation'],
      ['10%', 'weight'],
    ]);
  });

  it('colours a position being typed and leaves a wrong side uncoloured', () => {
    expect(kinds('MSFT-l')).toEqual([
      ['MSFT', 'ticker'],
      ['-', 'punctuation'],
      ['l', 'side'],
    ]);
    expect(kinds('MSFT-X-50%')).toEqual([
      ['MSFT', 'ticker'],
      ['-', 'punctuation'],
      ['-', 'punctuation'],
      ['50%', 'weight'],
    ]);
  });

  it('treats key=value with an option name as an option even with dashes (contribute=-500/month)', () => {
    expect(kinds('contribute=-500/month benchmark=^GSPC')).toEqual([
      ['contribute', 'option-name'],
      ['=', 'punctuation'],
      ['-500/month', 'option-value'],
      ['benchmark', 'option-name'],
      ['=', 'punctuation'],
      ['^GSPC', 'option-value'],
    ]);
  });
});

describe('commandTokenSpans on synthetic tickers (issue 18)', () => {
  it('colours the tickers and the modifiers of a synthetic ticker and of its fallback', () => {
    expect(kinds('upro?FB=SPY?L=3-L-50% benchmark=spy?l=2&e=0.9')).toEqual([
      ['upro', 'ticker'],
      ['?', 'punctuation'],
      ['FB', 'modifier-name'],
      ['=', 'punctuation'],
      ['SPY', 'ticker'],
      ['?', 'punctuation'],
      ['L', 'modifier-name'],
      ['=', 'punctuation'],
      ['3', 'modifier-value'],
      ['-', 'punctuation'],
      ['L', 'side'],
      ['-', 'punctuation'],
      ['50%', 'weight'],
      ['benchmark', 'option-name'],
      ['=', 'punctuation'],
      ['spy', 'ticker'],
      ['?', 'punctuation'],
      ['l', 'modifier-name'],
      ['=', 'punctuation'],
      ['2', 'modifier-value'],
      ['&', 'punctuation'],
      ['e', 'modifier-name'],
      ['=', 'punctuation'],
      ['0.9', 'modifier-value'],
    ]);
  });

  it('reads cash=, borrow= and inflation= as options and CASH=X-L-10% as a position, like the parser', () => {
    expect(kinds('cash=4% CASH=X-L-10%')).toEqual([
      ['cash', 'option-name'],
      ['=', 'punctuation'],
      ['4%', 'option-value'],
      ['CASH=X', 'ticker'],
      ['-', 'punctuation'],
      ['L', 'side'],
      ['-', 'punctuation'],
      ['10%', 'weight'],
    ]);
  });
});
