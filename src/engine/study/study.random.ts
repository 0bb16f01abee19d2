import { SeededRandom } from '../analysis/seeded-random';

/**
 * Odd multiplier spreading candidate indices over 32-bit stream seeds. The generator's constructor seeds its
 * four state words from splitmix32 at seed + γ, + 2γ, + 3γ, + 4γ (γ = 0x9e3779b9); two candidates' states
 * would share words (shifted) only if their indices differed by d·γ·A⁻¹ mod 2^32 for d = 1..3, which for
 * this A is at least 687,651,151 away from 0 — far beyond any study's candidate count (a test checks it).
 */
export const STREAM_MULTIPLIER = 0x85ebca77;

/** A bijective 32-bit mix (murmur3's finaliser), so nearby study seeds give unrelated streams. */
export function mixSeed(seed: number): number {
  let z = seed >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The generator seed of candidate `index` of a study seeded with `seed`: distinct for every index < 2^32. */
export function candidateStreamSeed(seed: number, index: number): number {
  return (mixSeed(seed) + Math.imul(index, STREAM_MULTIPLIER)) >>> 0;
}

const TWO_26 = 67108864;
const INVERSE_TWO_53 = 1 / 9007199254740992;

/**
 * The random numbers of one candidate: its own xoshiro128** stream, so a candidate depends only on the study's
 * seed and its index — never on which chunk, worker or machine draws it.
 */
export class CandidateRandom {
  private readonly random: SeededRandom;
  private spareNormal = Number.NaN;

  constructor(streamSeed: number) {
    this.random = new SeededRandom(streamSeed);
  }

  /** Uniform on (0, 1), never 0 or 1: 53 random bits, centred in their interval. */
  uniform(): number {
    const high = this.random.nextUint32() >>> 5;
    const low = this.random.nextUint32() >>> 6;
    return (high * TWO_26 + low + 0.5) * INVERSE_TWO_53;
  }

  /** Uniform integer in [0, bound), bound ≤ 2^21, without bias. */
  below(bound: number): number {
    return this.random.nextBelow(bound);
  }

  /** A fair coin. */
  bit(): boolean {
    return (this.random.nextUint32() & 1) === 1;
  }

  /** Standard exponential: −ln U. */
  exponential(): number {
    return -Math.log(this.uniform());
  }

  /** Standard normal, Marsaglia's polar method (two per accepted pair; the second is kept for the next call). */
  normal(): number {
    if (this.spareNormal === this.spareNormal) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      this.spareNormal = v * factor;
      return u * factor;
    }
  }

  /**
   * The logarithm of a Gamma(α, 1) draw — logarithms, so that tiny draws of small α neither underflow nor
   * vanish when normalised. Marsaglia and Tsang (2000) for α ≥ 1; for α < 1, G(α) = G(α + 1) · U^(1/α).
   */
  logGamma(alpha: number): number {
    if (alpha < 1) return this.logGamma(alpha + 1) + Math.log(this.uniform()) / alpha;
    const d = alpha - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
    }
  }

  /**
   * Fills `out[0..size)` with a Dirichlet(α, …, α) draw (non-negative, summing to 1). α = 1 is the uniform
   * distribution on the simplex, drawn as normalised exponential spacings.
   */
  dirichlet(alpha: number, out: Float64Array, size: number): void {
    if (alpha === 1) {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += out[i] = this.exponential();
      for (let i = 0; i < size; i++) out[i] /= sum;
      return;
    }
    let largest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < size; i++) {
      out[i] = this.logGamma(alpha);
      if (out[i] > largest) largest = out[i];
    }
    let sum = 0;
    for (let i = 0; i < size; i++) sum += out[i] = Math.exp(out[i] - largest);
    for (let i = 0; i < size; i++) out[i] /= sum;
  }
}
