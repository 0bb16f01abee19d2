import { parseCommand } from './command.parser';
import { DEFAULT_OPTIONS } from './command.types';

describe('the seed form TICKER-SIDE-WEIGHT% ... START END', () => {
  it('parses the seed example with every option at its default', () => {
    const result = parseCommand('AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01');
    expect(result).toEqual({
      ok: true,
      command: {
        positions: [
          { ticker: 'AAPL', side: 'L', weightPercent: 50 },
          { ticker: 'MSFT', side: 'L', weightPercent: 50 },
        ],
        start: '2020-01-01',
        end: '2023-01-01',
        options: DEFAULT_OPTIONS,
      },
      canonical: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
    });
  });

  it('keeps the seed defaults: 100000 capital, buy and hold, no fee, rf 0, no benchmark, no contributions', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      capital: 100000,
      rebalance: { kind: 'none' },
      feePercent: 0,
      riskFreePercent: 0,
      benchmark: null,
      contribution: null,
      // Added for leverage (issue 18): cash earns and loans cost nothing, results are nominal, as the seed's were.
      cashRate: { kind: 'constant', percent: 0 },
      borrowRate: { kind: 'constant', percent: 0 },
      inflation: null,
    });
  });

  it('parses a seed long/short portfolio', () => {
    const result = parseCommand('AAPL-L-50% MSFT-S-50% 2020-01-01 2023-01-01');
    expect(result.ok && result.command.positions).toEqual([
      { ticker: 'AAPL', side: 'L', weightPercent: 50 },
      { ticker: 'MSFT', side: 'S', weightPercent: 50 },
    ]);
  });

  it('accepts a single position at 100% and extra whitespace', () => {
    const result = parseCommand('   SPY-L-100%\t 2019-06-01   2019-06-30  ');
    expect(result.ok && result.canonical).toBe('SPY-L-100% 2019-06-01 2019-06-30');
  });
});
