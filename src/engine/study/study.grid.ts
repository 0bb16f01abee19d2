/**
 * The weight grid: every vector of signed multiples of a step whose absolute values sum to 100 %, within each
 * ticker's bounds and with at most K non-zero entries, in one fixed order (lexicographic on the signed steps,
 * the first ticker most significant, each ticker's values ascending).
 *
 * `ways[i][m][h]` counts the ways tickers i..n−1 can take exactly m steps with at most h non-zero weights;
 * the grid's size is ways[0][M][K] (M = 100 % / step). Any point is found from its index in O(n · values)
 * (unranking), so chunks can be cut anywhere, and a chunk walks on from its first point with `next`.
 *
 * Counts are doubles; a prefix sum above 2^53 becomes Infinity (and so does every count built on it), so a
 * finite count is exact — the grid's size is either exact or too large for a study.
 */
export interface GridTable {
  readonly tickers: number;
  /** Steps in 100 %. */
  readonly steps: number;
  /** Weight units (hundredths of a percent) per step. */
  readonly stepUnits: number;
  /** Signed bounds per ticker in steps. */
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  /** Holdings budget levels: K + 1 when K binds, else 1 (no holdings dimension). */
  readonly levels: number;
  readonly countsHoldings: boolean;
  readonly ways: Float64Array;
  /** ways[0][M][top level]: the number of grid points (Infinity when beyond 2^53). */
  readonly size: number;
}

const EXACT_LIMIT = 9007199254740992;

/** The counting table's doubles above which a grid is refused as too fine (32 MB). */
export const MAX_GRID_TABLE_DOUBLES = 4_000_000;

export function gridTableDoubles(tickers: number, steps: number, maxHoldings: number): number {
  return (tickers + 1) * (steps + 1) * (maxHoldings < tickers ? maxHoldings + 1 : 1);
}

export function buildGridTable(
  minUnits: Int32Array,
  maxUnits: Int32Array,
  stepUnits: number,
  totalUnits: number,
  maxHoldings: number,
): GridTable {
  const n = minUnits.length;
  const steps = totalUnits / stepUnits;
  const lower = Int32Array.from(minUnits, (units) => Math.ceil(units / stepUnits) | 0);
  const upper = Int32Array.from(maxUnits, (units) => Math.floor(units / stepUnits) | 0);
  const countsHoldings = maxHoldings < n;
  const levels = countsHoldings ? maxHoldings + 1 : 1;
  const layer = (steps + 1) * levels;
  const ways = new Float64Array((n + 1) * layer);
  for (let h = 0; h < levels; h++) ways[n * layer + h] = 1;
  // prefix[h * (steps + 2) + m + 1] = Σ_{m' < m + 1} ways[i + 1][m'][h], with Infinity past 2^53.
  const prefix = new Float64Array(levels * (steps + 2));
  for (let i = n - 1; i >= 0; i--) {
    const next = (i + 1) * layer;
    for (let h = 0; h < levels; h++) {
      const base = h * (steps + 2);
      prefix[base] = 0;
      for (let m = 0; m <= steps; m++) {
        const sum = prefix[base + m] + ways[next + m * levels + h];
        prefix[base + m + 1] = sum > EXACT_LIMIT ? Number.POSITIVE_INFINITY : sum;
      }
    }
    const rangeSum = (h: number, from: number, to: number): number => {
      // Σ ways[i + 1][m'][h] for m' in [from, to] (clipped to 0..steps).
      const lo = Math.max(0, from);
      const hi = Math.min(steps, to);
      if (lo > hi) return 0;
      const base = h * (steps + 2);
      const difference = prefix[base + hi + 1] - prefix[base + lo];
      return difference === difference ? difference : Number.POSITIVE_INFINITY;
    };
    const lo = lower[i];
    const hi = upper[i];
    for (let m = 0; m <= steps; m++) {
      for (let h = 0; h < levels; h++) {
        let count = lo <= 0 && hi >= 0 ? ways[next + m * levels + h] : 0;
        const held = countsHoldings ? h - 1 : h;
        if (held >= 0) {
          // Positive values a = v in [max(1, lo), hi]; negative values a = −v in [max(1, −hi), −lo].
          if (hi >= 1) count += rangeSum(held, m - hi, m - Math.max(1, lo));
          if (lo <= -1) count += rangeSum(held, m + lo, m - Math.max(1, -hi));
        }
        ways[i * layer + m * levels + h] = count > EXACT_LIMIT ? Number.POSITIVE_INFINITY : count;
      }
    }
  }
  return {
    tickers: n,
    steps,
    stepUnits,
    lower,
    upper,
    levels,
    countsHoldings,
    ways,
    size: n === 0 ? 0 : ways[steps * levels + levels - 1],
  };
}

function completions(table: GridTable, i: number, m: number, h: number): number {
  return table.ways[(i * (table.steps + 1) + m) * table.levels + h];
}

/**
 * Walks grid points in order: `seek(index)` unranks one, `next()` moves to the following one. `values` holds
 * the current point's signed steps per ticker.
 */
export class GridWalker {
  readonly values: Int32Array;
  /** Steps and holdings budget left before ticker i. */
  private readonly stepsLeft: Int32Array;
  private readonly holdingsLeft: Int32Array;

  constructor(private readonly table: GridTable) {
    this.values = new Int32Array(table.tickers);
    this.stepsLeft = new Int32Array(table.tickers + 1);
    this.holdingsLeft = new Int32Array(table.tickers + 1);
  }

  /** Moves to the point of rank `index` (0 ≤ index < size). */
  seek(index: number): void {
    const { table } = this;
    if (!(index >= 0 && index < table.size)) throw new RangeError(`grid index ${index} outside 0..${table.size - 1}`);
    let rank = index;
    this.stepsLeft[0] = table.steps;
    this.holdingsLeft[0] = table.levels - 1;
    for (let i = 0; i < table.tickers; i++) {
      const m = this.stepsLeft[i];
      const h = this.holdingsLeft[i];
      let chosen = false;
      for (let v = Math.max(table.lower[i], -m); v <= Math.min(table.upper[i], m); v++) {
        const count = this.countAfter(i, v, m, h);
        if (rank < count) {
          this.take(i, v);
          chosen = true;
          break;
        }
        rank -= count;
      }
      if (!chosen) throw new RangeError(`grid index ${index} could not be placed at ticker ${i}`);
    }
  }

  /** Moves to the next point; false (and unchanged) after the last one. */
  next(): boolean {
    const { table, values } = this;
    const lastTicker = table.tickers - 1;
    for (let i = lastTicker; i >= 0; i--) {
      const m = this.stepsLeft[i];
      const h = this.holdingsLeft[i];
      if (i === lastTicker) {
        // The last ticker takes exactly what is left: −m (when allowed) is followed by +m only.
        if (m > 0 && values[i] === -m && m <= table.upper[i] && this.countAfter(i, m, m, h) > 0) {
          this.take(i, m);
          return true;
        }
        continue;
      }
      const last = Math.min(table.upper[i], m);
      for (let v = Math.max(values[i] + 1, table.lower[i], -m); v <= last; v++) {
        if (this.countAfter(i, v, m, h) > 0) {
          this.take(i, v);
          this.fillSmallest(i + 1);
          return true;
        }
      }
    }
    return false;
  }

  /** Grid points that complete tickers 0..i−1 as they are, with ticker i at v (budgets m, h before it). */
  private countAfter(i: number, v: number, m: number, h: number): number {
    const held = this.table.countsHoldings && v !== 0 ? 1 : 0;
    if (held > h) return 0;
    return completions(this.table, i + 1, m - Math.abs(v), h - held);
  }

  private take(i: number, v: number): void {
    this.values[i] = v;
    this.stepsLeft[i + 1] = this.stepsLeft[i] - Math.abs(v);
    this.holdingsLeft[i + 1] = this.holdingsLeft[i] - (this.table.countsHoldings && v !== 0 ? 1 : 0);
  }

  /** Tickers from..n−1 at their smallest values that still complete a point. */
  private fillSmallest(from: number): void {
    const { table } = this;
    for (let i = from; i < table.tickers; i++) {
      const m = this.stepsLeft[i];
      const h = this.holdingsLeft[i];
      let v = Math.max(table.lower[i], -m);
      const last = Math.min(table.upper[i], m);
      if (i === table.tickers - 1 && v !== -m) v = m;
      while (v <= last && this.countAfter(i, v, m, h) === 0) v++;
      if (v > last) throw new RangeError(`grid has no completion at ticker ${i}`);
      this.take(i, v);
    }
  }
}
