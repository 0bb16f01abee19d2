import { isoOfDay, servedRows, simulationSeries } from './simulation-prices';
import { isoToDayNumber } from './trading-calendar';

const day = isoToDayNumber;

/** Thursday 2024-01-04, Friday 01-05, then Tuesday 01-09 (Monday a holiday), Wednesday 01-10. */
const DAYS = Int32Array.from(['2024-01-04', '2024-01-05', '2024-01-09', '2024-01-10'].map(day));
const CLOSES = Float64Array.from([10, 11, 12, 13]);

describe('the prices a simulation is given', () => {
  it('serves the days within the range; with the look-back, one row earlier when none falls on the start', () => {
    // Starting on a trading day: that day, look-back or not.
    expect(servedRows(DAYS, day('2024-01-05'), day('2024-01-10'), true)).toEqual({ from: 1, to: 4 });
    // Starting on the holiday Monday 01-08: the first day within is 01-09 (row 2); the look-back adds Friday (row 1).
    expect(servedRows(DAYS, day('2024-01-08'), day('2024-01-10'), false)).toEqual({ from: 2, to: 4 });
    expect(servedRows(DAYS, day('2024-01-08'), day('2024-01-10'), true)).toEqual({ from: 1, to: 4 });
    // Before the first price there is nothing to look back to.
    expect(servedRows(DAYS, day('2024-01-01'), day('2024-01-04'), true)).toEqual({ from: 0, to: 1 });
    // An end between two days stops at the earlier one.
    expect(servedRows(DAYS, day('2024-01-04'), day('2024-01-08'), true)).toEqual({ from: 0, to: 2 });
  });

  it('serves nothing when no day falls within the range, even if a price lies before it', () => {
    expect(servedRows(DAYS, day('2024-01-06'), day('2024-01-08'), true)).toBeNull();
    expect(servedRows(DAYS, day('2024-02-01'), day('2024-03-01'), true)).toBeNull();
    expect(servedRows(new Int32Array(0), day('2024-01-01'), day('2024-03-01'), true)).toBeNull();
  });

  it('gives the rows as ISO dates and a view on the closes', () => {
    const series = simulationSeries('ACME', DAYS, CLOSES, '2024-01-08', '2024-01-31');
    expect(series).toEqual({
      ticker: 'ACME',
      dates: ['2024-01-05', '2024-01-09', '2024-01-10'],
      prices: Float64Array.from([11, 12, 13]),
    });
    expect((series?.prices as Float64Array).buffer).toBe(CLOSES.buffer);
    expect(simulationSeries('ACME', DAYS, CLOSES, '2024-01-06', '2024-01-08')).toBeNull();
  });

  it('writes day numbers as ISO dates, also outside the memoised years', () => {
    expect(isoOfDay(day('2024-02-29'))).toBe('2024-02-29');
    expect(isoOfDay(day('1899-12-31'))).toBe('1899-12-31');
    expect(isoOfDay(day('2200-01-01'))).toBe('2200-01-01');
  });
});
