import { buildCalendarKeys, isIsoDate, isoToDayNumber } from './trading-calendar';

describe('trading calendar arithmetic', () => {
  it('numbers every day from 1800 to 2299 exactly as Date.UTC does', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1800, 0, 1); ms < Date.UTC(2300, 0, 1); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      if (isoToDayNumber(iso) !== ms / 86_400_000) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('accepts real days only', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31', '2023-04-30'].map(isIsoDate)).toEqual([true, true, true, true]);
    expect(
      ['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-01', '20230101'].map(
        isIsoDate,
      ),
    ).toEqual([false, false, false, false, false, false, false, false]);
    // Exactly ten characters, ASCII digits and two dashes: nothing around, nothing else in between.
    expect(
      [
        ' 2023-01-01',
        '2023-01-01 ',
        '2023-01-01\n',
        '2023/01/01',
        '2023-0a-01',
        '２０２３-01-01',
        '+023-01-01',
        '',
      ].map(isIsoDate),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('gives the same calendar keys as Date does', () => {
    const dates = ['1999-12-31', '2000-01-01', '2020-02-29', '2023-10-02', '2024-12-30'];
    const keys = buildCalendarKeys(dates);
    dates.forEach((iso, i) => {
      const date = new Date(`${iso}T00:00:00Z`);
      expect(keys.year[i]).toBe(date.getUTCFullYear());
      expect(keys.monthKey[i]).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
      expect(keys.quarterKey[i]).toBe(date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3));
      expect(keys.dayNumber[i]).toBe(date.getTime() / 86_400_000);
      expect(keys.weekKey[i]).toBe(keys.dayNumber[i] - ((date.getUTCDay() + 6) % 7));
    });
  });
});
