import { commonPeriod } from './common-period';

describe('the common period of three members: the latest start and the earliest end every one can cover', () => {
  // Growth covers 2010-01-04..2022-12-28; Young's prices start on 2012-05-18; Short asked to end on 2020-12-31.
  const result = commonPeriod([
    {
      name: 'Growth',
      askedStart: '2010-01-01',
      askedEnd: '2022-12-31',
      coveredStart: '2010-01-04',
      coveredEnd: '2022-12-28',
    },
    {
      name: 'Young',
      askedStart: '2010-01-01',
      askedEnd: '2022-12-31',
      coveredStart: '2012-05-18',
      coveredEnd: '2022-12-28',
    },
    {
      name: 'Short',
      askedStart: '2011-01-01',
      askedEnd: '2020-12-31',
      coveredStart: '2011-01-03',
      coveredEnd: '2020-12-31',
    },
  ]);

  it('runs everyone from 2012-05-18 (Young) to 2020-12-31 (Short)', () => {
    expect(result).toMatchObject({ ok: true, start: '2012-05-18', end: '2020-12-31', startSetBy: [1], endSetBy: [2] });
  });

  it('says so plainly, once for the comparison and once per member it cuts', () => {
    if (!result.ok) throw new Error('expected a common period');
    expect(result.statement).toBe(
      'every portfolio is simulated from 2012-05-18 (the latest start, set by Young) to 2020-12-31 ' +
        '(the earliest end, set by Short)',
    );
    expect(result.notes).toEqual([
      {
        code: 'COMMON_PERIOD_STARTS_LATER',
        member: 0,
        date: '2012-05-18',
        message:
          'Growth could start on 2010-01-04; it is simulated from 2012-05-18, the first day every portfolio can ' +
          'cover (set by Young)',
      },
      {
        code: 'COMMON_PERIOD_ENDS_EARLIER',
        member: 0,
        date: '2020-12-31',
        message:
          'Growth could run to 2022-12-28; it is simulated to 2020-12-31, the last day every portfolio can cover ' +
          '(set by Short)',
      },
      {
        code: 'COMMON_PERIOD_ENDS_EARLIER',
        member: 1,
        date: '2020-12-31',
        message:
          'Young could run to 2022-12-28; it is simulated to 2020-12-31, the last day every portfolio can cover ' +
          '(set by Short)',
      },
      {
        code: 'COMMON_PERIOD_STARTS_LATER',
        member: 2,
        date: '2012-05-18',
        message:
          'Short could start on 2011-01-03; it is simulated from 2012-05-18, the first day every portfolio can ' +
          'cover (set by Young)',
      },
    ]);
  });
});
