'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Schemas } from '../../lib/api/client';
import { ROLLING_METRICS, RollingChart, windowWords, type RollingMetricKey } from '../charts/rolling-chart';
import styles from './results.module.css';

/** The standard windows, in trading days (21 a month). */
export const ROLLING_WINDOWS = [
  { window: 126, label: '6 months' },
  { window: 252, label: '12 months' },
  { window: 756, label: '36 months' },
] as const;

const MAX_CUSTOM_MONTHS = 600;

interface RollingSectionProps {
  days: readonly string[];
  times: Float64Array;
  /** The rolling metrics of `window`, or of the previous window while the new one loads. */
  rolling: Schemas['RollingMetricsDto'];
  /** The window asked for (may differ from `rolling.window` while loading). */
  window: number;
  onWindowChange: (window: number) => void;
  pending?: boolean;
  error?: string | null;
  benchmarkTicker: string | null;
}

/** Rolling metrics through time: a window chooser (6, 12, 36 months or any number of months) and a metric chooser. */
export function RollingSection({
  days,
  times,
  rolling,
  window,
  onWindowChange,
  pending = false,
  error = null,
  benchmarkTicker,
}: RollingSectionProps) {
  const [metric, setMetric] = useState<RollingMetricKey>('return');
  const custom = !ROLLING_WINDOWS.some((one) => one.window === window);
  const [months, setMonths] = useState(custom && window % 21 === 0 ? String(window / 21) : '24');
  const [monthsError, setMonthsError] = useState<string | null>(null);
  const monthsId = useId();
  const withBenchmark = rolling.portfolio.beta !== null;
  const metrics = ROLLING_METRICS.filter((one) => withBenchmark || (one.key !== 'beta' && one.key !== 'correlation'));

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(months);
    if (!Number.isInteger(value) || value < 1 || value > MAX_CUSTOM_MONTHS) {
      setMonthsError(`A whole number of months from 1 to ${MAX_CUSTOM_MONTHS}.`);
      return;
    }
    setMonthsError(null);
    onWindowChange(value * 21);
  };

  return (
    <div className={styles.rolling} aria-busy={pending}>
      <div className={styles.rollingControls}>
        <fieldset className={styles.choices}>
          <legend>Window</legend>
          {ROLLING_WINDOWS.map((one) => (
            <label key={one.window} className={styles.choice}>
              <input
                type="radio"
                name="rolling-window"
                checked={window === one.window}
                onChange={() => onWindowChange(one.window)}
              />
              {one.label}
            </label>
          ))}
          <form className={styles.customWindow} onSubmit={applyCustom} noValidate>
            <label htmlFor={monthsId}>Custom (months)</label>
            <input
              id={monthsId}
              type="number"
              min={1}
              max={MAX_CUSTOM_MONTHS}
              step={1}
              value={months}
              aria-invalid={monthsError !== null}
              onChange={(event) => setMonths(event.target.value)}
            />
            <button type="submit" className={`button secondary ${custom ? styles.activeChoice : ''}`}>
              Apply
            </button>
          </form>
        </fieldset>
        <fieldset className={styles.choices}>
          <legend>Metric</legend>
          {metrics.map((one) => (
            <label key={one.key} className={styles.choice}>
              <input
                type="radio"
                name="rolling-metric"
                checked={metric === one.key}
                onChange={() => setMetric(one.key)}
              />
              {one.label}
            </label>
          ))}
        </fieldset>
      </div>
      {monthsError && (
        <p className="error-box" role="alert">
          {monthsError}
        </p>
      )}
      {error && (
        <p className="error-box" role="alert">
          The {windowWords(window)} window could not be loaded: {error}
        </p>
      )}
      {pending && (
        <p className="muted" role="status">
          Computing the {windowWords(window)} window…
        </p>
      )}
      <RollingChart days={days} times={times} rolling={rolling} metric={metric} benchmarkTicker={benchmarkTicker} />
    </div>
  );
}
