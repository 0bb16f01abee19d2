import { parseComparisonInput } from './comparison.input';

describe('a comparison written on three lines, two named, with a blank line between', () => {
  const result = parseComparisonInput(
    [
      'growth: AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28 rebalance=monthly',
      '',
      '  AAPL-L-100% 2010-01-01 2022-12-28',
      'Portfolio 2: KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 fee=0.1%',
    ].join('\n'),
  );

  it('parses every member with its own options, names given or by position', () => {
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.members.map((one) => [one.name, one.named, one.canonical])).toEqual([
      ['growth', true, 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28 rebalance=monthly'],
      // Second member: its default name "Portfolio 2" is taken by the third line's written name.
      ['Portfolio 2 (2)', false, 'AAPL-L-100% 2010-01-01 2022-12-28'],
      ['Portfolio 2', true, 'KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 fee=0.1%'],
    ]);
    expect(result.members[0].parsed.options.rebalance).toEqual({ kind: 'periodic', frequency: 'monthly' });
    expect(result.members[2].parsed.options.feePercent).toBe(0.1);
  });
});
