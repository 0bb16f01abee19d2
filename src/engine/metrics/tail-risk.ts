/**
 * 95% value at risk and conditional value at risk of daily returns (docs/metrics.md): historical (the 5% quantile
 * with numpy's linear interpolation, and the mean of the returns at or below it) and parametric (QuantStats'
 * defaults: the normal quantile and the Gaussian expected shortfall).
 */
export interface TailRisk {
  valueAtRisk: number;
  conditionalValueAtRisk: number;
}

const TAIL = 0.05;
/** Φ⁻¹(0.05), the standard normal 5% quantile (scipy.stats.norm.ppf(0.05)). */
const NORMAL_QUANTILE_05 = -1.6448536269514729;
const NORMAL_DENSITY_AT_QUANTILE_05 = Math.exp(-0.5 * NORMAL_QUANTILE_05 * NORMAL_QUANTILE_05) / Math.sqrt(2 * Math.PI);
/** `mean + σ Φ⁻¹(0.05)` and `mean − σ φ(Φ⁻¹(0.05)) / 0.05`; both the mean when σ is 0. */
export function parametricTail(mean: number, std: number): TailRisk {
  return {
    valueAtRisk: mean + std * NORMAL_QUANTILE_05,
    conditionalValueAtRisk: std > 0 ? mean - (std * NORMAL_DENSITY_AT_QUANTILE_05) / TAIL : mean,
  };
}

/**
 * Returns gathered for the historical tail: `values[0..count)` holds every return at or below some limit, in any
 * order (returnStatistics gathers those at or below mean − σ in its pass: about a tenth of a daily series, 16% for
 * a normal distribution, which nearly always holds its lowest 5%).
 */
export interface TailCandidates {
  values: Float64Array;
  count: number;
}

/** Reused between calls (grown, never shrunk); no result refers to it. */
let selectionScratch = new Float64Array(0);

/** Room for n candidates, none gathered yet; the buffer is shared by every call (the engine is single-threaded). */
export function tailCandidates(n: number): TailCandidates {
  if (selectionScratch.length < n) selectionScratch = new Float64Array(n);
  return { values: selectionScratch, count: 0 };
}

/**
 * The 5% quantile of `returns[1..n]` (position (n − 1) × 0.05, linear interpolation) found by selection in O(n)
 * rather than a sort, and the mean of the returns at or below it. Only the candidates are searched when they are
 * enough to hold the two order statistics needed (every other return is larger, so the answer is exact); else all
 * returns are. The candidates' buffer is reordered.
 */
export function historicalTail(returns: Float64Array, n: number, candidates: TailCandidates): TailRisk {
  const position = (n - 1) * TAIL;
  const lowIndex = Math.floor(position);
  const fraction = position - lowIndex;
  const values = candidates.values;
  let count = candidates.count;
  if (count < Math.min(n, lowIndex + 2)) {
    values.set(returns.subarray(1, n + 1));
    count = n;
  }

  const low = quickSelect(values, count, lowIndex);
  let high = low;
  if (fraction > 0 && lowIndex + 1 < n) {
    // After selection every value right of lowIndex is >= low: the next order statistic is their minimum.
    high = Number.POSITIVE_INFINITY;
    for (let i = lowIndex + 1; i < count; i++) if (values[i] < high) high = values[i];
  }
  const difference = high - low;
  // numpy's lerp: from the nearer end, so equal neighbours give exactly their value.
  const quantile = fraction < 0.5 ? low + difference * fraction : high - difference * (1 - fraction);
  // Every return at or below the quantile is among the searched values.
  let tailSum = 0;
  let tailCount = 0;
  for (let i = 0; i < count; i++) {
    const r = values[i];
    if (r <= quantile) {
      tailSum += r;
      tailCount++;
    }
  }
  return { valueAtRisk: quantile, conditionalValueAtRisk: tailCount > 0 ? tailSum / tailCount : Number.NaN };
}

/** Hoare-partition selection: afterwards values[k] is the k-th smallest of values[0..n). */
export function quickSelect(values: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot keeps sorted or reversed inputs linear.
    let a = values[left];
    let b = values[mid];
    let c = values[right];
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    const pivot = b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k];
  }
  return values[k];
}
