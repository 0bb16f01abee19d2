import { parsePriceUpload } from './price-upload.parser';

describe('parsePriceUpload', () => {
  it('reads date,close with adj_close defaulting to close, sorted by date', () => {
    expect(parsePriceUpload('date,close\n2021-01-05,101.5\n2021-01-04,100\n')).toEqual({
      ok: true,
      rows: [
        { date: '2021-01-04', close: 100, adjClose: 100, dividend: null, splitRatio: null },
        { date: '2021-01-05', close: 101.5, adjClose: 101.5, dividend: null, splitRatio: null },
      ],
    });
  });

  it('reads date,close,adj_close with CRLF, a BOM, spaces and blank lines', () => {
    expect(parsePriceUpload('\uFEFFDate, Close, Adj_Close\r\n2021-01-04, 100, 98.25\r\n\r\n')).toEqual({
      ok: true,
      rows: [{ date: '2021-01-04', close: 100, adjClose: 98.25, dividend: null, splitRatio: null }],
    });
  });

  it('names every bad line and what is wrong with it', () => {
    const result = parsePriceUpload(
      [
        'date,close,adj_close',
        '2021-01-04,100,99',
        '2021-02-30,100,99',
        '2021-01-05,abc,99',
        '2021-01-06,100',
        '2021-01-04,101,100',
        '2021-01-07,-3,0',
        '2021-01-08,1e3,Infinity',
      ].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      total: 7,
      problems: [
        { line: 3, message: 'date "2021-02-30" is not a calendar date YYYY-MM-DD' },
        { line: 4, message: 'close "abc" is not a positive number' },
        { line: 5, message: 'expected 3 values (date,close,adj_close), found 2' },
        { line: 6, message: 'date 2021-01-04 already appears on line 2' },
        { line: 7, message: 'close "-3" is not a positive number' },
        { line: 7, message: 'adj_close "0" is not a positive number' },
        { line: 8, message: 'adj_close "Infinity" is not a positive number' },
      ],
    });
  });

  it('refuses a file without the header or without rows', () => {
    expect(parsePriceUpload('2021-01-04,100\n')).toEqual({
      ok: false,
      total: 1,
      problems: [{ line: 1, message: 'the header must be date,close or date,close,adj_close, found "2021-01-04,100"' }],
    });
    expect(parsePriceUpload('date,close\n')).toEqual({
      ok: false,
      total: 1,
      problems: [{ line: 2, message: 'the CSV has no price rows' }],
    });
  });
});
