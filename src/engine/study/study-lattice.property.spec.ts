import fc from 'fast-check';
import { buildLatticeTable, latticeSize, sampleLattice } from './study.lattice';
import { candidateStreamSeed, CandidateRandom } from './study.random';

/** Every integer vector with Σ|v| = total, lower ≤ v ≤ upper and at most K non-zero entries, by brute force. */
function enumerate(lower: number[], upper: number[], total: number, maxHoldings: number): string[] {
  const points: string[] = [];
  const current: number[] = [];
  const visit = (i: number, left: number, held: number) => {
    if (i === lower.length) {
      if (left === 0) points.push(current.join(','));
      return;
    }
    for (let v = Math.max(lower[i], -left); v <= Math.min(upper[i], left); v++) {
      if (held + (v !== 0 ? 1 : 0) > maxHoldings) continue;
      current.push(v);
      visit(i + 1, left - Math.abs(v), held + (v !== 0 ? 1 : 0));
      current.pop();
    }
  };
  visit(0, total, 0);
  return points;
}

const latticeCase = fc
  .record({ tickers: fc.integer({ min: 1, max: 4 }), total: fc.integer({ min: 1, max: 7 }), shorts: fc.boolean() })
  .chain(({ tickers, total, shorts }) =>
    fc.record({
      total: fc.constant(total),
      bounds: fc.array(
        fc
          .tuple(
            fc.integer({ min: shorts ? -total : 0, max: total }),
            fc.integer({ min: shorts ? -total : 0, max: total }),
          )
          .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        { minLength: tickers, maxLength: tickers },
      ),
      maxHoldings: fc.integer({ min: 1, max: tickers }),
    }),
  );

describe('uniform sampling over whole-unit portfolios', () => {
  it('counts exactly the brute-force lattice and draws every point equally often', () => {
    fc.assert(
      fc.property(latticeCase, fc.integer({ min: 0, max: 1000 }), ({ total, bounds, maxHoldings }, seed) => {
        const lower = bounds.map(([min]) => min);
        const upper = bounds.map(([, max]) => max);
        const table = buildLatticeTable(Int32Array.from(lower), Int32Array.from(upper), total, maxHoldings)!;
        const points = enumerate(lower, upper, total, maxHoldings);
        expect(latticeSize(table)).toBe(points.length);
        if (points.length === 0) return;
        // 400 draws per point: each point's count is Binomial(N, 1/P); within 5 standard deviations.
        const draws = 400 * points.length;
        const counts = new Map(points.map((point) => [point, 0]));
        const out = new Int32Array(lower.length);
        const strays: string[] = [];
        for (let k = 0; k < draws; k++) {
          const drawn = sampleLattice(table, new CandidateRandom(candidateStreamSeed(seed, k)), out);
          const key = Array.from(out).join(',');
          if (!drawn || !counts.has(key)) strays.push(`${drawn} ${key}`);
          else counts.set(key, counts.get(key)! + 1);
        }
        expect(strays).toEqual([]);
        const p = 1 / points.length;
        const sd = Math.sqrt(draws * p * (1 - p));
        const worst = Math.max(
          ...[...counts.values()].map((count) => Math.abs(count - draws * p) / Math.max(sd, 1e-9)),
        );
        expect(worst).toBeLessThan(5);
      }),
      { numRuns: 60 },
    );
  });

  it('handles a full-size lattice: 20 tickers capped at 5.5 % (uniform draws of the simplex almost never fit)', () => {
    const table = buildLatticeTable(new Int32Array(20), new Int32Array(20).fill(550), 10000, 20)!;
    const out = new Int32Array(20);
    const mean = new Float64Array(20);
    let invalid = 0;
    for (let k = 0; k < 2000; k++) {
      const drawn = sampleLattice(table, new CandidateRandom(candidateStreamSeed(3, k)), out);
      if (!drawn || out.reduce((sum, v) => sum + v, 0) !== 10000 || out.some((v) => v < 0 || v > 550)) invalid++;
      out.forEach((v, i) => (mean[i] += v / 2000));
    }
    expect(invalid).toBe(0);
    // By symmetry every ticker averages 500 units; a weight's spread here is under 30 units.
    for (const m of mean) expect(Math.abs(m - 500)).toBeLessThan(5);
  });

  it('is not built when it would take more than 64 MB', () => {
    expect(buildLatticeTable(new Int32Array(50), new Int32Array(50).fill(10000), 10000, 20)).toBeNull();
  });
});
