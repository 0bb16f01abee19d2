/** Relative tolerance used against QuantStats: |actual − expected| <= 1e-9 × |expected|. */
export const QUANTSTATS_TOLERANCE = 1e-9;

/**
 * Asserts `actual` matches `expected` to a relative tolerance, with a 1e-15 absolute floor for
 * expected zeros. `null` in a fixture means undefined (NaN or ±Infinity in Python).
 */
export function expectClose(
  actual: number | null,
  expected: number | null,
  label: string,
  tolerance = QUANTSTATS_TOLERANCE,
): void {
  if (expected === null) {
    if (actual !== null && Number.isFinite(actual))
      throw new Error(`${label}: expected undefined (NaN), got ${actual}`);
    return;
  }
  if (actual === null || !Number.isFinite(actual)) throw new Error(`${label}: expected ${expected}, got ${actual}`);
  const error = Math.abs(actual - expected);
  const allowed = tolerance * Math.abs(expected) + 1e-15;
  if (!(error <= allowed)) {
    throw new Error(
      `${label}: expected ${expected}, got ${actual} (relative error ${(error / Math.abs(expected)).toExponential(2)})`,
    );
  }
}
