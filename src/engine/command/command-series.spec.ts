import { commandSeriesNeeds, commandTickers } from './command-series';
import { parseCommandOrThrow } from './command.parser';

const needs = (text: string) => commandSeriesNeeds(parseCommandOrThrow(text).command);

describe('the series a command needs (one function for the server, the CLI and the preview)', () => {
  it('loads the positions without CASH in command order, then the benchmark unless a position holds it', () => {
    expect(needs('MSFT-L-40% CASH-L-20% AAPL-L-40% 2020-01-01 2021-01-01 benchmark=^GSPC').load).toEqual([
      'MSFT',
      'AAPL',
      '^GSPC',
    ]);
    expect(needs('msft-L-50% aapl-S-50% 2020-01-01 2021-01-01 benchmark=aapl').load).toEqual(['MSFT', 'AAPL']);
    expect(needs('CASH-L-100% 2020-01-01 2021-01-01').load).toEqual([]);
  });

  it('loads the plain tickers synthetic ones are built from, then rate series, then the inflation index', () => {
    const all = needs(
      'upro?fb=spy?l=3-L-60% KO?L=2-L-40% 2000-01-01 2020-01-01 benchmark=SPY?L=2 cash=^IRX borrow=FEDFUNDS inflation=CPIAUCSL',
    );
    expect(all).toEqual({
      positions: ['UPRO?FB=SPY?L=3', 'KO?L=2'],
      benchmark: 'SPY?L=2',
      underlying: ['UPRO', 'SPY', 'KO'],
      rates: ['^IRX', 'FEDFUNDS'],
      inflation: 'CPIAUCSL',
      load: ['UPRO', 'SPY', 'KO', '^IRX', 'FEDFUNDS', 'CPIAUCSL'],
      // UPRO may have no price in the range: SPY?L=3 then gives the whole period.
      mayBeEmpty: ['UPRO'],
      // A history filter on SPY finds this run, and so does one on UPRO?FB=SPY?L=3.
      held: ['UPRO?FB=SPY?L=3', 'KO?L=2', 'SPY?L=2', 'UPRO', 'SPY', 'KO'],
    });
  });

  it('loads a series once when several options read it', () => {
    expect(needs('KO-L-100% 2000-01-01 2020-01-01 cash=^IRX borrow=^IRX inflation=3%').load).toEqual(['KO', '^IRX']);
  });

  it('lets only a ticker used solely as an FB= base have no price in the range', () => {
    // A?FB=B?FB=C: A and B are bases, C is the last resort and must have prices.
    expect(needs('A?FB=B?FB=C-L-100% 2000-01-01 2020-01-01').mayBeEmpty).toEqual(['A', 'B']);
    // YOUNG is also held plainly, OLD is also a leveraged base without FB=, IRX is a rate: all must have prices.
    expect(
      needs('YOUNG?FB=PEP-L-40% YOUNG-L-20% OLD?FB=KO-L-20% OLD?L=2-L-20% 2000-01-01 2020-01-01').mayBeEmpty,
    ).toEqual([]);
    expect(needs('IRX?FB=KO-L-100% 2000-01-01 2020-01-01 cash=IRX').mayBeEmpty).toEqual([]);
    expect(needs('KO-L-100% 2000-01-01 2020-01-01').mayBeEmpty).toEqual([]);
  });
});

describe("a command's tickers (what a history entry shows)", () => {
  const tickers = (text: string) => commandTickers(parseCommandOrThrow(text).command);

  it('lists the positions as written without CASH, then the benchmark, even when a position holds it', () => {
    expect(tickers('MSFT-L-40% CASH-L-20% SPY?L=2-L-40% 2020-01-01 2021-01-01 benchmark=^GSPC')).toEqual([
      'MSFT',
      'SPY?L=2',
      '^GSPC',
    ]);
    expect(tickers('msft-L-50% aapl-S-50% 2020-01-01 2021-01-01 benchmark=aapl')).toEqual(['MSFT', 'AAPL', 'AAPL']);
    expect(tickers('CASH-L-100% 2020-01-01 2021-01-01')).toEqual([]);
  });
});
