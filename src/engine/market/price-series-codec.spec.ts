import fc from 'fast-check';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import {
  decodePriceSeries,
  encodePriceSeries,
  PRICE_SERIES_FORMAT_VERSION,
  PriceSeriesCodecError,
  PriceSeriesColumns,
} from './price-series.codec';

/** One column of the committed sample data as the server serves it: day numbers and adjusted closes. */
function sampleColumn(ticker: string): PriceSeriesColumns {
  const matrix = samplePrices();
  const column = matrix.tickerIndex.get(ticker) as number;
  const width = matrix.tickers.length;
  return {
    ticker,
    source: 'sample',
    kind: ticker.startsWith('^') ? 'price-only' : 'total-return',
    days: Int32Array.from(matrix.calendar.dayNumber),
    closes: Float64Array.from({ length: matrix.dates.length }, (_, row) => matrix.values[row * width + column]),
  };
}

/** Equality of two day lists, element by element (Jest's toEqual is slow on 8,000-element typed arrays). */
function sameDays(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((day, index) => day === b[index]);
}

/** Bit-for-bit equality of two Float64Arrays (NaN equal to NaN, -0 different from 0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const left = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const right = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return left.every((byte, index) => byte === right[index]);
}

describe('binary price series', () => {
  it('round-trips a 33-year sample series exactly in well under 30 KB (closes rounded to 3 decimals)', () => {
    const aapl = sampleColumn('AAPL');
    const bytes = encodePriceSeries(aapl);
    const decoded = decodePriceSeries(bytes);
    expect(decoded.ticker).toBe('AAPL');
    expect(decoded.source).toBe('sample');
    expect(decoded.kind).toBe('total-return');
    expect(sameDays(decoded.days, aapl.days)).toBe(true);
    expect(sameBits(decoded.closes, aapl.closes)).toBe(true);
    // 8,313 days: gaps of 1–4 days take a byte each; a close's change in thousandths one to three bytes.
    expect(aapl.days.length).toBe(8313);
    expect(bytes[5]).toBe(1); // decimal closes
    expect(bytes[6]).toBe(3); // thousandths
    expect(bytes.length).toBeLessThan(30_000);
    // Float64 alone would take 8 bytes a close.
    expect(bytes.length).toBeLessThan(aapl.days.length * 8 * 0.5);
  });

  it('every sample ticker round-trips exactly', () => {
    for (const ticker of samplePrices().tickers) {
      const column = sampleColumn(ticker);
      const decoded = decodePriceSeries(encodePriceSeries(column));
      expect(sameBits(decoded.closes, column.closes)).toBe(true);
      expect(sameDays(decoded.days, column.days)).toBe(true);
    }
  });

  it('keeps full doubles (Yahoo adjusted closes) as Float64: 8 bytes a close after the header and day gaps', () => {
    const series: PriceSeriesColumns = {
      ticker: 'BRK-B',
      source: 'yahoo',
      kind: 'total-return',
      days: Int32Array.from([19000, 19001, 19004]),
      closes: Float64Array.from([0.0995638519525528, 312.1234567890123, 1 / 3]),
    };
    const bytes = encodePriceSeries(series);
    expect(bytes[5]).toBe(0);
    // 16 header + (1+5 + 1+5 + 1+12) strings + 2 gaps + 3 × 8 closes.
    expect(bytes.length).toBe(16 + 6 + 6 + 13 + 2 + 24);
    const decoded = decodePriceSeries(bytes);
    expect(decoded).toEqual(series);
    expect(sameBits(decoded.closes, series.closes)).toBe(true);
  });

  it('sends NaN, -0 and prices too large to scale as Float64, unchanged', () => {
    for (const closes of [
      [1.5, Number.NaN, 2],
      [-0, 1, 2],
      [2e12, 2e12 + 0.001, 5],
    ]) {
      const series: PriceSeriesColumns = {
        ticker: 'X',
        source: 'upload',
        kind: 'price-only',
        days: Int32Array.from([1, 2, 3]),
        closes: Float64Array.from(closes),
      };
      const bytes = encodePriceSeries(series);
      expect(bytes[5]).toBe(0);
      expect(sameBits(decodePriceSeries(bytes).closes, series.closes)).toBe(true);
    }
  });

  it('encodes an empty series and days before 1970', () => {
    const empty: PriceSeriesColumns = {
      ticker: 'E',
      source: 'sample',
      kind: 'price-only',
      days: new Int32Array(0),
      closes: new Float64Array(0),
    };
    expect(decodePriceSeries(encodePriceSeries(empty))).toEqual(empty);
    const old: PriceSeriesColumns = {
      ...empty,
      days: Int32Array.from([-25567, -25566]),
      closes: Float64Array.from([2, 3]),
    };
    expect(decodePriceSeries(encodePriceSeries(old))).toEqual(old);
  });

  it('round-trips any ascending days and any doubles, and decimals of any precision, bit for bit', () => {
    const days = fc
      .uniqueArray(fc.integer({ min: -40_000, max: 80_000 }), { minLength: 0, maxLength: 60 })
      .map((values) => Int32Array.from(values.sort((a, b) => a - b)));
    const anyDouble = fc.double({ noDefaultInfinity: false });
    const decimal = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 10 }))
      .map(([units, decimals]) => units / 10 ** decimals);
    fc.assert(
      fc.property(days, fc.oneof(anyDouble, decimal), fc.boolean(), (dayList, one, decimalOnly) => {
        const closes = Float64Array.from(dayList, (_, index) => (decimalOnly ? one + index / 100 : one * (index + 1)));
        const series: PriceSeriesColumns = {
          ticker: 'T',
          source: 'sample',
          kind: 'total-return',
          days: dayList,
          closes,
        };
        const decoded = decodePriceSeries(encodePriceSeries(series));
        return sameBits(decoded.closes, closes) && decoded.days.every((day, index) => day === dayList[index]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what it cannot represent: unequal lengths, unsorted days, non-ASCII names', () => {
    const base: PriceSeriesColumns = {
      ticker: 'A',
      source: 'sample',
      kind: 'total-return',
      days: Int32Array.from([1, 2]),
      closes: Float64Array.from([1, 2]),
    };
    expect(() => encodePriceSeries({ ...base, closes: Float64Array.from([1]) })).toThrow(
      new PriceSeriesCodecError('A: 2 days but 1 closes'),
    );
    expect(() => encodePriceSeries({ ...base, days: Int32Array.from([2, 2]) })).toThrow(
      'A: days are not strictly ascending',
    );
    expect(() => encodePriceSeries({ ...base, ticker: 'ÄPFEL' })).toThrow('"ÄPFEL" is not printable ASCII');
  });

  it('names what is wrong with malformed bytes', () => {
    const good = encodePriceSeries(sampleColumn('KO'));
    expect(() => decodePriceSeries(new TextEncoder().encode('date,close\n'))).toThrow(
      'not a PortoFino price series (magic "PFPS" missing)',
    );
    const future = good.slice();
    future[4] = PRICE_SERIES_FORMAT_VERSION + 1;
    expect(() => decodePriceSeries(future)).toThrow(
      `price series format version ${PRICE_SERIES_FORMAT_VERSION + 1} is not supported (this reader knows 1)`,
    );
    const flagged = good.slice();
    flagged[5] = 0b11;
    expect(() => decodePriceSeries(flagged)).toThrow('unknown price series flags 3');
    expect(() => decodePriceSeries(good.subarray(0, good.length - 1))).toThrow(PriceSeriesCodecError);
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(() => decodePriceSeries(longer)).toThrow('price series of KO has bytes after its closes');
  });
});
