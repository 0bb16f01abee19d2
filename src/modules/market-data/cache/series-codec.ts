import type { StoredSeries } from '../market-data.types';

/**
 * Compact binary form of a StoredSeries for Redis: a 4-byte header length, the JSON header (ids, metadata,
 * coverage, sparse dividends and splits), zero padding to 8 bytes, then the raw Int32 day numbers and the
 * Float64 adjusted and raw closes. A 33-year daily series is about 170 kB, decoded without parsing numbers.
 */
const FORMAT_VERSION = 1;

interface Header {
  v: number;
  n: number;
  assetId: string;
  source: StoredSeries['source'];
  ownerId: string | null;
  metadata: StoredSeries['metadata'];
  coverage: StoredSeries['coverage'];
  dividends: StoredSeries['dividends'];
  splits: StoredSeries['splits'];
}

export function encodeSeries(series: StoredSeries): Buffer {
  const n = series.days.length;
  const header: Header = {
    v: FORMAT_VERSION,
    n,
    assetId: series.assetId,
    source: series.source,
    ownerId: series.ownerId,
    metadata: series.metadata,
    coverage: series.coverage,
    dividends: series.dividends,
    splits: series.splits,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const dataStart = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const buffer = Buffer.alloc(dataStart + n * 4 + n * 16);
  buffer.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(buffer, 4);
  const body = new Uint8Array(buffer.buffer, buffer.byteOffset + dataStart, n * 20);
  body.set(new Uint8Array(series.adjClose.buffer, series.adjClose.byteOffset, n * 8), 0);
  body.set(new Uint8Array(series.close.buffer, series.close.byteOffset, n * 8), n * 8);
  body.set(new Uint8Array(series.days.buffer, series.days.byteOffset, n * 4), n * 16);
  return buffer;
}

/** Decodes what encodeSeries wrote; undefined for anything else (an older format: treat as a miss). */
export function decodeSeries(buffer: Buffer): StoredSeries | undefined {
  if (buffer.length < 4) return undefined;
  const headerLength = buffer.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength)) as Header;
  } catch {
    return undefined;
  }
  const n = header.n;
  const dataStart = Math.ceil((4 + headerLength) / 8) * 8;
  if (header.v !== FORMAT_VERSION || buffer.length !== dataStart + n * 20) return undefined;
  // One aligned copy of the numeric part; the typed arrays are views on it.
  const data = new ArrayBuffer(n * 20);
  new Uint8Array(data).set(buffer.subarray(dataStart));
  return {
    assetId: header.assetId,
    source: header.source,
    ownerId: header.ownerId,
    metadata: header.metadata,
    coverage: header.coverage,
    dividends: header.dividends,
    splits: header.splits,
    adjClose: new Float64Array(data, 0, n),
    close: new Float64Array(data, n * 8, n),
    days: new Int32Array(data, n * 16, n),
  };
}
