/**
 * The binary form of one ticker's daily series, as `GET /assets/{ticker}/prices?format=binary` serves it and the
 * dashboard keeps it (docs/market-data.md, "Binary prices"). Written once here, for the server and the browser:
 * plain Uint8Array and DataView, no Buffer, no TextEncoder.
 *
 * Layout (integers little-endian):
 *
 *   offset  size  field
 *   0       4     magic "PFPS"
 *   4       1     format version (1)
 *   5       1     flags: bit 0 = closes as scaled decimal integers (else Float64); other bits 0
 *   6       1     decimals: the scale 10^decimals of decimal closes (0 with Float64 closes)
 *   7       1     0 (reserved)
 *   8       4     count: number of days (uint32)
 *   12      4     first day number (int32, days since 1970-01-01; 0 when count is 0)
 *   16      …     ticker, source, kind: each a length byte then that many ASCII bytes
 *   …       …     days 2..count: gaps to the previous day, unsigned LEB128 varints (strictly ascending days)
 *   …       …     closes: Float64 × count, or with bit 0 the difference of each close × 10^decimals to the previous
 *                 one (the first to 0), zigzag LEB128 varints
 *
 * Decimal closes are used only when every close round-trips exactly (close = n / 10^decimals, bit for bit), so
 * both forms are lossless. Prices rounded to a few decimals (the bundled sample data, most uploads) take one to
 * three bytes a day instead of eight.
 */

export const PRICE_SERIES_MEDIA_TYPE = 'application/octet-stream';
export const PRICE_SERIES_FORMAT_VERSION = 1;

const MAGIC = [0x50, 0x46, 0x50, 0x53]; // "PFPS"
const HEADER_BYTES = 16;
const FLAG_DECIMAL_CLOSES = 1;
/** Decimal closes use at most this many decimals; beyond it Float64 is about as small. */
const MAX_DECIMALS = 8;
/** |close × 10^decimals| stays below 2^50, so differences and their zigzag form (≤ 2^52) are exact doubles. */
const MAX_SCALED = 2 ** 50;
const POWERS_OF_TEN = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);

/** One ticker's daily closes as typed arrays, with where they come from and what they measure. */
export interface PriceSeriesColumns {
  ticker: string;
  /** The source that served it: a provider (sample, yahoo) or upload. */
  source: string;
  /** total-return or price-only (docs/market-data.md, "What a series measures"). */
  kind: string;
  /** Day numbers (days since 1970-01-01), strictly ascending. */
  days: Int32Array;
  /** Adjusted closes, one per day: what simulations use. */
  closes: Float64Array;
}

export class PriceSeriesCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceSeriesCodecError';
  }
}

/** The binary form of a series; throws PriceSeriesCodecError for input it cannot represent. */
export function encodePriceSeries(series: PriceSeriesColumns): Uint8Array {
  const { days, closes } = series;
  const count = days.length;
  if (closes.length !== count) {
    throw new PriceSeriesCodecError(`${series.ticker}: ${count} days but ${closes.length} closes`);
  }
  for (let i = 1; i < count; i++) {
    if (days[i] <= days[i - 1]) throw new PriceSeriesCodecError(`${series.ticker}: days are not strictly ascending`);
  }
  const decimals = decimalsOf(closes);
  const writer = new ByteWriter(HEADER_BYTES + 64 + count * (decimals >= 0 ? 4 : 10));
  writer.bytes(MAGIC);
  writer.byte(PRICE_SERIES_FORMAT_VERSION);
  writer.byte(decimals >= 0 ? FLAG_DECIMAL_CLOSES : 0);
  writer.byte(Math.max(decimals, 0));
  writer.byte(0);
  writer.uint32(count);
  writer.int32(count > 0 ? days[0] : 0);
  for (const text of [series.ticker, series.source, series.kind]) writer.ascii(text);
  for (let i = 1; i < count; i++) writer.varint(days[i] - days[i - 1]);
  if (decimals >= 0) {
    const scale = POWERS_OF_TEN[decimals];
    let previous = 0;
    for (let i = 0; i < count; i++) {
      const scaled = Math.round(closes[i] * scale);
      const difference = scaled - previous;
      writer.varint(difference >= 0 ? difference * 2 : -difference * 2 - 1);
      previous = scaled;
    }
  } else {
    for (let i = 0; i < count; i++) writer.float64(closes[i]);
  }
  return writer.result();
}

/** Reads the binary form back; throws PriceSeriesCodecError naming what is wrong with malformed input. */
export function decodePriceSeries(bytes: Uint8Array): PriceSeriesColumns {
  const reader = new ByteReader(bytes);
  if (bytes.length < HEADER_BYTES || MAGIC.some((value, index) => bytes[index] !== value)) {
    throw new PriceSeriesCodecError('not a PortoFino price series (magic "PFPS" missing)');
  }
  reader.skip(4);
  const version = reader.byte();
  if (version !== PRICE_SERIES_FORMAT_VERSION) {
    throw new PriceSeriesCodecError(
      `price series format version ${version} is not supported (this reader knows ${PRICE_SERIES_FORMAT_VERSION})`,
    );
  }
  const flags = reader.byte();
  if ((flags & ~FLAG_DECIMAL_CLOSES) !== 0) throw new PriceSeriesCodecError(`unknown price series flags ${flags}`);
  const decimals = reader.byte();
  if (decimals > MAX_DECIMALS) throw new PriceSeriesCodecError(`price series with ${decimals} decimals`);
  reader.byte();
  const count = reader.uint32();
  const firstDay = reader.int32();
  const ticker = reader.ascii();
  const source = reader.ascii();
  const kind = reader.ascii();
  // Each day takes at least one byte and each close at least one: a count the bytes cannot hold is corrupt.
  if (count > bytes.length) throw new PriceSeriesCodecError(`price series of ${ticker} is truncated`);
  const days = new Int32Array(count);
  const closes = new Float64Array(count);
  if (count > 0) days[0] = firstDay;
  for (let i = 1; i < count; i++) {
    const gap = reader.varint();
    if (gap < 1) throw new PriceSeriesCodecError(`price series of ${ticker}: days are not strictly ascending`);
    days[i] = days[i - 1] + gap;
  }
  if ((flags & FLAG_DECIMAL_CLOSES) !== 0) {
    const scale = POWERS_OF_TEN[decimals];
    let scaled = 0;
    for (let i = 0; i < count; i++) {
      const zigzag = reader.varint();
      scaled += zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
      closes[i] = scaled / scale;
    }
  } else {
    for (let i = 0; i < count; i++) closes[i] = reader.float64();
  }
  if (!reader.atEnd()) throw new PriceSeriesCodecError(`price series of ${ticker} has bytes after its closes`);
  return { ticker, source, kind, days, closes };
}

/**
 * The fewest decimals (0–8) with which every close is exactly n / 10^decimals, or -1 when there is none (full
 * doubles such as Yahoo's adjusted closes, NaN, -0, huge values): those are sent as Float64.
 */
function decimalsOf(closes: Float64Array): number {
  let decimals = 0;
  for (let i = 0; i < closes.length; i++) {
    const close = closes[i];
    if (!Number.isFinite(close) || Object.is(close, -0)) return -1;
    while (!roundTrips(close, decimals)) {
      decimals += 1;
      if (decimals > MAX_DECIMALS) return -1;
    }
  }
  // A close that round-tripped with fewer decimals is checked again with the final count.
  for (let i = 0; i < closes.length; i++) if (!roundTrips(closes[i], decimals)) return -1;
  return decimals;
}

function roundTrips(close: number, decimals: number): boolean {
  const scale = POWERS_OF_TEN[decimals];
  const scaled = Math.round(close * scale);
  return Math.abs(scaled) < MAX_SCALED && scaled / scale === close;
}

class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: readonly number[]): void {
    for (const value of values) this.byte(value);
  }

  uint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  int32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, value, true);
    this.length += 4;
  }

  float64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Unsigned LEB128 of an integer below 2^53 (arithmetic, not bit operations, past 2^31). */
  varint(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  ascii(text: string): void {
    if (text.length > 255) throw new PriceSeriesCodecError(`"${text.slice(0, 20)}…" is longer than 255 characters`);
    this.byte(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7e || code < 0x20) throw new PriceSeriesCodecError(`"${text}" is not printable ASCII`);
      this.byte(code);
    }
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

class ByteReader {
  private readonly view: DataView;
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(count: number): void {
    if (this.offset + count > this.bytes.length) throw new PriceSeriesCodecError('price series is truncated');
  }

  skip(count: number): void {
    this.need(count);
    this.offset += count;
  }

  byte(): number {
    this.need(1);
    return this.bytes[this.offset++];
  }

  uint32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return value;
  }

  float64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  varint(): number {
    let value = 0;
    let factor = 1;
    for (let index = 0; ; index++) {
      // 8 bytes carry 56 bits: more is not a value this format writes.
      if (index === 8) throw new PriceSeriesCodecError('price series has a malformed number');
      const byte = this.byte();
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 0x80;
    }
  }

  ascii(): string {
    const length = this.byte();
    this.need(length);
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(this.bytes[this.offset + i]);
    this.offset += length;
    return text;
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
