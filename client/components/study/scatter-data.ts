import { fromBase64 } from '@engine/study/study.codec';
import type { StudyScatterBody } from '../../lib/api/studies';

/** Every candidate of the scatter, as typed arrays of equal length (position i is one candidate). */
export interface ScatterPoints {
  count: number;
  /** Every `stride`-th candidate is kept (1: all of them). */
  stride: number;
  index: Int32Array;
  volatility: Float32Array;
  cagr: Float32Array;
  sharpe: Float32Array;
  maxDrawdown: Float32Array;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The little-endian 4-byte numbers of a base64 string, as `n` values (a DataView on a big-endian machine). */
function decodeWords<T extends Int32Array | Float32Array>(
  text: string,
  n: number,
  Kind: { new (length: number): T; new (buffer: ArrayBuffer, offset: number, length: number): T },
  field: string,
): T {
  const bytes = fromBase64(text);
  if (bytes.length !== n * 4) throw new Error(`The scatter's ${field} holds ${bytes.length / 4} values, not ${n}.`);
  if (LITTLE_ENDIAN) return new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const values = new Kind(n);
  const float = values instanceof Float32Array;
  for (let i = 0; i < n; i++) values[i] = float ? view.getFloat32(i * 4, true) : view.getInt32(i * 4, true);
  return values;
}

/** GET /studies/{id}/scatter's answer as typed arrays; a length that disagrees with `count` is an error. */
export function decodeScatter(body: StudyScatterBody): ScatterPoints {
  const n = body.count;
  return {
    count: n,
    stride: body.stride,
    index: decodeWords(body.index, n, Int32Array, 'index'),
    volatility: decodeWords(body.volatility, n, Float32Array, 'volatility'),
    cagr: decodeWords(body.cagr, n, Float32Array, 'cagr'),
    sharpe: decodeWords(body.sharpe, n, Float32Array, 'sharpe'),
    maxDrawdown: decodeWords(body.maxDrawdown, n, Float32Array, 'maxDrawdown'),
  };
}

export interface Range {
  min: number;
  max: number;
}

/** Smallest and largest finite value of `values` and of `extra` (null when there is none). */
export function finiteRange(
  values: ArrayLike<number>,
  extra: readonly (number | null | undefined)[] = [],
): Range | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < min) min = value;
    if (value > max) max = value;
  }
  for (const value of extra) {
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return Number.isFinite(min) && Number.isFinite(max) ? { min, max } : null;
}

/** `range` widened by `fraction` of its span on each side (a span of zero gets ± 1 % of the value, or ± 0.01). */
export function padded(range: Range, fraction = 0.04): Range {
  const span = range.max - range.min;
  const pad = span > 0 ? span * fraction : Math.max(Math.abs(range.min) * 0.01, 0.01);
  return { min: range.min - pad, max: range.max + pad };
}

/**
 * A uniform grid over the plot's data rectangle, each cell listing the points inside it (counting sort: one pass
 * to count, one to place). `nearest` looks at the pointer's cell, then rings of cells around it, and stops as soon
 * as no farther ring can hold a closer point: a handful of cells per mouse move instead of every point.
 */
export class ScatterIndex {
  private readonly cellStart: Int32Array;
  private readonly order: Int32Array;

  constructor(
    private readonly x: ArrayLike<number>,
    private readonly y: ArrayLike<number>,
    private readonly xRange: Range,
    private readonly yRange: Range,
    readonly cells = 128,
  ) {
    const n = x.length;
    const cellOf = new Int32Array(n);
    this.cellStart = new Int32Array(cells * cells + 1);
    for (let i = 0; i < n; i++) {
      const cell = this.cellAt(x[i], y[i]);
      cellOf[i] = cell;
      if (cell >= 0) this.cellStart[cell + 1]++;
    }
    for (let c = 0; c < cells * cells; c++) this.cellStart[c + 1] += this.cellStart[c];
    this.order = new Int32Array(this.cellStart[cells * cells]);
    const next = this.cellStart.slice(0, cells * cells);
    for (let i = 0; i < n; i++) if (cellOf[i] >= 0) this.order[next[cellOf[i]]++] = i;
  }

  private column(x: number): number {
    return Math.min(
      this.cells - 1,
      Math.max(0, Math.floor(((x - this.xRange.min) / (this.xRange.max - this.xRange.min)) * this.cells)),
    );
  }

  private row(y: number): number {
    return Math.min(
      this.cells - 1,
      Math.max(0, Math.floor(((y - this.yRange.min) / (this.yRange.max - this.yRange.min)) * this.cells)),
    );
  }

  /** The cell of a point, or −1 for a point with a non-finite coordinate (never shown, never found). */
  private cellAt(x: number, y: number): number {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
    return this.row(y) * this.cells + this.column(x);
  }

  /**
   * The position of the point nearest to (x, y) in screen distance — `xScale` and `yScale` are pixels per data
   * unit on each axis — within `maxPixels`, or −1. Ties go to the lower position.
   */
  nearest(x: number, y: number, xScale: number, yScale: number, maxPixels: number): number {
    const cells = this.cells;
    const column = this.column(x);
    const row = this.row(y);
    const cellWidth = ((this.xRange.max - this.xRange.min) / cells) * Math.abs(xScale);
    const cellHeight = ((this.yRange.max - this.yRange.min) / cells) * Math.abs(yScale);
    const ringStep = Math.min(cellWidth, cellHeight);
    let best = -1;
    let bestSquared = maxPixels * maxPixels;
    for (let ring = 0; ring < cells; ring++) {
      // Points outside rings 0…ring-1 are at least (ring − 1) cell sizes away from the pointer (which may sit at
      // the edge of its own cell).
      const floor = Math.max(0, ring - 1) * ringStep;
      if (floor * floor > bestSquared) break;
      for (let r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= cells) continue;
        const onEdgeRow = r === row - ring || r === row + ring;
        for (let c = column - ring; c <= column + ring; c += onEdgeRow || ring === 0 ? 1 : 2 * ring) {
          if (c < 0 || c >= cells) continue;
          const cell = r * cells + c;
          for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
            const i = this.order[k];
            const dx = (this.x[i] - x) * xScale;
            const dy = (this.y[i] - y) * yScale;
            const squared = dx * dx + dy * dy;
            if (squared < bestSquared || (squared === bestSquared && best !== -1 && i < best)) {
              best = i;
              bestSquared = squared;
            }
          }
        }
      }
    }
    return best;
  }
}

/** Sharpe colour ramp: low (warm) to high (cool), `levels` packed RGBA words for an ImageData's Uint32Array. */
export const SHARPE_STOPS: readonly (readonly [number, number, number])[] = [
  [215, 48, 39],
  [252, 141, 89],
  [254, 224, 144],
  [145, 191, 219],
  [69, 117, 180],
  [49, 54, 149],
];

export function rampColour(t: number): [number, number, number] {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const at = clamped * (SHARPE_STOPS.length - 1);
  const lower = Math.min(SHARPE_STOPS.length - 2, Math.floor(at));
  const f = at - lower;
  const [a, b] = [SHARPE_STOPS[lower], SHARPE_STOPS[lower + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** About `target` round tick values (steps of 1, 2 or 5 × 10^k) covering `range`. */
export function niceTicks(range: Range, target = 6): { values: number[]; step: number } {
  const span = range.max - range.min;
  if (!(span > 0)) return { values: [range.min], step: 1 };
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const values: number[] = [];
  // Whole multiples of the step, cleaned of binary noise (3 × 0.1 is 0.30000000000000004).
  for (let k = Math.ceil(range.min / step - 1e-9); k * step <= range.max + step * 1e-9; k++)
    values.push(Number((k * step).toPrecision(12)));
  return { values, step };
}
