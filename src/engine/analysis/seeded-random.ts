const TWO_32 = 4294967296;
const INVERSE_TWO_32 = 1 / TWO_32;

/**
 * xoshiro128** (Blackman and Vigna), a small fast generator of 32-bit integers with a 2^128 − 1
 * period, seeded through splitmix32 so that every 32-bit seed gives a distinct, well-mixed state.
 * The same seed gives the same sequence on every platform (only 32-bit integer arithmetic).
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix32 = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.s0 = splitmix32();
    this.s1 = splitmix32();
    this.s2 = splitmix32();
    this.s3 = splitmix32();
    // The all-zero state is the generator's one fixed point; splitmix32 never gives four zeros, but be sure.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /** Fills `out[0..count)` with the next `count` outputs (the same values as `count` calls of nextUint32). */
  fillUint32(out: Uint32Array, count: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i++) {
      const product = Math.imul(s1, 5);
      out[i] = Math.imul((product << 7) | (product >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A uniform integer in [0, bound), bound ≤ 2^21, without bias. */
  nextBelow(bound: number): number {
    return uniformBelow(this.nextUint32(), bound, rejectionThreshold(bound), this);
  }
}

/** Lemire's multiply-and-reject: draws from u·bound whose low 32 bits fall under this are redrawn. */
export function rejectionThreshold(bound: number): number {
  return (TWO_32 - bound) % bound;
}

/**
 * Maps a 32-bit draw to [0, bound) without bias (bound ≤ 2^21, so u × bound is exact in a double):
 * the high 32 bits of u × bound, unless its low 32 bits are under `threshold` (probability under
 * bound / 2^32), when `random` supplies fresh draws.
 */
export function uniformBelow(draw: number, bound: number, threshold: number, random: SeededRandom): number {
  let u = draw;
  while (Math.imul(u, bound) >>> 0 < threshold) u = random.nextUint32();
  return Math.floor(u * bound * INVERSE_TWO_32);
}
