import type { Schemas } from '../../lib/api/client';
import { formatDay } from './metrics-format';
import styles from './results.module.css';

type Warning = Schemas['SimulationWarningDto'];

const TITLES: Record<Warning['code'], string> = {
  PERIOD_STARTS_LATER: 'Shorter period',
  PERIOD_ENDS_EARLIER: 'Shorter period',
  PRICES_END_EARLY: 'Prices stop early',
  DEPLETED: 'Depleted',
  NOTE: 'Warning',
};

/** "the prices …" → "The prices …". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith('.') ? '' : '.');

/** The period simulated, and the one asked for when they differ (a weekend or holiday, or prices that stop). */
export function SimulatedPeriod({
  askedStart,
  askedEnd,
  simulatedStart,
  simulatedEnd,
}: {
  askedStart: string;
  askedEnd: string;
  simulatedStart: string | null;
  simulatedEnd: string | null;
}) {
  const start = simulatedStart ?? askedStart;
  const end = simulatedEnd ?? askedEnd;
  const differs = start !== askedStart || end !== askedEnd;
  return (
    <>
      <time dateTime={start}>{formatDay(start)}</time> – <time dateTime={end}>{formatDay(end)}</time>
      {differs && (
        <span className={styles.asked} data-testid="asked-period">
          {' '}
          (asked {formatDay(askedStart)} – {formatDay(askedEnd)})
        </span>
      )}
    </>
  );
}

/** What to read before the numbers: depletion, a period the prices did not cover, prices held flat. */
export function ResultWarnings({ warnings }: { warnings: readonly Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className={styles.notices} aria-label="Warnings">
      {warnings.map((warning, index) => (
        <li key={index} className={styles.notice} role="note" data-code={warning.code}>
          <strong>{TITLES[warning.code] ?? 'Warning'}:</strong> {sentence(warning.message)}
        </li>
      ))}
    </ul>
  );
}
