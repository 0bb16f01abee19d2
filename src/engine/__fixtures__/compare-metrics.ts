import reference from './quantstats-reference.json';
import { expectClose } from './expect-close';
import { PerformanceMetrics } from '../metrics/metrics.types';

type FixtureMetrics = (typeof reference.portfolios)[number]['metrics'];
const DATE_FIELDS = [
  'startDate',
  'endDate',
  'maxDrawdownPeakDate',
  'maxDrawdownTroughDate',
  'maxDrawdownRecoveryDate',
] as const;

/** Compares every metric the fixture holds: dates and day counts exactly, numbers to 1e-9 relative. */
export function compareMetrics(actual: PerformanceMetrics, expected: FixtureMetrics): void {
  for (const [key, value] of Object.entries(expected)) {
    const ours = actual[key as keyof PerformanceMetrics];
    if ((DATE_FIELDS as readonly string[]).includes(key) || key.endsWith('Days')) {
      expect({ [key]: ours }).toEqual({ [key]: value });
    } else {
      expectClose(ours as number, value as number | null, key);
    }
  }
}
