import golden from '../__fixtures__/metrics-golden.json';
import { fingerprint, fromGolden, GoldenValue, metricsGoldenCases } from '../__fixtures__/metrics-golden.cases';
import { computeMetrics } from './metrics.calculator';

/** Bit-identical, or within this relative distance of the frozen value (summation order may move the last bits). */
const GOLDEN_TOLERANCE = 1e-13;

/** Where `actual` differs from the frozen `expected`, or null: same string or null, NaN for NaN, numbers as above. */
function difference(actual: unknown, expected: number | string | null): string | null {
  if (typeof expected !== 'number' || typeof actual !== 'number') {
    return Object.is(actual, expected) ? null : `expected ${String(expected)}, got ${String(actual)}`;
  }
  if (Object.is(actual, expected) || actual === expected) return null;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return `expected ${expected}, got ${actual}`;
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  return relative <= GOLDEN_TOLERANCE
    ? null
    : `expected ${expected}, got ${actual} (relative ${relative.toExponential(2)})`;
}

function differences(actual: object | null, expected: Record<string, GoldenValue> | null): string[] {
  if (actual === null || expected === null) return actual === expected ? [] : [`expected ${expected}, got ${actual}`];
  const ours = actual as Record<string, unknown>;
  const keys = new Set([...Object.keys(ours), ...Object.keys(expected)]);
  const found: string[] = [];
  for (const key of keys) {
    if (!(key in expected) || !(key in ours)) found.push(`${key}: present on one side only`);
    else {
      const problem = difference(ours[key], fromGolden(expected[key]));
      if (problem !== null) found.push(`${key}: ${problem}`);
    }
  }
  return found;
}

/**
 * Every metric of 62 return series (the QuantStats reference portfolios and their benchmarks, every sample
 * ticker's price returns, synthetic edge cases) equals what computeMetrics gave before it was split into steps
 * and made faster: bit for bit or within 1e-13 relative, NaN where it was NaN, dates and day counts exactly.
 * The 5 leveraged reference series of issue 18 came later and are frozen from the split code (--add-missing).
 */
describe('metrics against the frozen outputs (metrics-golden.json)', () => {
  const cases = metricsGoldenCases();
  const frozen = new Map(golden.cases.map((entry) => [entry.name, entry]));

  it('has a frozen entry for every case, and only those', () => {
    expect(cases.map((one) => one.name).sort()).toEqual([...frozen.keys()].sort());
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((one) => [one.name, one] as const))('%s', (_name, { name, input }) => {
    const entry = frozen.get(name)!;
    // A different input is not a metrics regression: say which side moved.
    expect({ returns: fingerprint(input.returns), benchmarkReturns: fingerprint(input.benchmarkReturns) }).toEqual({
      returns: entry.returns,
      benchmarkReturns: entry.benchmarkReturns,
    });
    const { benchmark, ...metrics } = computeMetrics(input);
    expect(differences(metrics, entry.metrics as Record<string, GoldenValue>)).toEqual([]);
    expect(differences(benchmark, entry.benchmark as Record<string, GoldenValue> | null)).toEqual([]);
  });
});
