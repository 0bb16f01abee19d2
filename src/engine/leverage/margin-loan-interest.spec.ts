import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';

describe('A 150% financed by a 50% loan (CASH-S-50%) at borrow=3.6%, capital 1000', () => {
  // A: 10, 11, 12, 12, 15 on Monday to Friday (1 calendar day apart). Shares 150 × 10 = 1500, cash −500.
  // The loan grows by 3.6% / 360 = 0.0001 a day (actual/360), credited before each close is valued:
  //   day 1: cash −500 × 1.0001 = −500.05;          NAV 150 × 11 − 500.05 = 1149.95
  //   day 2: cash −500.05 × 1.0001 = −500.100005;   NAV 1800 − 500.100005 = 1299.899995
  //   day 3: cash −500.1500150005;                  NAV 1800 − 500.1500150005 = 1299.8499849995
  //   day 4: cash −500.2000300020...;               NAV 2250 − 500.20003000200015 = 1749.79996999799985
  // Interest paid: 500 × (1.0001⁴ − 1) = 0.20003000200005.
  const result = simulateTwoAssets('A-L-150% CASH-S-50% 2024-01-29 2024-02-02 capital=1000 borrow=3.6%');

  it('holds 150% of the capital and owes the rest', () => {
    expect(result.exposure).toEqual({ long: 1.5, short: 0, gross: 1.5, net: 1.5, cash: -0.5 });
    expect(result.nav[0]).toBe(1000);
  });

  it('charges the loan interest day by day', () => {
    const expected = [1000, 1149.95, 1299.899995, 1299.8499849995, 2250 - 500 * 1.0001 ** 4];
    result.nav.forEach((value, t) => expect(value).toBeCloseTo(expected[t], 9));
    expect(result.cashInterest).toEqual({
      cashRate: { kind: 'constant', percent: 0 },
      borrowRate: { kind: 'constant', percent: 3.6 },
      dayCount: 'actual/360',
      earned: 0,
      paid: expect.closeTo(0.20003000200005, 12),
    });
  });

  it('notes the leverage and what the loan paid', () => {
    expect(result.notes.map((note) => [note.code, note.message])).toEqual([
      [
        'LEVERAGE',
        'long 150% and short 0% of the capital at the start (gross 150%, net 150%): cash −50% — a loan of 50% of ' +
          'the capital; the loan pays borrow=3.6% a year',
      ],
      [
        'CASH_INTEREST',
        'cash earns 0% a year and loans pay 3.6% a year, accrued daily on actual/360 and credited at each close: ' +
          '0 earned, 0.2 paid',
      ],
    ]);
  });
});
