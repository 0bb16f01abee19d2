import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { validateComparisonMembers } from './comparison.input';
import { ComparisonMemberError, runComparison } from './run-comparison';

/**
 * Frozen prices on five days. A: 10, 11, 12, 15, 12. B: 20, 18, 25, 20, 22.
 * Member "a" asks 2024-01-29..2024-02-02 (all five days), member "b" 2024-01-31..2024-02-01 (two days).
 * The common period is 2024-01-31..2024-02-01, set by b at both ends; a is simulated again on it:
 * 1000 in A at 12 = 83.333… shares, worth 1000 × 15 / 12 = 1250 on 2024-02-01. b: 1000 in B at 25 → 800.
 */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
const matrix = mergePriceSeries([
  { ticker: 'A', dates, prices: [10, 11, 12, 15, 12] },
  { ticker: 'B', dates, prices: [20, 18, 25, 20, 22] },
]);

function members(...commands: string[]) {
  const validated = validateComparisonMembers(commands.map((command, i) => ({ name: `m${i}`, command })));
  if (!validated.ok) throw new Error(validated.errors.map((error) => error.message).join('; '));
  return validated.members;
}

describe('runComparison on the common period', () => {
  const both = members('A-L-100% 2024-01-29 2024-02-02 capital=1000', 'B-L-100% 2024-01-31 2024-02-01 capital=1000');

  it('simulates every member on the latest start and earliest end, said plainly', () => {
    const outcome = runComparison(both, [matrix, matrix], 'common');
    expect(outcome.period).toMatchObject({ start: '2024-01-31', end: '2024-02-01', startSetBy: [1], endSetBy: [1] });
    expect(outcome.members.map((m) => [m.covered, m.simulated])).toEqual([
      [
        { start: '2024-01-29', end: '2024-02-02' },
        { start: '2024-01-31', end: '2024-02-01' },
      ],
      [
        { start: '2024-01-31', end: '2024-02-01' },
        { start: '2024-01-31', end: '2024-02-01' },
      ],
    ]);
    expect(outcome.members[0].series.value).toEqual([1000, 1250]);
    expect(outcome.members[1].series.value).toEqual([1000, 800]);
    // One return each (+25%, −20%): fewer than two returns, so no correlation is defined.
    expect(outcome.correlation).toEqual({
      commonDates: 2,
      observations: 1,
      matrix: [
        [null, null],
        [null, null],
      ],
    });
    expect(outcome.best.find((one) => one.metric === 'totalReturn')).toEqual({
      metric: 'totalReturn',
      direction: 'higher',
      members: [0],
      value: 0.25,
    });
  });

  it('gives each member exactly a single run of its command on the period used', () => {
    const outcome = runComparison(both, [matrix, matrix], 'common');
    const single = simulatePortfolio(
      parseCommandOrThrow('A-L-100% 2024-01-31 2024-02-01 capital=1000').command,
      matrix,
    );
    expect(outcome.members[0].metrics).toEqual(single.metrics);
    expect(outcome.members[0].series.dailyReturn).toEqual(Array.from(single.dailyReturn));
    expect(outcome.members[0].asked).toEqual({ start: '2024-01-29', end: '2024-02-02' });
  });

  it('runs each on its own period with own; fails naming the member when periods do not overlap', () => {
    const own = runComparison(both, [matrix, matrix], 'own');
    // a on all five days: 1000 × 12 / 10 = 1200 at the end.
    expect(own.members[0].series.value).toEqual([1000, 1100, 1200, 1500, 1200]);
    expect(own.period.statement).toBe(
      'each portfolio is simulated on its own period (the common period would be 2024-01-31 to 2024-02-01)',
    );
    const apart = members('A-L-100% 2024-01-29 2024-01-30', 'B-L-100% 2024-02-01 2024-02-02');
    let thrown: unknown;
    try {
      runComparison(apart, [matrix, matrix], 'common');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ComparisonMemberError);
    expect(thrown).toMatchObject({ member: 1, code: 'NO_COMMON_PERIOD' });
  });
});
