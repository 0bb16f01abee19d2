import { SUMMARY_METRICS } from '../batch/batch.kernel';
import { HISTOGRAM_BINS } from './study.accumulators';
import { studyError } from './study.errors';
import {
  MetricAccumulator,
  STUDY_OBJECTIVES,
  STUDY_STATISTIC_METRICS,
  StudyBinEntry,
  StudyChunkResult,
  StudyEntry,
  StudyObjective,
  StudyScatter,
  StudyStatisticMetric,
} from './study.types';

/**
 * Chunk results as JSON text, for queues and storage: numbers arrays as base64 of their little-endian bytes
 * (exact bits, NaN and infinities included), the exact sums as decimal strings. Decoding gives a result equal
 * to the encoded one, field for field.
 */
export function encodeStudyChunkResult(result: StudyChunkResult): string {
  const entry = (e: StudyEntry) => ({ index: e.index, summary: encodeFloat64(e.summary) });
  const binEntry = (e: StudyBinEntry) => ({ ...entry(e), bin: e.bin, lowestRisk: e.lowestRisk });
  return JSON.stringify({
    format: FORMAT,
    fingerprint: result.fingerprint,
    topN: result.topN,
    ranges: result.ranges,
    evaluated: result.evaluated,
    valid: result.valid,
    frontier: result.frontier.map(binEntry),
    drawdownFrontier: result.drawdownFrontier.map(binEntry),
    top: Object.fromEntries(STUDY_OBJECTIVES.map((objective) => [objective, result.top[objective].map(entry)])),
    statistics: Object.fromEntries(
      STUDY_STATISTIC_METRICS.map((metric) => {
        const accumulator = result.statistics[metric];
        return [
          metric,
          {
            count: accumulator.count,
            extremes: encodeFloat64(Float64Array.of(accumulator.min, accumulator.max)),
            scaledSum: accumulator.scaledSum.toString(),
            below: accumulator.below,
            above: accumulator.above,
            histogram: encodeInt32(accumulator.histogram),
          },
        ];
      }),
    ),
    scatter: {
      stride: result.scatter.stride,
      index: encodeInt32(result.scatter.index),
      volatility: encodeFloat32(result.scatter.volatility),
      cagr: encodeFloat32(result.scatter.cagr),
      sharpe: encodeFloat32(result.scatter.sharpe),
      maxDrawdown: encodeFloat32(result.scatter.maxDrawdown),
    },
  });
}

const FORMAT = 'portofino-study-chunk/1';

/**
 * A study's scatter as GET /studies/{id}/scatter serves it: `{ count, stride, index, volatility, cagr, sharpe,
 * maxDrawdown }` where each array is base64 of the little-endian typed array (Int32 for index, Float32 for the
 * others): 20 bytes a point, the dashboard reads them into typed arrays without parsing numbers.
 */
export interface EncodedStudyScatter {
  count: number;
  stride: number;
  index: string;
  volatility: string;
  cagr: string;
  sharpe: string;
  maxDrawdown: string;
}

export function encodeStudyScatter(scatter: StudyScatter): EncodedStudyScatter {
  return {
    count: scatter.index.length,
    stride: scatter.stride,
    index: encodeInt32(scatter.index),
    volatility: encodeFloat32(scatter.volatility),
    cagr: encodeFloat32(scatter.cagr),
    sharpe: encodeFloat32(scatter.sharpe),
    maxDrawdown: encodeFloat32(scatter.maxDrawdown),
  };
}

/** The inverse of encodeStudyScatter; a RESULTS_MISMATCH StudyError when the columns do not hold `count` points. */
export function decodeStudyScatter(encoded: EncodedStudyScatter): StudyScatter {
  const scatter: StudyScatter = {
    stride: encoded.stride,
    index: decodeInt32(encoded.index),
    volatility: decodeFloat32(encoded.volatility),
    cagr: decodeFloat32(encoded.cagr),
    sharpe: decodeFloat32(encoded.sharpe),
    maxDrawdown: decodeFloat32(encoded.maxDrawdown),
  };
  const columns = [scatter.index, scatter.volatility, scatter.cagr, scatter.sharpe, scatter.maxDrawdown];
  if (!Number.isInteger(encoded.stride) || columns.some((column) => column.length !== encoded.count)) {
    throw malformed('a scatter whose columns do not hold count points');
  }
  return scatter;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- decoding untrusted JSON, checked field by field */
export function decodeStudyChunkResult(text: string): StudyChunkResult {
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed('not JSON');
  }
  if (json?.format !== FORMAT) throw malformed(`format ${String(json?.format)}, expected ${FORMAT}`);
  const entry = (e: any): StudyEntry => {
    const summary = decodeFloat64(e?.summary);
    if (!Number.isInteger(e?.index) || summary.length !== SUMMARY_METRICS.length) throw malformed('an entry');
    return { index: e.index, summary };
  };
  const binEntry = (e: any): StudyBinEntry => {
    if (!Number.isInteger(e?.bin) || typeof e?.lowestRisk !== 'boolean') throw malformed('a frontier bin');
    return { ...entry(e), bin: e.bin, lowestRisk: e.lowestRisk };
  };
  const list = <T>(value: any, read: (e: any) => T): T[] => {
    if (!Array.isArray(value)) throw malformed('a list');
    return value.map(read);
  };
  const integer = (value: any, name: string): number => {
    if (!Number.isInteger(value) || value < 0) throw malformed(name);
    return value;
  };
  const statistics = {} as Record<StudyStatisticMetric, MetricAccumulator>;
  for (const metric of STUDY_STATISTIC_METRICS) {
    const s = json.statistics?.[metric];
    const extremes = decodeFloat64(s?.extremes);
    const histogram = decodeInt32(s?.histogram);
    if (extremes.length !== 2 || histogram.length !== HISTOGRAM_BINS || !/^-?\d+$/.test(String(s?.scaledSum))) {
      throw malformed(`statistics of ${metric}`);
    }
    statistics[metric] = {
      count: integer(s.count, 'a count'),
      min: extremes[0],
      max: extremes[1],
      scaledSum: BigInt(s.scaledSum),
      below: integer(s.below, 'a count'),
      above: integer(s.above, 'a count'),
      histogram,
    };
  }
  const scatter = json.scatter;
  const result: StudyChunkResult = {
    fingerprint: String(json.fingerprint),
    topN: integer(json.topN, 'topN'),
    ranges: list(json.ranges, (value) => integer(value, 'a range')),
    evaluated: integer(json.evaluated, 'evaluated'),
    valid: integer(json.valid, 'valid'),
    frontier: list(json.frontier, binEntry),
    drawdownFrontier: list(json.drawdownFrontier, binEntry),
    top: Object.fromEntries(
      STUDY_OBJECTIVES.map((objective) => [objective, list(json.top?.[objective], entry)]),
    ) as Record<StudyObjective, StudyEntry[]>,
    statistics,
    scatter: {
      stride: integer(scatter?.stride, 'the scatter stride'),
      index: decodeInt32(scatter?.index),
      volatility: decodeFloat32(scatter?.volatility),
      cagr: decodeFloat32(scatter?.cagr),
      sharpe: decodeFloat32(scatter?.sharpe),
      maxDrawdown: decodeFloat32(scatter?.maxDrawdown),
    },
  };
  const points = result.scatter.index.length;
  if (
    [result.scatter.volatility, result.scatter.cagr, result.scatter.sharpe, result.scatter.maxDrawdown].some(
      (column) => column.length !== points,
    )
  ) {
    throw malformed('scatter columns of different lengths');
  }
  return result;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function malformed(what: string) {
  return studyError('RESULTS_MISMATCH', 'result', `malformed study chunk result: ${what}`);
}

function encodeFloat64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat64(i * 8, value, true));
  return toBase64(bytes);
}

function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return toBase64(bytes);
}

function encodeInt32(values: Int32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setInt32(i * 4, value, true));
  return toBase64(bytes);
}

function decodeBytes(text: unknown, width: number): DataView {
  if (typeof text !== 'string') throw malformed('a number array');
  const bytes = fromBase64(text);
  if (bytes.length % width !== 0) throw malformed('a number array length');
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

function decodeFloat64(text: unknown): Float64Array {
  const view = decodeBytes(text, 8);
  return Float64Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

function decodeFloat32(text: unknown): Float32Array {
  const view = decodeBytes(text, 4);
  return Float32Array.from({ length: view.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

function decodeInt32(text: unknown): Int32Array {
  const view = decodeBytes(text, 4);
  return Int32Array.from({ length: view.byteLength / 4 }, (_, i) => view.getInt32(i * 4, true));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 with padding (the engine uses no Buffer: it is pure). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[(triple >> 18) & 63] +
      ALPHABET[(triple >> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? ALPHABET[triple & 63] : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw malformed('base64 length');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const value = code === 61 && i + j >= text.length - padding ? 0 : code < 128 ? LOOKUP[code] : -1;
      if (value < 0) throw malformed('base64 character');
      triple = (triple << 6) | value;
    }
    if (out < bytes.length) bytes[out++] = (triple >> 16) & 255;
    if (out < bytes.length) bytes[out++] = (triple >> 8) & 255;
    if (out < bytes.length) bytes[out++] = triple & 255;
  }
  return bytes;
}
