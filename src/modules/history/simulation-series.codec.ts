import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** The daily series of one simulation, as stored and as served by GET /history/{id}. */
export interface SimulationSeries {
  dates: string[];
  /** Non-cash tickers; weights have one more column, cash, at the end. */
  tickers: string[];
  nav: Float64Array;
  dailyReturn: Float64Array;
  cumulativeReturn: Float64Array;
  drawdown: Float64Array;
  /** Row-major dates × (tickers + cash). Stored as float32: 7 significant digits are plenty for weights. */
  weights: Float32Array;
  /** Benchmark closes on the same dates (NaN where none), when there is a benchmark. */
  benchmark: Float64Array | null;
}

const MAGIC = 0x50465331; // "PFS1"
const DAY_MS = 86_400_000;

function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Packs the series into one deflated binary blob: a 33-year daily result with 20 assets is well under a
 * megabyte (JSON of the same numbers would be several), and decoding is a few array copies.
 * Layout (little endian): magic, version, days, assets, hasBenchmark, tickers JSON length, tickers JSON,
 * then int32 day numbers, four float64 series, float32 weights, and the float64 benchmark if any.
 */
export function encodeSimulationSeries(series: SimulationSeries): Buffer {
  const days = series.dates.length;
  const columns = series.tickers.length + 1;
  if (series.weights.length !== days * columns) {
    throw new Error(`weights hold ${series.weights.length} values, expected ${days} × ${columns}`);
  }
  const tickers = Buffer.from(JSON.stringify(series.tickers), 'utf8');
  const float64Series = [series.nav, series.dailyReturn, series.cumulativeReturn, series.drawdown];
  if (series.benchmark) float64Series.push(series.benchmark);
  const buffer = Buffer.alloc(24 + tickers.length + days * 4 + float64Series.length * days * 8 + days * columns * 4);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 1, true);
  view.setUint32(8, days, true);
  view.setUint32(12, series.tickers.length, true);
  view.setUint32(16, series.benchmark ? 1 : 0, true);
  view.setUint32(20, tickers.length, true);
  tickers.copy(buffer, 24);
  let offset = 24 + tickers.length;
  for (let i = 0; i < days; i += 1, offset += 4) view.setInt32(offset, toDayNumber(series.dates[i]), true);
  for (const values of float64Series.slice(0, 4)) {
    for (let i = 0; i < days; i += 1, offset += 8) view.setFloat64(offset, values[i], true);
  }
  for (let i = 0; i < series.weights.length; i += 1, offset += 4) view.setFloat32(offset, series.weights[i], true);
  if (series.benchmark) {
    for (let i = 0; i < days; i += 1, offset += 8) view.setFloat64(offset, series.benchmark[i], true);
  }
  // Level 1: most of the gain at a fraction of the CPU (encoding is on the worker's hot path).
  return deflateRawSync(buffer, { level: 1 });
}

export function decodeSimulationSeries(blob: Buffer): SimulationSeries {
  const buffer = inflateRawSync(blob);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a PortoFino series blob');
  const version = view.getUint32(4, true);
  if (version !== 1) throw new Error(`series blob version ${version} is not supported`);
  const days = view.getUint32(8, true);
  const assets = view.getUint32(12, true);
  const hasBenchmark = view.getUint32(16, true) === 1;
  const tickersLength = view.getUint32(20, true);
  const tickers = JSON.parse(buffer.subarray(24, 24 + tickersLength).toString('utf8')) as string[];
  let offset = 24 + tickersLength;
  const dates = new Array<string>(days);
  for (let i = 0; i < days; i += 1, offset += 4) dates[i] = fromDayNumber(view.getInt32(offset, true));
  const readFloat64 = (): Float64Array => {
    const values = new Float64Array(days);
    for (let i = 0; i < days; i += 1, offset += 8) values[i] = view.getFloat64(offset, true);
    return values;
  };
  const nav = readFloat64();
  const dailyReturn = readFloat64();
  const cumulativeReturn = readFloat64();
  const drawdown = readFloat64();
  const weights = new Float32Array(days * (assets + 1));
  for (let i = 0; i < weights.length; i += 1, offset += 4) weights[i] = view.getFloat32(offset, true);
  const benchmark = hasBenchmark ? readFloat64() : null;
  return { dates, tickers, nav, dailyReturn, cumulativeReturn, drawdown, weights, benchmark };
}
