import { parseWidePriceCsv } from './price-csv.parser';
import { createPriceMatrix, mergePriceSeries, PriceMatrixError } from './price-matrix';

describe('price matrix', () => {
  it('parses a wide CSV, empty cells as missing prices, with calendar keys', () => {
    const matrix = parseWidePriceCsv('Date,AAA,^IDX\n2024-01-05,10.5,\n2024-01-08,11,4000.25\n');
    expect(matrix.dates).toEqual(['2024-01-05', '2024-01-08']);
    expect(matrix.tickers).toEqual(['AAA', '^IDX']);
    expect(Array.from(matrix.values)).toEqual([10.5, Number.NaN, 11, 4000.25]);
    expect(matrix.tickerIndex.get('^IDX')).toBe(1);
    // 2024-01-05 is a Friday, 2024-01-08 the next Monday: different ISO weeks, same month.
    expect(Array.from(matrix.calendar.weekKey)).toEqual([19723, 19730]);
    expect(Array.from(matrix.calendar.monthKey)).toEqual([2024 * 12, 2024 * 12]);
    expect(Array.from(matrix.calendar.quarterKey)).toEqual([2024 * 4, 2024 * 4]);
  });

  it('rejects malformed CSV text', () => {
    expect(() => parseWidePriceCsv('Date,AAA\n')).toThrow(new PriceMatrixError('price CSV has no data rows'));
    expect(() => parseWidePriceCsv('Day,AAA\n2024-01-05,1\n')).toThrow(
      'price CSV must start with a Date column, found Day',
    );
    expect(() => parseWidePriceCsv('Date,AAA\n2024-01-05,1,2\n')).toThrow('price CSV line 2 has 3 cells, expected 2');
    expect(() => parseWidePriceCsv('Date,AAA\n2024-01-05,abc\n')).toThrow(
      'price CSV line 2: AAA price "abc" is not a number',
    );
  });

  it('rejects bad shapes, dates out of order and duplicate tickers', () => {
    expect(() => createPriceMatrix(['2024-01-05'], ['A', 'B'], new Float64Array(3))).toThrow(
      'expected 1 × 2 prices, got 3',
    );
    expect(() => createPriceMatrix(['2024-01-08', '2024-01-05'], ['A'], new Float64Array(2))).toThrow(
      'dates are not strictly ascending at 2024-01-05',
    );
    expect(() => createPriceMatrix(['2024-02-30'], ['A'], new Float64Array(1))).toThrow(
      'date 2024-02-30 is not YYYY-MM-DD',
    );
    expect(() => createPriceMatrix(['2024-01-05'], ['A', 'a'], new Float64Array(2))).toThrow('ticker a appears twice');
  });

  it('merges series on the union of their dates', () => {
    const matrix = mergePriceSeries([
      { ticker: 'A', dates: ['2024-01-08', '2024-01-05'], prices: [2, 1] },
      { ticker: 'B', dates: ['2024-01-09'], prices: [7] },
    ]);
    expect(matrix.dates).toEqual(['2024-01-05', '2024-01-08', '2024-01-09']);
    expect(Array.from(matrix.values)).toEqual([1, Number.NaN, 2, Number.NaN, Number.NaN, 7]);
    expect(() => mergePriceSeries([{ ticker: 'A', dates: ['2024-01-05'], prices: [] }])).toThrow(
      'A: 1 dates but 0 prices',
    );
  });
});
