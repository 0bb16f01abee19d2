import { isIsoDate, isoToDayNumber } from './trading-calendar';

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
  });
});
