import { commonPeriod } from './common-period';

describe('members whose periods do not overlap', () => {
  // Old covers 1995-01-03..1999-12-31, New 2005-01-03..2010-12-31: the latest start is after the earliest end.
  const result = commonPeriod([
    {
      name: 'Old',
      askedStart: '1995-01-01',
      askedEnd: '1999-12-31',
      coveredStart: '1995-01-03',
      coveredEnd: '1999-12-31',
    },
    {
      name: 'New',
      askedStart: '2005-01-01',
      askedEnd: '2010-12-31',
      coveredStart: '2005-01-03',
      coveredEnd: '2010-12-31',
    },
  ]);

  it('is an error naming both members and what to do', () => {
    expect(result).toEqual({
      ok: false,
      code: 'NO_COMMON_PERIOD',
      startSetBy: 1,
      endSetBy: 0,
      message:
        'no period is common to every portfolio: New can start only on 2005-01-03, after Old ends on 1999-12-31; ' +
        'change their dates, or compare each on its own period',
    });
  });
});
