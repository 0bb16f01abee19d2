import { calendarReturns, yearlyPriceReturns } from './period-returns';

describe('calendarReturns', () => {
  it('compounds daily returns by month and by year; months with no day are NaN', () => {
    const dates = ['2023-12-28', '2023-12-29', '2024-01-02', '2024-01-03', '2024-03-01'];
    const returns = [0, 0.1, -0.5, 0.2, 0.25];
    const years = calendarReturns(dates, returns);
    expect(years.map((year) => year.year)).toEqual([2023, 2024]);
    expect(years[0].months[11]).toBeCloseTo(0.1, 15);
    expect(years[0].months.slice(0, 11).every(Number.isNaN)).toBe(true);
    expect(years[0].total).toBeCloseTo(0.1, 15);
    expect(years[1].months[0]).toBeCloseTo(0.5 * 1.2 - 1, 15); // -0.4
    expect(Number.isNaN(years[1].months[1])).toBe(true);
    expect(years[1].months[2]).toBe(0.25);
    expect(years[1].total).toBeCloseTo(0.6 * 1.25 - 1, 15); // -0.25
    // The year equals its months compounded.
    const compounded = years[1].months.filter((m) => !Number.isNaN(m)).reduce((growth, m) => growth * (1 + m), 1) - 1;
    expect(Math.abs(compounded - years[1].total)).toBeLessThan(1e-15);
  });
});

describe('yearlyPriceReturns', () => {
  it('measures each year from the last close of the year before (the first close for the first year)', () => {
    const dates = ['2022-12-29', '2022-12-30', '2023-06-01', '2023-12-29', '2024-01-02'];
    const prices = [100, 110, NaN, 121, 133.1];
    expect([...yearlyPriceReturns(dates, prices)]).toEqual([
      [2022, 110 / 100 - 1],
      [2023, 121 / 110 - 1],
      [2024, 133.1 / 121 - 1],
    ]);
  });
});
