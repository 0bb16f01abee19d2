/**
 * A 64-bit fingerprint as two independent 32-bit lanes (murmur3-style word mixing with different seeds), for
 * telling studies and price data apart — not for security.
 */
export class Fingerprint {
  private a = 0x9747b28c;
  private b = 0x1b873593;

  word(value: number): this {
    this.a = mixWord(this.a, value | 0, 0xcc9e2d51);
    this.b = mixWord(this.b, value | 0, 0x85ebca6b);
    return this;
  }

  text(value: string): this {
    this.word(value.length);
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    return this;
  }

  /** The exact bits of every number (little-endian words on every platform we run on). */
  float64s(values: Float64Array): this {
    const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
    this.word(words.length);
    for (let i = 0; i < words.length; i++) this.word(words[i]);
    return this;
  }

  int32s(values: Int32Array): this {
    this.word(values.length);
    for (let i = 0; i < values.length; i++) this.word(values[i]);
    return this;
  }

  hex(): string {
    return finalMix(this.a).toString(16).padStart(8, '0') + finalMix(this.b).toString(16).padStart(8, '0');
  }
}

function mixWord(hash: number, value: number, multiplier: number): number {
  let k = Math.imul(value, multiplier);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = hash ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
