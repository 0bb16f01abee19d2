/**
 * Quantiles of `values[0..count)` at `levels` (fractions, ascending), with linear interpolation
 * between order statistics (position (count − 1) × q: numpy's default), written to `out`.
 * Finds only the order statistics it needs by recursive partitioning — expected O(count) for a
 * handful of levels, no sort. Reorders `values`.
 */
export function quantilesInPlace(
  values: Float64Array,
  count: number,
  levels: readonly number[],
  out: Float64Array,
): void {
  const lows = levels.map((level) => Math.floor((count - 1) * level));
  const ranks = Array.from(new Set(lows)).sort((a, b) => a - b);
  selectRanks(values, 0, count - 1, ranks, 0, ranks.length);
  levels.forEach((level, k) => {
    const position = (count - 1) * level;
    const low = lows[k];
    const fraction = position - low;
    const a = values[low];
    // The next order statistic: every value between two selected ranks lies between them, so it is
    // the least value after `low` up to the next selected rank (or the end).
    let b = a;
    if (fraction > 0 && low + 1 < count) {
      const next = ranks.find((rank) => rank > low) ?? count - 1;
      b = values[low + 1];
      for (let i = low + 2; i <= next; i++) if (values[i] < b) b = values[i];
    }
    // numpy's lerp: from the nearer end, so equal neighbours give exactly their value.
    out[k] = fraction < 0.5 ? a + (b - a) * fraction : b - (b - a) * (1 - fraction);
  });
}

/** Places every rank in ranks[from..to) (ascending, all within [left, right]) at its sorted position. */
function selectRanks(
  values: Float64Array,
  left: number,
  right: number,
  ranks: number[],
  from: number,
  to: number,
): void {
  while (right > left && from < to) {
    const pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
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
    // Now values[left..j] ≤ pivot ≤ values[i..right], and anything between equals the pivot.
    let leftEnd = from;
    while (leftEnd < to && ranks[leftEnd] <= j) leftEnd++;
    let rightStart = leftEnd;
    while (rightStart < to && ranks[rightStart] < i) rightStart++;
    // Recurse into the side with fewer ranks, loop on the other.
    if (leftEnd - from < to - rightStart) {
      selectRanks(values, left, j, ranks, from, leftEnd);
      left = i;
      from = rightStart;
    } else {
      selectRanks(values, i, right, ranks, rightStart, to);
      right = j;
      to = leftEnd;
    }
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a > b) [a, b] = [b, a];
  if (b > c) b = c;
  return a > b ? a : b;
}
