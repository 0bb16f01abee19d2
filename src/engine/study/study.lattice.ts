import { CandidateRandom } from './study.random';

/**
 * Uniform sampling over every portfolio in whole weight units (hundredths of a percent): integer vectors v with
 * Σ|v_i| = 10,000, min_i ≤ v_i ≤ max_i and at most K non-zero entries — bounds, shorts and K all at once, with
 * no rejection. Tickers are drawn in order, each value v_i with probability proportional to the number of ways
 * the remaining tickers can complete the portfolio (the counting of study.grid.ts with a step of one unit), so
 * every such portfolio is equally likely.
 *
 * Counts reach about 1e133 (50 tickers), so they are doubles, not exact: a run of them is summed from prefix or
 * suffix sums, whichever subtracts the smaller number, so its rounding stays relative to the run's own size
 * where it matters; the probabilities are right to about 1e-15. The tables hold prefix and suffix sums of every
 * (ticker, holdings budget) layer: 16 bytes × (n + 1) × (K + 1 when K binds) × 10,002.
 */
export interface LatticeTable {
  readonly tickers: number;
  readonly total: number;
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  readonly levels: number;
  readonly countsHoldings: boolean;
  /** prefix[layer(i, h) + y + 1] = Σ_{y' ≤ y} ways[i][y'][h]; suffix[layer(i, h) + y] = Σ_{y' ≥ y} ways[i][y'][h]. */
  readonly prefix: Float64Array;
  readonly suffix: Float64Array;
}

/** Above this many doubles (64 MB) the table is not built; the caller samples by rejection instead. */
export const MAX_LATTICE_DOUBLES = 8_000_000;

/** Whether the table of n tickers with this K fits the memory limit. */
export function latticeFits(tickers: number, maxHoldings: number, totalUnits: number): boolean {
  const levels = maxHoldings < tickers ? maxHoldings + 1 : 1;
  return 2 * (tickers + 1) * levels * (totalUnits + 2) <= MAX_LATTICE_DOUBLES;
}

export function buildLatticeTable(
  minUnits: Int32Array,
  maxUnits: Int32Array,
  totalUnits: number,
  maxHoldings: number,
): LatticeTable | null {
  const n = minUnits.length;
  const countsHoldings = maxHoldings < n;
  const levels = countsHoldings ? maxHoldings + 1 : 1;
  const width = totalUnits + 2;
  if (!latticeFits(n, maxHoldings, totalUnits)) return null;
  const table: LatticeTable = {
    tickers: n,
    total: totalUnits,
    lower: Int32Array.from(minUnits),
    upper: Int32Array.from(maxUnits),
    levels,
    countsHoldings,
    prefix: new Float64Array((n + 1) * levels * width),
    suffix: new Float64Array((n + 1) * levels * width),
  };
  const ways = new Float64Array(totalUnits + 1);
  for (let h = 0; h < levels; h++) {
    ways.fill(0);
    ways[0] = 1;
    storeLayer(table, n, h, ways);
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let h = 0; h < levels; h++) {
      for (let y = 0; y <= totalUnits; y++) ways[y] = layerCount(table, i, y, h);
      storeLayer(table, i, h, ways);
    }
  }
  return table;
}

/** Portfolios of the lattice (approximately, as a double). */
export function latticeSize(table: LatticeTable): number {
  return rangeSum(table, 0, table.levels - 1, table.total, table.total);
}

function layerOffset(table: LatticeTable, i: number, h: number): number {
  return (i * table.levels + h) * (table.total + 2);
}

function storeLayer(table: LatticeTable, i: number, h: number, ways: Float64Array): void {
  const offset = layerOffset(table, i, h);
  const { prefix, suffix, total } = table;
  prefix[offset] = 0;
  for (let y = 0; y <= total; y++) prefix[offset + y + 1] = prefix[offset + y] + ways[y];
  suffix[offset + total + 1] = 0;
  for (let y = total; y >= 0; y--) suffix[offset + y] = suffix[offset + y + 1] + ways[y];
}

/** Σ ways[i][y'][h] for y' in [from, to] (clipped), from prefix or suffix sums, never negative. */
function rangeSum(table: LatticeTable, i: number, h: number, from: number, to: number): number {
  const lo = from < 0 ? 0 : from;
  const hi = to > table.total ? table.total : to;
  if (lo > hi) return 0;
  const offset = layerOffset(table, i, h);
  const before = table.prefix[offset + lo];
  const after = table.suffix[offset + hi + 1];
  const sum = before <= after ? table.prefix[offset + hi + 1] - before : table.suffix[offset + lo] - after;
  return sum > 0 ? sum : 0;
}

/** Ways tickers i..n−1 take exactly y units with at most h holdings, from layer i + 1. */
function layerCount(table: LatticeTable, i: number, y: number, h: number): number {
  const lo = table.lower[i];
  const hi = table.upper[i];
  let count = lo <= 0 && hi >= 0 ? rangeSum(table, i + 1, h, y, y) : 0;
  const held = table.countsHoldings ? h - 1 : h;
  if (held >= 0) {
    // v > 0 in [max(1, lo), hi] leaves y − v; v < 0 with |v| in [max(1, −hi), −lo] leaves y − |v|.
    if (hi >= 1) count += rangeSum(table, i + 1, held, y - hi, y - Math.max(1, lo));
    if (lo <= -1) count += rangeSum(table, i + 1, held, y + lo, y - Math.max(1, -hi));
  }
  return count;
}

/** Draws one portfolio of the lattice into `out` (signed units); false only if rounding strands a draw. */
export function sampleLattice(table: LatticeTable, random: CandidateRandom, out: Int32Array): boolean {
  let left = table.total;
  let budget = table.levels - 1;
  for (let i = 0; i < table.tickers; i++) {
    const lo = table.lower[i];
    const hi = table.upper[i];
    const held = table.countsHoldings ? budget - 1 : budget;
    // Negative values, zero, positive values: the three runs of candidates for v_i (magnitudes ascending).
    const negativeFirst = Math.max(1, -hi);
    const negativeLast = Math.min(-lo, left);
    const positiveFirst = Math.max(1, lo);
    const positiveLast = Math.min(hi, left);
    const negative =
      held >= 0 && negativeFirst <= negativeLast
        ? rangeSum(table, i + 1, held, left - negativeLast, left - negativeFirst)
        : 0;
    const zero = lo <= 0 && hi >= 0 ? rangeSum(table, i + 1, budget, left, left) : 0;
    const positive =
      held >= 0 && positiveFirst <= positiveLast
        ? rangeSum(table, i + 1, held, left - positiveLast, left - positiveFirst)
        : 0;
    const total = negative + zero + positive;
    if (!(total > 0)) return false;
    const target = random.uniform() * total;
    let value: number;
    if (target < negative) value = -searchRun(table, i + 1, held, left, negativeFirst, negativeLast, target);
    else if (target - negative < zero || positive === 0) value = 0;
    else value = searchRun(table, i + 1, held, left, positiveFirst, positiveLast, target - negative - zero);
    out[i] = value;
    left -= Math.abs(value);
    if (value !== 0 && table.countsHoldings) budget--;
  }
  return left === 0 && budget >= 0;
}

/**
 * The magnitude a in [first, last] (each leaving `left − a` units to the next layer) where the run's mass,
 * accumulated from `first` upwards, first exceeds `target` (< the run's total): an inverse CDF by bisection on
 * the layer's prefix or suffix sums, whichever subtracts the smaller number over this run.
 */
function searchRun(
  table: LatticeTable,
  layer: number,
  h: number,
  left: number,
  first: number,
  last: number,
  target: number,
): number {
  const offset = layerOffset(table, layer, h);
  const top = left - first; // y' of the run's first magnitude; y' = left − a falls as a rises
  let lo = first;
  let hi = last;
  if (table.prefix[offset + left - last] <= table.suffix[offset + top + 1]) {
    // mass(first..a) = P[top + 1] − P[left − a]: the first a with P[left − a] < P[top + 1] − target.
    const prefix = table.prefix;
    const threshold = prefix[offset + top + 1] - target;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (prefix[offset + left - mid] < threshold) hi = mid;
      else lo = mid + 1;
    }
  } else {
    // mass(first..a) = S[left − a] − S[top + 1]: the first a with S[left − a] > S[top + 1] + target.
    const suffix = table.suffix;
    const threshold = suffix[offset + top + 1] + target;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (suffix[offset + left - mid] > threshold) hi = mid;
      else lo = mid + 1;
    }
  }
  return lo;
}
