import { parseCommand } from './command.parser';

function canonicalOf(input: string): string {
  const result = parseCommand(input);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.canonical;
}

describe('canonical command string', () => {
  it('sorts positions, upper-cases, trims weights and omits default options', () => {
    expect(
      canonicalOf('msft-s-50.00% aapl-l-050% 2020-01-01 2023-01-01 capital=100000 rebalance=none fee=0% rf=0%'),
    ).toBe('AAPL-L-50% MSFT-S-50% 2020-01-01 2023-01-01');
  });

  it('writes the non-default options in a fixed order', () => {
    expect(
      canonicalOf(
        'KO-L-100% contribute=-500/Quarter benchmark=spy rf=2.50% fee=0.10% rebalance=BAND:5.0% capital=5000.5 2001-02-03 2004-05-06',
      ),
    ).toBe(
      'KO-L-100% 2001-02-03 2004-05-06 capital=5000.5 rebalance=band:5% fee=0.1% rf=2.5% benchmark=SPY contribute=-500/quarter',
    );
  });

  it('gives equivalent commands the same canonical string', () => {
    const a = canonicalOf('AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01 rebalance=monthly');
    const b = canonicalOf('rebalance=Monthly msft-l-50% AAPL-L-50.0% 2020-01-01 2023-01-01 capital=100000');
    expect(a).toBe(b);
    expect(a).toBe('AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01 rebalance=monthly');
  });

  it('keeps decimals exactly', () => {
    expect(canonicalOf('A-L-33.333333% B-L-33.333333% C-L-33.333334% 2020-01-01 2020-02-01')).toBe(
      'A-L-33.333333% B-L-33.333333% C-L-33.333334% 2020-01-01 2020-02-01',
    );
  });
});
