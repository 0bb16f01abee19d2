import { AnalysisError } from './analysis.errors';
import { computeDrawdownEpisodes } from './drawdown-episodes';

/**
 * Hand-made equity over ten weekdays, 2024-01-01 (Mon) to 2024-01-12 (Fri):
 *
 *   row  date        equity  peak  drawdown
 *   0    2024-01-01  100     100    0
 *   1    2024-01-02   90     100   −10 %      episode A: peak row 0, trough row 1
 *   2    2024-01-03   95     100    −5 %
 *   3    2024-01-04  100     100    0         A recovers
 *   4    2024-01-05  110     110    0
 *   5    2024-01-08   99     110   −10 %      episode B: peak row 4
 *   6    2024-01-09   88     110   −20 %      B's trough
 *   7    2024-01-10   99     110   −10 %
 *   8    2024-01-11  110     110    0         B recovers
 *   9    2024-01-12  105     110   −4.5 %     episode C: peak row 8, not recovered
 */
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
const EQUITY = [100, 90, 95, 100, 110, 99, 88, 99, 110, 105];
const PEAKS = [100, 100, 100, 100, 110, 110, 110, 110, 110, 110];
const DRAWDOWN = Float64Array.from(EQUITY.map((value, row) => value / PEAKS[row] - 1));

describe('drawdown episodes of a hand-made series', () => {
  const { episodes, totalEpisodes } = computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN });

  it('finds all three, deepest first', () => {
    expect(totalEpisodes).toBe(3);
    expect(episodes.map((episode) => episode.peakDate)).toEqual(['2024-01-05', '2024-01-01', '2024-01-11']);
    expect(episodes.map((episode) => episode.depth)).toEqual([88 / 110 - 1, 90 / 100 - 1, 105 / 110 - 1]);
  });

  it('dates and measures the deepest: peak Fri 5th, trough Tue 9th, back on Thu 11th', () => {
    expect(episodes[0]).toEqual({
      peakRow: 4,
      peakDate: '2024-01-05',
      troughRow: 6,
      troughDate: '2024-01-09',
      recoveryRow: 8,
      recoveryDate: '2024-01-11',
      recovered: true,
      depth: 88 / 110 - 1,
      tradingDaysToTrough: 2, // rows 4 → 6
      tradingDaysToRecovery: 2, // rows 6 → 8
      tradingDays: 4, // rows 4 → 8
      calendarDaysToTrough: 4, // Jan 5 → Jan 9, over a weekend
      calendarDaysToRecovery: 2, // Jan 9 → Jan 11
      underwaterDays: 3, // Jan 8 to Jan 10, inclusive
    });
  });

  it('reports the last one as not recovered, measured to the end', () => {
    expect(episodes[2]).toMatchObject({
      peakRow: 8,
      troughRow: 9,
      recoveryRow: null,
      recoveryDate: null,
      recovered: false,
      tradingDaysToTrough: 1,
      tradingDaysToRecovery: null,
      calendarDaysToRecovery: null,
      tradingDays: 1,
      underwaterDays: 1,
    });
  });

  it('keeps only falls deeper than a threshold, or the deepest few', () => {
    const deeperThan5 = computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN }, { deeperThan: 0.05 });
    expect(deeperThan5.episodes.map((episode) => episode.peakRow)).toEqual([4, 0]);
    expect(deeperThan5.totalEpisodes).toBe(3);
    const deepest = computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN }, { limit: 1 });
    expect(deepest.episodes.map((episode) => episode.peakRow)).toEqual([4]);
    // −10 % is not deeper than 10 %: only B remains.
    const deeperThan10 = computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN }, { deeperThan: 0.1 });
    expect(deeperThan10.episodes.map((episode) => episode.peakRow)).toEqual([4]);
  });

  it('has none for a series that never falls', () => {
    const flat = computeDrawdownEpisodes({ dates: DATES.slice(0, 3), drawdown: new Float64Array(3) });
    expect(flat).toEqual({ totalEpisodes: 0, episodes: [] });
  });

  it('refuses a threshold or limit out of range, naming it', () => {
    expect(() => computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN }, { deeperThan: 1.5 })).toThrow(
      new AnalysisError('INVALID_OPTION', 'deeperThan', 'deeperThan must be a number from 0 to 1, got 1.5'),
    );
    expect(() => computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN }, { limit: 0 })).toThrow(
      'limit must be a whole number from 1 to 1000, got 0',
    );
    expect(() => computeDrawdownEpisodes({ dates: DATES, drawdown: DRAWDOWN.subarray(1) })).toThrow(AnalysisError);
  });
});
