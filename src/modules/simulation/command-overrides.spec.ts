import { applyOptionOverrides } from './command-overrides';

describe('applyOptionOverrides', () => {
  const seed = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01';

  it('leaves the command alone without overrides', () => {
    expect(applyOptionOverrides(seed, undefined)).toBe(seed);
    expect(applyOptionOverrides(seed, {})).toBe(seed);
  });

  it('appends new options', () => {
    expect(applyOptionOverrides(seed, { rebalance: 'monthly', capital: 5000 })).toBe(
      `${seed} rebalance=monthly capital=5000`,
    );
  });

  it('replaces an option written in the command, whatever its case', () => {
    expect(applyOptionOverrides(`${seed}  Fee=0.5%   rf=1%`, { fee: '0.1%' })).toBe(`${seed} rf=1% fee=0.1%`);
  });
});

describe('overrides of the leverage options (issue 18)', () => {
  it('replaces cash= but keeps a position whose ticker starts with CASH=', () => {
    expect(applyOptionOverrides('CASH=X-L-100% 2020-01-01 2021-01-01 cash=1%', { cash: '4%', borrow: '^IRX' })).toBe(
      'CASH=X-L-100% 2020-01-01 2021-01-01 cash=4% borrow=^IRX',
    );
  });
});
