import { commonPeriod } from './common-period';

describe('the common period of members that already share their period', () => {
  // Both cover 2020-01-02..2022-12-28: nothing is cut, both set both ends.
  const member = (name: string) => ({
    name,
    askedStart: '2020-01-01',
    askedEnd: '2022-12-31',
    coveredStart: '2020-01-02',
    coveredEnd: '2022-12-28',
  });
  const result = commonPeriod([member('A'), member('B')]);

  it('keeps their period and adds no note', () => {
    expect(result).toEqual({
      ok: true,
      start: '2020-01-02',
      end: '2022-12-28',
      startSetBy: [0, 1],
      endSetBy: [0, 1],
      statement: 'every portfolio is simulated on its own full period, 2020-01-02 to 2022-12-28',
      notes: [],
    });
  });
});
