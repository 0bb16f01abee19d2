import fc from 'fast-check';
import { buildGridTable, GridWalker } from './study.grid';

/**
 * Every vector of signed steps v (lower_i ≤ v_i ≤ upper_i, Σ|v_i| = steps, at most K non-zero), in
 * lexicographic order with the first ticker most significant — enumerated by brute force.
 */
function bruteForce(lower: number[], upper: number[], steps: number, maxHoldings: number): number[][] {
  const points: number[][] = [];
  const current: number[] = [];
  const visit = (i: number, left: number, held: number) => {
    if (i === lower.length) {
      if (left === 0) points.push([...current]);
      return;
    }
    for (let v = lower[i]; v <= upper[i]; v++) {
      const used = Math.abs(v);
      const holds = v !== 0 ? 1 : 0;
      if (used > left || held + holds > maxHoldings) continue;
      current.push(v);
      visit(i + 1, left - used, held + holds);
      current.pop();
    }
  };
  visit(0, 0 + steps, 0);
  return points;
}

const gridCase = fc
  .record({
    tickers: fc.integer({ min: 1, max: 5 }),
    steps: fc.integer({ min: 1, max: 8 }),
    shorts: fc.boolean(),
  })
  .chain(({ tickers, steps, shorts }) =>
    fc.record({
      steps: fc.constant(steps),
      bounds: fc.array(
        fc
          .tuple(
            fc.integer({ min: shorts ? -steps : 0, max: steps }),
            fc.integer({ min: shorts ? -steps : 0, max: steps }),
          )
          .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
        { minLength: tickers, maxLength: tickers },
      ),
      maxHoldings: fc.integer({ min: 1, max: tickers }),
    }),
  );

describe('weight grid enumeration by index', () => {
  it('counts, unranks and walks exactly the brute-force points in order', () => {
    fc.assert(
      fc.property(gridCase, ({ steps, bounds, maxHoldings }) => {
        const stepUnits = 500;
        const lower = bounds.map(([min]) => min);
        const upper = bounds.map(([, max]) => max);
        const table = buildGridTable(
          Int32Array.from(lower, (v) => v * stepUnits),
          Int32Array.from(upper, (v) => v * stepUnits),
          stepUnits,
          steps * stepUnits,
          maxHoldings,
        );
        const expected = bruteForce(lower, upper, steps, maxHoldings);
        expect(table.size).toBe(expected.length);
        const walker = new GridWalker(table);
        expected.forEach((point, index) => {
          walker.seek(index);
          expect(Array.from(walker.values)).toEqual(point);
        });
        if (expected.length > 0) {
          walker.seek(0);
          const walked = [Array.from(walker.values)];
          while (walker.next()) walked.push(Array.from(walker.values));
          expect(walked).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('sizes the grids of the docs: 3 tickers at 10 % (66 points), 20 tickers at 5 % with K = 3', () => {
    const three = buildGridTable(new Int32Array(3), new Int32Array(3).fill(10000), 1000, 10000, 3);
    // Compositions of 10 steps into 3 parts: C(12, 2) = 66.
    expect(three.size).toBe(66);
    const twenty = buildGridTable(new Int32Array(20), new Int32Array(20).fill(10000), 500, 10000, 3);
    // At most 3 of 20 non-zero, 20 steps: C(20,1)·1 + C(20,2)·C(19,1) + C(20,3)·C(19,2) = 20 + 3,610 + 194,940.
    expect(twenty.size).toBe(20 + 190 * 19 + 1140 * 171);
  });

  it('reports a grid beyond 2^53 points as Infinity, never as a wrong finite count', () => {
    // 50 tickers at 1 %: C(149, 49) ≈ 2.3e39 compositions.
    const table = buildGridTable(new Int32Array(50), new Int32Array(50).fill(10000), 100, 10000, 50);
    expect(table.size).toBe(Number.POSITIVE_INFINITY);
  });
});
