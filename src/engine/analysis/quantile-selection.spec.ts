import fc from 'fast-check';
import { quantilesInPlace } from './quantile-selection';

/** numpy's default quantile ("linear"), from a full sort: the reference for the selection. */
function sortedQuantile(sorted: number[], level: number): number {
  const position = (sorted.length - 1) * level;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  const fraction = position - low;
  const a = sorted[low];
  const b = sorted[high];
  return fraction < 0.5 ? a + (b - a) * fraction : b - (b - a) * (1 - fraction);
}

describe('quantiles by selection', () => {
  it('equal the quantiles of the sorted values, with ties and repeated values', () => {
    const levels = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
            fc.constantFrom(0, 1, 1, 2),
          ),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        (values) => {
          const scratch = Float64Array.from(values);
          const out = new Float64Array(levels.length);
          quantilesInPlace(scratch, values.length, levels, out);
          const sorted = [...values].sort((a, b) => a - b);
          expect(Array.from(out)).toEqual(levels.map((level) => sortedQuantile(sorted, level)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('interpolates between neighbours: the 25th percentile of 1..5 at position 1 is 2, of 1..4 at 0.75 is 1.75', () => {
    const out = new Float64Array(1);
    quantilesInPlace(Float64Array.from([5, 3, 1, 4, 2]), 5, [0.25], out);
    expect(out[0]).toBe(2);
    quantilesInPlace(Float64Array.from([4, 2, 3, 1]), 4, [0.25], out);
    expect(out[0]).toBe(1.75);
  });
});
