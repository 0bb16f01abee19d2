import {
  addDays,
  dayNumberToIso,
  daysInMonth,
  isIsoDate,
  isoOfDay,
  isoToDayNumber,
  isoToEpochSeconds,
} from './iso-days';

// The date module the engine, the server and the dashboard share: each function against Date.UTC, which it replaces.
describe('iso days', () => {
  const days = ['1900-01-01', '1969-12-31', '1970-01-01', '2000-02-29', '2020-03-01', '2100-12-31'];

  it('counts days since 1970-01-01 as Date.UTC does, both ways', () => {
    for (const iso of days) {
      const expected =
        Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
      expect(isoToDayNumber(iso)).toBe(expected);
      expect(dayNumberToIso(expected)).toBe(iso);
      expect(isoOfDay(expected)).toBe(iso);
      expect(isoToEpochSeconds(iso)).toBe(expected * 86_400);
    }
    expect(isoToDayNumber('1970-01-02')).toBe(1);
  });

  it('knows the length of each month, leap years included', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28); // divisible by 100, not by 400
    expect(daysInMonth(2000, 2)).toBe(29); // divisible by 400
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-13-01')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
  });
});
