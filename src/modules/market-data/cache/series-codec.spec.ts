import { decodeSeries, encodeSeries } from './series-codec';
import type { StoredSeries } from '../market-data.types';

describe('series codec', () => {
  const series: StoredSeries = {
    assetId: 'a1',
    source: 'yahoo',
    ownerId: null,
    metadata: { ticker: 'AAPL', name: 'Apple Inc.', currency: 'USD', exchange: 'NasdaqGS', type: 'EQUITY' },
    coverage: [{ start: '2020-01-01', end: '2020-01-07' }],
    days: Int32Array.from([18263, 18264, 18267]),
    adjClose: Float64Array.from([72.27154541015625, 71.5, 0.1 + 0.2]),
    close: Float64Array.from([75.0875015258789, Number.NaN, 1e-300]),
    dividends: [[18264, 0.1925]],
    splits: [[18267, 4]],
  };

  it('round-trips every value bit for bit, NaN included', () => {
    const decoded = decodeSeries(encodeSeries(series))!;
    expect(decoded.metadata).toEqual(series.metadata);
    expect(decoded.coverage).toEqual(series.coverage);
    expect(Array.from(decoded.days)).toEqual([18263, 18264, 18267]);
    expect(Array.from(decoded.adjClose)).toEqual([72.27154541015625, 71.5, 0.30000000000000004]);
    expect(Number.isNaN(decoded.close[1])).toBe(true);
    expect(decoded.close[2]).toBe(1e-300);
    expect(decoded.dividends).toEqual([[18264, 0.1925]]);
    expect(decoded.splits).toEqual([[18267, 4]]);
  });

  it('decodes from an unaligned buffer (as Redis hands it back)', () => {
    const encoded = encodeSeries(series);
    const shifted = Buffer.alloc(encoded.length + 3);
    encoded.copy(shifted, 3);
    expect(Array.from(decodeSeries(shifted.subarray(3))!.adjClose)).toEqual(Array.from(series.adjClose));
  });

  it('treats anything else as a miss', () => {
    expect(decodeSeries(Buffer.from('{"not":"ours"}'))).toBeUndefined();
    expect(decodeSeries(Buffer.alloc(2))).toBeUndefined();
  });
});
