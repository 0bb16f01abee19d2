import { MAX_LISTED_PROBLEMS, parsePriceUpload, PriceUploadParser } from './price-upload.parser';

const TODAY = '2024-06-30';

describe('parsePriceUpload', () => {
  it('reads date,close with adj_close defaulting to close, sorted by date', () => {
    expect(parsePriceUpload('date,close\n2021-01-05,101.5\n2021-01-04,100\n', TODAY)).toEqual({
      rows: [
        { date: '2021-01-04', close: 100, adjClose: 100 },
        { date: '2021-01-05', close: 101.5, adjClose: 101.5 },
      ],
      problems: [],
      totalProblems: 0,
      format: {
        delimiter: ',',
        decimalComma: false,
        columns: { date: 'date', close: 'close', adjClose: null },
        ignored: [],
      },
      lines: 2,
    });
  });

  it('reads date,close,adj_close with CRLF, a BOM, spaces and blank lines', () => {
    const result = parsePriceUpload('\uFEFFDate, Close, Adj_Close\r\n2021-01-04, 100, 98.25\r\n\r\n', TODAY);
    expect(result.rows).toEqual([{ date: '2021-01-04', close: 100, adjClose: 98.25 }]);
    expect(result.totalProblems).toBe(0);
  });

  it("reads Yahoo's export: Date,Open,High,Low,Close,Adj Close,Volume, newest first", () => {
    const yahoo = [
      'Date,Open,High,Low,Close,Adj Close,Volume',
      '2024-01-03,184.22,185.88,183.43,184.25,183.73,58414500',
      '2024-01-02,187.15,188.44,183.89,185.64,185.11,82488700',
    ].join('\n');
    const result = parsePriceUpload(yahoo, TODAY);
    expect(result.rows).toEqual([
      { date: '2024-01-02', close: 185.64, adjClose: 185.11 },
      { date: '2024-01-03', close: 184.25, adjClose: 183.73 },
    ]);
    expect(result.format).toEqual({
      delimiter: ',',
      decimalComma: false,
      columns: { date: 'Date', close: 'Close', adjClose: 'Adj Close' },
      ignored: ['Open', 'High', 'Low', 'Volume'],
    });
  });

  it('reads semicolon-separated files with decimal commas, quoted cells and a header in any case', () => {
    const result = parsePriceUpload(
      '"DATE";"CLOSE";"ADJ CLOSE"\n"2024-01-02";101,25;100,5\n2024-01-03;102;101\n',
      TODAY,
    );
    expect(result.rows).toEqual([
      { date: '2024-01-02', close: 101.25, adjClose: 100.5 },
      { date: '2024-01-03', close: 102, adjClose: 101 },
    ]);
    expect(result.format).toMatchObject({ delimiter: ';', decimalComma: true });
  });

  it('reads an adjusted close alone, and a time after the date', () => {
    const result = parsePriceUpload('date;adj close\n2024-01-02 00:00:00;10.5\n2024-01-03T00:00:00Z;11\n', TODAY);
    expect(result.rows).toEqual([
      { date: '2024-01-02', close: null, adjClose: 10.5 },
      { date: '2024-01-03', close: null, adjClose: 11 },
    ]);
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
        '2021-01-11,null,null',
      ].join('\n'),
      TODAY,
    );
    expect(result.problems).toEqual([
      { line: 3, message: 'date "2021-02-30" is not a calendar date YYYY-MM-DD' },
      { line: 4, message: 'close "abc" is not a positive number' },
      { line: 5, message: 'expected 3 values separated by ",", found 2' },
      { line: 6, message: 'date 2021-01-04 already appears on line 2' },
      { line: 7, message: 'close "-3" is not a positive number' },
      { line: 7, message: 'adj_close "0" is not a positive number' },
      { line: 8, message: 'adj_close "Infinity" is not a positive number' },
      { line: 9, message: 'close "null" is not a positive number' },
      { line: 9, message: 'adj_close "null" is not a positive number' },
    ]);
    expect(result.totalProblems).toBe(9);
    // The good line is still there for the preview.
    expect(result.rows).toEqual([{ date: '2021-01-04', close: 100, adjClose: 99 }]);
  });

  it('refuses implausible prices and dates (issue 14: 1e-320 and the year 0000 were accepted)', () => {
    const result = parsePriceUpload(
      [
        'date,close',
        '2021-01-04,1e-320',
        '0000-01-03,100',
        '1599-12-31,100',
        '2024-07-01,100',
        '2021-01-05,2e12',
        '1600-01-03,1e-9',
      ].join('\n'),
      TODAY,
    );
    expect(result.problems).toEqual([
      { line: 2, message: 'close 1e-320 is not a plausible price (between 1e-9 and 1e+12)' },
      { line: 3, message: 'date 0000-01-03 is before 1600-01-01: not a plausible trading day' },
      { line: 4, message: 'date 1599-12-31 is before 1600-01-01: not a plausible trading day' },
      { line: 5, message: 'date 2024-07-01 is in the future (today is 2024-06-30)' },
      { line: 6, message: 'close 2e12 is not a plausible price (between 1e-9 and 1e+12)' },
    ]);
    expect(result.rows).toEqual([{ date: '1600-01-03', close: 1e-9, adjClose: 1e-9 }]);
  });

  it('refuses a file without a header it can read, or without rows', () => {
    expect(parsePriceUpload('2021-01-04,100\n', TODAY)).toMatchObject({
      format: null,
      totalProblems: 1,
      problems: [
        { line: 1, message: expect.stringMatching(/^the header must name a date column .* found "2021-01-04,100"$/) },
      ],
    });
    expect(parsePriceUpload('date,open\n2021-01-04,100\n', TODAY).problems[0].line).toBe(1);
    expect(parsePriceUpload('date,close\n', TODAY)).toMatchObject({
      totalProblems: 1,
      problems: [{ line: 2, message: 'the file has no price rows' }],
    });
    expect(parsePriceUpload('', TODAY).totalProblems).toBe(1);
  });

  it(`lists at most ${MAX_LISTED_PROBLEMS} problems and counts them all`, () => {
    const lines = Array.from({ length: 250 }, (_, i) => `2021-01-${String((i % 28) + 1).padStart(2, '0')},x`);
    const result = parsePriceUpload(`date,close\n${lines.join('\n')}`, TODAY);
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.totalProblems).toBe(250);
  });
});

describe('PriceUploadParser', () => {
  it('reads a slice of lines per step, with the same result as reading at once', () => {
    const text = `date,close\n${Array.from({ length: 10 }, (_, i) => `2021-02-${String(i + 10)},${i + 1}`).join('\n')}\n`;
    const parser = new PriceUploadParser(text, TODAY);
    const steps: boolean[] = [];
    for (let i = 0; i < 5; i++) steps.push(parser.step(3));
    // 11 lines (header + 10): steps of 3 read 3, 6, 9, 11 lines; the fourth step meets the end.
    expect(steps).toEqual([false, false, false, true, true]);
    expect(parser.result()).toEqual(parsePriceUpload(text, TODAY));
    expect(parser.result().rows).toHaveLength(10);
  });
});
