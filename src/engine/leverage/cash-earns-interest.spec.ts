import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';

describe('half in B, half in cash earning cash=7.2%, capital 1000', () => {
  // B: 20, 18, 20, 25, 20, one calendar day apart. Shares B 25, cash 500, growing by 7.2% / 360 = 0.0002 a day:
  //   day 1: cash 500.1,                 NAV 25 × 18 + 500.1 = 950.1
  //   day 2: cash 500.20002,             NAV 500 + 500.20002 = 1000.20002
  //   day 3: cash 500.300060004,         NAV 625 + 500.300060004 = 1125.300060004
  //   day 4: cash 500 × 1.0002⁴,          NAV 500 + 500.4000800080...
  const result = simulateTwoAssets('B-L-50% CASH-L-50% 2024-01-29 2024-02-02 capital=1000 cash=7.2%');

  it('credits interest on positive cash each day', () => {
    const expected = [1000, 950.1, 1000.20002, 1125.300060004, 500 + 500 * 1.0002 ** 4];
    result.nav.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 9));
    expect(result.cashInterest?.earned).toBeCloseTo(500 * (1.0002 ** 4 - 1), 12);
    expect(result.cashInterest?.paid).toBe(0);
  });

  it('notes the rates, and no leverage (half the capital is held)', () => {
    expect(result.notes.map((note) => note.code)).toEqual(['CASH_INTEREST']);
  });
});
