import { CandidateRandom } from './study.random';

/**
 * Dirichlet candidates (concentration ≠ 1, or uniform ones whose lattice table would not fit, see
 * study.lattice.ts) under the study's constraints, exactly distributed by construction plus rejection:
 *
 * 1. The support: every forced ticker (min > 0: held long; max < 0: held short), then K − |forced| of the free
 *    ones chosen uniformly (all of them without a holdings limit).
 * 2. Signs: a forced ticker's sign; a free ticker allowed both ways gets a fair coin, else its one allowed side.
 * 3. Magnitudes: m = lower + R · u with u ~ Dirichlet(α) on the support and R = 100 % − Σ lower (the scaled
 *    remaining simplex, which already honours every minimum); a draw with any m above its side's maximum is
 *    rejected and everything is drawn again. Rejection from a uniform superset is exactly uniform on the
 *    feasible set (α = 1); supports and sign patterns are equally likely and their faces have equal volume,
 *    so the accepted draws are uniform over the whole feasible set — with K, over its K-ticker faces.
 * 4. Units: magnitudes are rounded to whole hundredths of a percent by largest remainder (ties to the first
 *    ticker), summing to exactly 100 %; the bounds are whole units, so rounding never breaks them.
 */
export interface SamplingRules {
  readonly tickers: number;
  readonly totalUnits: number;
  readonly maxHoldings: number;
  readonly concentration: number;
  /** Tickers always held, in index order, and their sign (+1 long, −1 short). */
  readonly forced: Int32Array;
  readonly forcedSign: Int8Array;
  /** Tickers that may be held (either side) or not, in index order. */
  readonly free: Int32Array;
  /** Smallest magnitude per ticker in units (non-zero only for forced tickers). */
  readonly lowerUnits: Int32Array;
  /** Largest magnitude as a long / as a short, in units; −1 when that side is not allowed. */
  readonly longUpper: Int32Array;
  readonly shortUpper: Int32Array;
  /** No draw can break a maximum: rejection never happens. */
  readonly neverRejects: boolean;
}

export function samplingRules(
  minUnits: Int32Array,
  maxUnits: Int32Array,
  totalUnits: number,
  maxHoldings: number,
  concentration: number,
): SamplingRules {
  const n = minUnits.length;
  const forced: number[] = [];
  const forcedSign: number[] = [];
  const free: number[] = [];
  const lowerUnits = new Int32Array(n);
  const longUpper = new Int32Array(n).fill(-1);
  const shortUpper = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const min = minUnits[i];
    const max = maxUnits[i];
    if (min > 0) {
      forced.push(i);
      forcedSign.push(1);
      lowerUnits[i] = min;
      longUpper[i] = max;
    } else if (max < 0) {
      forced.push(i);
      forcedSign.push(-1);
      lowerUnits[i] = -max;
      shortUpper[i] = -min;
    } else {
      if (max > 0) longUpper[i] = max;
      if (min < 0) shortUpper[i] = -min;
      if (max > 0 || min < 0) free.push(i);
    }
  }
  const lowerSum = lowerUnits.reduce((sum, units) => sum + units, 0);
  const remaining = totalUnits - lowerSum;
  // A maximum binds only when it is below what the scaled simplex can give that ticker.
  let neverRejects = true;
  for (let i = 0; i < n; i++) {
    const reach = lowerUnits[i] + remaining;
    if ((longUpper[i] >= 0 && longUpper[i] < reach) || (shortUpper[i] >= 0 && shortUpper[i] < reach)) {
      neverRejects = false;
    }
  }
  return {
    tickers: n,
    totalUnits,
    maxHoldings,
    concentration,
    forced: Int32Array.from(forced),
    forcedSign: Int8Array.from(forcedSign),
    free: Int32Array.from(free),
    lowerUnits,
    longUpper,
    shortUpper,
    neverRejects,
  };
}

/** Draws candidates one attempt at a time, reusing its scratch arrays. */
export class ConstrainedSampler {
  private readonly support: Int32Array;
  private readonly signs: Int8Array;
  private readonly pool: Int32Array;
  private readonly shares: Float64Array;
  private readonly magnitudes: Float64Array;
  private readonly units: Int32Array;
  private readonly order: Int32Array;
  private readonly fractions: Float64Array;

  constructor(private readonly rules: SamplingRules) {
    const n = rules.tickers;
    this.support = new Int32Array(n);
    this.signs = new Int8Array(n);
    this.pool = new Int32Array(rules.free.length);
    this.shares = new Float64Array(n);
    this.magnitudes = new Float64Array(n);
    this.units = new Int32Array(n);
    this.order = new Int32Array(n);
    this.fractions = new Float64Array(n);
  }

  /**
   * One attempt: writes signed units per ticker into `out` (zeros elsewhere) and returns true, or returns
   * false when the draw broke a maximum (or, in theory, could not be rounded within the bounds).
   */
  attempt(random: CandidateRandom, out: Int32Array): boolean {
    const { rules, support, signs, shares, magnitudes } = this;
    const size = this.drawSupport(random);
    let lowerSum = 0;
    for (let s = 0; s < size; s++) lowerSum += rules.lowerUnits[support[s]];
    const remaining = rules.totalUnits - lowerSum;
    random.dirichlet(rules.concentration, shares, size);
    for (let s = 0; s < size; s++) {
      const i = support[s];
      const magnitude = rules.lowerUnits[i] + remaining * shares[s];
      const upper = signs[s] > 0 ? rules.longUpper[i] : rules.shortUpper[i];
      if (magnitude > upper) return false;
      magnitudes[s] = magnitude;
    }
    if (!this.roundToUnits(size)) return false;
    out.fill(0);
    for (let s = 0; s < size; s++) out[support[s]] = signs[s] * this.units[s];
    return true;
  }

  /** Chooses the support (in ticker order) and its signs; returns its size. */
  private drawSupport(random: CandidateRandom): number {
    const { rules, support, signs, pool } = this;
    let size = 0;
    for (let f = 0; f < rules.forced.length; f++) {
      support[size] = rules.forced[f];
      signs[size++] = rules.forcedSign[f];
    }
    const wanted = Math.min(rules.free.length, rules.maxHoldings - rules.forced.length);
    pool.set(rules.free);
    if (wanted < rules.free.length) {
      // Partial Fisher–Yates: the first `wanted` entries become a uniform subset; then back to ticker order.
      for (let j = 0; j < wanted; j++) {
        const k = j + random.below(rules.free.length - j);
        const chosen = pool[k];
        pool[k] = pool[j];
        pool[j] = chosen;
      }
      pool.subarray(0, wanted).sort();
    }
    for (let j = 0; j < wanted; j++) {
      const i = pool[j];
      support[size] = i;
      const long = rules.longUpper[i] >= 0;
      const short = rules.shortUpper[i] >= 0;
      signs[size++] = long && short ? (random.bit() ? 1 : -1) : long ? 1 : -1;
    }
    // Forced and chosen free tickers interleave in ticker order, so rounding ties fall the same way for both.
    sortSupport(support, signs, size);
    return size;
  }

  /** Largest-remainder rounding of `magnitudes` to whole units summing to the total, within the bounds. */
  private roundToUnits(size: number): boolean {
    const { rules, support, signs, magnitudes, units, order, fractions } = this;
    let sum = 0;
    for (let s = 0; s < size; s++) {
      units[s] = Math.floor(magnitudes[s]);
      fractions[s] = magnitudes[s] - units[s];
      sum += units[s];
    }
    let missing = rules.totalUnits - sum;
    if (missing === 0) return true;
    // Insertion sort by fraction, largest first, ties to the first ticker (the support is in ticker order).
    for (let a = 0; a < size; a++) {
      let b = a - 1;
      while (b >= 0 && fractions[order[b]] < fractions[a]) {
        order[b + 1] = order[b];
        b--;
      }
      order[b + 1] = a;
    }
    for (let k = 0; k < size && missing > 0; k++) {
      const s = order[k];
      const upper = signs[s] > 0 ? rules.longUpper[support[s]] : rules.shortUpper[support[s]];
      if (units[s] < upper) {
        units[s]++;
        missing--;
      }
    }
    return missing === 0;
  }
}

/** Insertion sort of the support by ticker (it holds at most 50), carrying the signs along. */
function sortSupport(support: Int32Array, signs: Int8Array, size: number): void {
  for (let a = 1; a < size; a++) {
    const ticker = support[a];
    const sign = signs[a];
    let b = a - 1;
    while (b >= 0 && support[b] > ticker) {
      support[b + 1] = support[b];
      signs[b + 1] = signs[b];
      b--;
    }
    support[b + 1] = ticker;
    signs[b + 1] = sign;
  }
}
