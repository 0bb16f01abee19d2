import { describe, expect, it } from '@jest/globals';
import { commandOnPeriod, comparisonPreviewPlan } from './comparison-lines';

const A = { name: 'A', command: 'aapl-l-100% 2010-01-01 2022-12-28 rebalance=monthly' };
const B = { name: 'B', command: 'KO-L-100% 2012-01-01 2020-12-31' };

describe('the preview of several lines on the common period', () => {
  it('rewrites a command onto a period, options kept (its canonical form)', () => {
    expect(commandOnPeriod(A.command, '2012-01-03', '2020-12-31')).toBe(
      'AAPL-L-100% 2012-01-03 2020-12-31 rebalance=monthly',
    );
    expect(commandOnPeriod('not a command', '2012-01-03', '2020-12-31')).toBeNull();
  });

  it('runs every line on its own period until each one’s coverage is known', () => {
    const plan = comparisonPreviewPlan([A, B], new Map([[A.command, { start: '2010-01-04', end: '2022-12-28' }]]));
    expect(plan.period).toBeNull();
    expect(plan.lines).toEqual([
      { id: 'member-0', command: A.command },
      { id: 'member-1', command: B.command },
    ]);
  });

  it('then runs the lines the common period cuts on it (latest start, earliest end), the others as written', () => {
    const plan = comparisonPreviewPlan(
      [A, B],
      new Map([
        [A.command, { start: '2010-01-04', end: '2022-12-28' }],
        [B.command, { start: '2012-01-03', end: '2020-12-31' }],
      ]),
    );
    expect(plan.period).toMatchObject({
      ok: true,
      start: '2012-01-03',
      end: '2020-12-31',
      startSetBy: [1],
      endSetBy: [1],
    });
    expect(plan.lines).toEqual([
      { id: 'member-0', command: 'AAPL-L-100% 2012-01-03 2020-12-31 rebalance=monthly' },
      { id: 'member-1', command: B.command },
    ]);
  });

  it('says when the periods do not overlap, and keeps the own periods', () => {
    const plan = comparisonPreviewPlan(
      [A, B],
      new Map([
        [A.command, { start: '2021-01-04', end: '2022-12-28' }],
        [B.command, { start: '2012-01-03', end: '2020-12-31' }],
      ]),
    );
    expect(plan.period).toMatchObject({ ok: false, code: 'NO_COMMON_PERIOD' });
    expect(plan.lines.map((line) => line.command)).toEqual([A.command, B.command]);
  });
});
