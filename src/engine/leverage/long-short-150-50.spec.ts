import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';

describe('a 150/−50 book: A 150% long, B 50% short (net 100%), capital 1000', () => {
  // Accepted because longs − shorts = 100% (the gross sum, 200%, is not 100%). Shares A 150, B −25;
  // cash 1000 − 1500 + 500 = 0 (1 − longs + shorts). Value 150 × A − 25 × B over A 10, 11, 12, 12, 15 and
  // B 20, 18, 20, 25, 20: 1000, 1200, 1300, 1175, 1750.
  const result = simulateTwoAssets('A-L-150% B-S-50% 2024-01-29 2024-02-02 capital=1000');

  it('holds 150% long and 50% short of the capital with no cash', () => {
    expect(result.exposure).toEqual({ long: 1.5, short: 0.5, gross: 2, net: 1, cash: 0 });
    expect(Array.from(result.nav)).toEqual([1000, 1200, 1300, 1175, 1750]);
  });

  it('notes the leverage, with no loan to pay for', () => {
    expect(result.notes).toEqual([
      {
        code: 'LEVERAGE',
        ticker: null,
        message: 'long 150% and short 50% of the capital at the start (gross 200%, net 100%): cash 0%',
      },
    ]);
  });
});
