import { isoOfDay, mergeRanges, missingRanges } from './date-ranges';
import { isoToDayNumber } from '../../engine/market/trading-calendar';

describe('date ranges', () => {
  it('joins overlapping and touching ranges, keeps gaps', () => {
    expect(
      mergeRanges([
        { start: '2021-01-01', end: '2021-12-31' },
        { start: '2020-01-01', end: '2020-12-31' },
        { start: '2022-01-03', end: '2022-02-01' },
        { start: '2022-01-10', end: '2022-01-20' },
      ]),
    ).toEqual([
      { start: '2020-01-01', end: '2021-12-31' },
      { start: '2022-01-03', end: '2022-02-01' },
    ]);
  });

  it('finds only what is missing on both sides of a stored year', () => {
    expect(
      missingRanges({ start: '2019-01-01', end: '2021-12-31' }, [{ start: '2020-01-01', end: '2020-12-31' }]),
    ).toEqual([
      { start: '2019-01-01', end: '2019-12-31' },
      { start: '2021-01-01', end: '2021-12-31' },
    ]);
  });

  it('finds nothing missing inside a covered range, everything without coverage', () => {
    expect(
      missingRanges({ start: '2020-03-01', end: '2020-04-01' }, [{ start: '2020-01-01', end: '2020-12-31' }]),
    ).toEqual([]);
    expect(missingRanges({ start: '2020-03-01', end: '2020-04-01' }, [])).toEqual([
      { start: '2020-03-01', end: '2020-04-01' },
    ]);
    expect(
      missingRanges({ start: '2020-01-01', end: '2020-01-31' }, [
        { start: '2020-01-05', end: '2020-01-10' },
        { start: '2020-01-20', end: '2020-02-10' },
      ]),
    ).toEqual([
      { start: '2020-01-01', end: '2020-01-04' },
      { start: '2020-01-11', end: '2020-01-19' },
    ]);
  });

  it('memoises ISO dates exactly', () => {
    for (const iso of ['1900-01-01', '1970-01-01', '2000-02-29', '2022-12-28', '2199-12-31', '1899-12-31']) {
      expect(isoOfDay(isoToDayNumber(iso))).toBe(iso);
      expect(isoOfDay(isoToDayNumber(iso))).toBe(iso);
    }
  });
});
