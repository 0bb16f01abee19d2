import { worstDrawdowns } from './drawdown-periods';

const DATES = [
  '2024-01-01',
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-08',
  '2024-01-09',
  '2024-01-10',
  '2024-01-11',
  '2024-01-12',
];

describe('worstDrawdowns', () => {
  it('finds each period with start (last day at the peak), trough, recovery, depth and length, deepest first', () => {
    //                 peak  -10%  -20%  -5%   peak  -30%  -25%  peak  -2%   -4% (not recovered)
    const drawdown = [0, -0.1, -0.2, -0.05, 0, -0.3, -0.25, 0, -0.02, -0.04];
    expect(worstDrawdowns(DATES, drawdown)).toEqual([
      { start: '2024-01-05', trough: '2024-01-08', recovery: '2024-01-10', depth: -0.3, length: 3, daysToTrough: 1 },
      { start: '2024-01-01', trough: '2024-01-03', recovery: '2024-01-05', depth: -0.2, length: 4, daysToTrough: 2 },
      { start: '2024-01-10', trough: '2024-01-12', recovery: null, depth: -0.04, length: 2, daysToTrough: 2 },
    ]);
  });

  it('keeps the ten deepest (or the limit) and breaks ties by date', () => {
    const drawdown = [0, -0.1, 0, -0.1, 0, -0.05, 0, -0.2, 0, 0];
    expect(worstDrawdowns(DATES, drawdown, 2).map((period) => [period.start, period.depth])).toEqual([
      ['2024-01-09', -0.2],
      ['2024-01-01', -0.1],
    ]);
  });

  it('starts on day one when the series opens under water, and finds nothing in a series that never falls', () => {
    expect(worstDrawdowns(DATES.slice(0, 3), [-0.01, -0.03, 0])).toEqual([
      { start: '2024-01-01', trough: '2024-01-02', recovery: '2024-01-03', depth: -0.03, length: 2, daysToTrough: 1 },
    ]);
    expect(worstDrawdowns(DATES, new Array(10).fill(0))).toEqual([]);
  });
});
