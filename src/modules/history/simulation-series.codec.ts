import { cumulativeSeries } from '../../engine';
import { dayNumberToIso, isoToDayNumber } from '../../engine/dates/iso-days';

/** The daily series of one simulation, as stored and as served by GET /history/{id}. */
export interface SimulationSeries {
  dates: string[];
  /** Non-cash tickers; weights have one more column, cash, at the end. */
  tickers: string[];
  nav: Float64Array;
  dailyReturn: Float64Array;
  /** Derived from dailyReturn by the engine's own function: not stored, identical bit for bit. */
  cumulativeReturn: Float64Array;
  /** Derived from dailyReturn by the engine's own function: not stored, identical bit for bit. */
  drawdown: Float64Array;
  /** Row-major dates × (tickers + cash). Stored as float32: 7 significant digits are plenty for weights. */
  weights: Float32Array;
  /** Benchmark closes on the same dates (NaN where none), when there is a benchmark. */
  benchmark: Float64Array | null;
  /**
   * The benchmark's value with the portfolio's cash flows (the capital, then each contribution), when there is a
   * benchmark; null for results stored before it was kept (version 2).
   */
  benchmarkValue: Float64Array | null;
}

const MAGIC = 0x50465331; // "PFS1"
/** 3 adds the benchmark's value after its closes; 2 (without it) still decodes. */
const VERSION = 3;
const VERSION_WITHOUT_BENCHMARK_VALUE = 2;
const HEADER_BYTES = 24;

/** On a little-endian machine (all we run on) typed arrays already hold the blob's byte order: copy them whole. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Copies a typed array's bytes into `target` at `offset` (any alignment); returns how many. */
function copyBytes(values: Float64Array | Float32Array, target: Buffer, offset: number): number {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(target, offset);
}

/**
 * Packs the series into one binary blob (little endian): magic, version, days, assets, hasBenchmark, tickers
 * JSON length, tickers JSON, int32 day numbers, float64 NAV and daily returns, float32 weights, and the float64
 * benchmark closes and value if any. Cumulative return and drawdown are not stored: they follow from the daily returns.
 * A 33-year daily result with 20 assets and a benchmark is about 0.9 MB (its JSON would be several MB).
 * Not compressed: these numbers are near-random bits, deflate saves 10–20% for a lot of CPU.
 */
export function encodeSimulationSeries(series: SimulationSeries): Buffer {
  const days = series.dates.length;
  const columns = series.tickers.length + 1;
  if (series.weights.length !== days * columns) {
    throw new Error(`weights hold ${series.weights.length} values, expected ${days} × ${columns}`);
  }
  const tickers = Buffer.from(JSON.stringify(series.tickers), 'utf8');
  if (series.benchmark !== null && series.benchmarkValue === null) {
    throw new Error('a benchmark needs its value series too');
  }
  const float64Count = days * (series.benchmark ? 4 : 2);
  const buffer = Buffer.alloc(HEADER_BYTES + tickers.length + days * 4 + float64Count * 8 + days * columns * 4);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, days, true);
  view.setUint32(12, series.tickers.length, true);
  view.setUint32(16, series.benchmark ? 1 : 0, true);
  view.setUint32(20, tickers.length, true);
  tickers.copy(buffer, HEADER_BYTES);
  let offset = HEADER_BYTES + tickers.length;
  for (let i = 0; i < days; i += 1, offset += 4) view.setInt32(offset, isoToDayNumber(series.dates[i]), true);
  const writeFloat64 = (values: Float64Array) => {
    if (LITTLE_ENDIAN && values.length === days) {
      offset += copyBytes(values, buffer, offset);
      return;
    }
    for (let i = 0; i < days; i += 1, offset += 8) view.setFloat64(offset, values[i], true);
  };
  writeFloat64(series.nav);
  writeFloat64(series.dailyReturn);
  if (LITTLE_ENDIAN) offset += copyBytes(series.weights, buffer, offset);
  else for (let i = 0; i < series.weights.length; i += 1, offset += 4) view.setFloat32(offset, series.weights[i], true);
  if (series.benchmark) {
    writeFloat64(series.benchmark);
    writeFloat64(series.benchmarkValue!);
  }
  return buffer;
}

export function decodeSimulationSeries(blob: Buffer): SimulationSeries {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new Error('not a PortoFino series blob');
  const version = view.getUint32(4, true);
  if (version !== VERSION && version !== VERSION_WITHOUT_BENCHMARK_VALUE) {
    throw new Error(`series blob version ${version} is not supported`);
  }
  const days = view.getUint32(8, true);
  const assets = view.getUint32(12, true);
  const hasBenchmark = view.getUint32(16, true) === 1;
  const tickersLength = view.getUint32(20, true);
  const tickers = JSON.parse(blob.subarray(HEADER_BYTES, HEADER_BYTES + tickersLength).toString('utf8')) as string[];
  let offset = HEADER_BYTES + tickersLength;
  const dates = new Array<string>(days);
  for (let i = 0; i < days; i += 1, offset += 4) dates[i] = dayNumberToIso(view.getInt32(offset, true));
  const readFloat64 = (): Float64Array => {
    const values = new Float64Array(days);
    for (let i = 0; i < days; i += 1, offset += 8) values[i] = view.getFloat64(offset, true);
    return values;
  };
  const nav = readFloat64();
  const dailyReturn = readFloat64();
  const weights = new Float32Array(days * (assets + 1));
  for (let i = 0; i < weights.length; i += 1, offset += 4) weights[i] = view.getFloat32(offset, true);
  const benchmark = hasBenchmark ? readFloat64() : null;
  const benchmarkValue = hasBenchmark && version === VERSION ? readFloat64() : null;
  const { cumulativeReturn, drawdown } = cumulativeSeries(dailyReturn);
  return { dates, tickers, nav, dailyReturn, cumulativeReturn, drawdown, weights, benchmark, benchmarkValue };
}
