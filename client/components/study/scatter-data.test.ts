import { describe, expect, it } from '@jest/globals';
import { toBase64 } from '@engine/study/study.codec';
import { decodeScatter, finiteRange, niceTicks, padded, ScatterIndex } from './scatter-data';

const base64 = (values: Int32Array | Float32Array) => toBase64(new Uint8Array(values.buffer));

describe('decodeScatter', () => {
  it('reads little-endian Int32 indexes and Float32 figures from base64', () => {
    // 0.125 and -0.5 are exact in float32; 0.1 becomes 0.10000000149011612.
    const body = {
      count: 3,
      stride: 2,
      index: base64(Int32Array.of(0, 2, 70_000)),
      volatility: base64(Float32Array.of(0.125, 0.1, 0.25)),
      cagr: base64(Float32Array.of(-0.5, 0.0625, 0.1)),
      sharpe: base64(Float32Array.of(1.5, -0.25, 0)),
      maxDrawdown: base64(Float32Array.of(-0.75, -0.125, -0.5)),
    };
    const points = decodeScatter(body);
    expect(points.count).toBe(3);
    expect(points.stride).toBe(2);
    expect(Array.from(points.index)).toEqual([0, 2, 70_000]);
    expect(Array.from(points.volatility)).toEqual([0.125, Math.fround(0.1), 0.25]);
    expect(Array.from(points.cagr)).toEqual([-0.5, 0.0625, Math.fround(0.1)]);
    expect(Array.from(points.sharpe)).toEqual([1.5, -0.25, 0]);
    expect(Array.from(points.maxDrawdown)).toEqual([-0.75, -0.125, -0.5]);
    // The exact bytes: 0.125 as float32 is 0x3e000000, little-endian 00 00 00 3e.
    expect(Array.from(new Uint8Array(points.volatility.buffer, points.volatility.byteOffset, 4))).toEqual([
      0, 0, 0, 0x3e,
    ]);
  });

  it('refuses an array whose length disagrees with the count', () => {
    const two = base64(Float32Array.of(1, 2));
    expect(() =>
      decodeScatter({
        count: 3,
        stride: 1,
        index: base64(Int32Array.of(0, 1, 2)),
        volatility: two,
        cagr: two,
        sharpe: two,
        maxDrawdown: two,
      }),
    ).toThrow("The scatter's volatility holds 2 values, not 3.");
  });

  it('decodes an empty scatter', () => {
    const empty = decodeScatter({
      count: 0,
      stride: 1,
      index: '',
      volatility: '',
      cagr: '',
      sharpe: '',
      maxDrawdown: '',
    });
    expect(empty.volatility).toHaveLength(0);
  });
});

/** A small deterministic generator (LCG) so the random clouds are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function bruteNearest(x: Float32Array, y: Float32Array, qx: number, qy: number, sx: number, sy: number, max: number) {
  let best = -1;
  let bestSquared = max * max;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const squared = ((x[i] - qx) * sx) ** 2 + ((y[i] - qy) * sy) ** 2;
    if (squared < bestSquared || (squared === bestSquared && best !== -1 && i < best)) {
      best = i;
      bestSquared = squared;
    }
  }
  return best;
}

describe('ScatterIndex', () => {
  it('finds the same nearest candidate as a scan of every point, in screen distance', () => {
    const random = generator(7);
    const n = 20_000;
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      // A clustered cloud (volatility 5–40 %, CAGR −10–25 %), denser in one corner, as real studies are.
      x[i] = 0.05 + 0.35 * random() ** 2;
      y[i] = -0.1 + 0.35 * random();
    }
    const xRange = padded(finiteRange(x)!);
    const yRange = padded(finiteRange(y)!);
    const index = new ScatterIndex(x, y, xRange, yRange);
    // 900 px by 380 px of plot: very different scales on the two axes.
    const sx = 900 / (xRange.max - xRange.min);
    const sy = 380 / (yRange.max - yRange.min);
    let found = 0;
    for (let q = 0; q < 500; q++) {
      const qx = xRange.min + (xRange.max - xRange.min) * random();
      const qy = yRange.min + (yRange.max - yRange.min) * random();
      for (const max of [4, 24, 400]) {
        const expected = bruteNearest(x, y, qx, qy, sx, sy, max);
        expect(index.nearest(qx, qy, sx, sy, max)).toBe(expected);
        if (expected >= 0) found++;
      }
    }
    // The queries do find points (the comparison is not only of −1s).
    expect(found).toBeGreaterThan(900);
  });

  it('answers −1 when nothing is within reach, skips non-finite points and breaks ties to the lower position', () => {
    const x = Float32Array.of(0.1, NaN, 0.3, 0.3);
    const y = Float32Array.of(0.1, 0.2, 0.3, 0.3);
    const index = new ScatterIndex(x, y, { min: 0, max: 0.4 }, { min: 0, max: 0.4 }, 8);
    // 1,000 px per unit: (0.2, 0.2) is 141 px from both finite positions.
    expect(index.nearest(0.2, 0.2, 1000, 1000, 100)).toBe(-1);
    expect(index.nearest(0.29, 0.3, 1000, 1000, 100)).toBe(2);
    expect(index.nearest(0.1, 0.2, 1000, 1000, 100)).toBe(0);
  });

  it('stays correct for points on the edges of the ranges and a pointer outside them', () => {
    const x = Float32Array.of(0, 1, 0, 1);
    const y = Float32Array.of(0, 0, 1, 1);
    const index = new ScatterIndex(x, y, { min: 0, max: 1 }, { min: 0, max: 1 }, 16);
    expect(index.nearest(1.05, 1.02, 100, 100, 20)).toBe(3);
    expect(index.nearest(-0.01, 0.98, 100, 100, 20)).toBe(2);
  });
});

describe('axis helpers', () => {
  it('pads a range and picks round ticks', () => {
    expect(padded({ min: 0.1, max: 0.3 })).toEqual({ min: 0.1 - 0.008, max: 0.3 + 0.008 });
    expect(niceTicks({ min: 0.05, max: 0.42 }, 6)).toEqual({ values: [0.1, 0.2, 0.3, 0.4], step: 0.1 });
    expect(niceTicks({ min: -0.12, max: 0.31 }, 6).values).toEqual([-0.1, 0, 0.1, 0.2, 0.3]);
    expect(finiteRange(Float32Array.of(NaN, 2, -1), [5, null])).toEqual({ min: -1, max: 5 });
  });
});
