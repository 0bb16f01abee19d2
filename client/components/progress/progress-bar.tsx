import { phaseInWords, type ProgressState } from './phase-words';
import styles from './progress-bar.module.css';

export interface ProgressBarProps {
  /** Accessible name of the bar, e.g. "Simulation progress" or "Report progress". */
  label: string;
  /** 0 to 100; rounded and clamped. */
  percent: number;
  /** What the worker is doing (a worker phase such as "fetching prices 1/2", or null before the first one). */
  phase?: string | null;
  state?: ProgressState;
}

/**
 * A determinate progress bar with the phase in words. Only the phase is a live region: screen readers hear
 * "Fetching prices 1/2", "Simulating", "Completed", not every percent.
 */
export function ProgressBar({ label, percent, phase = null, state = 'active' }: ProgressBarProps) {
  const value = Number.isFinite(percent) ? Math.min(100, Math.max(0, Math.round(percent))) : 0;
  const words = phaseInWords(phase, state);
  return (
    <div className={styles.progress} data-state={state}>
      <div className={styles.caption}>
        <span className={styles.phase} aria-live="polite">
          {words}
        </span>
        {state !== 'failed' && (
          <span className={styles.percent} aria-hidden="true">
            {value}%
          </span>
        )}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}%, ${words}`}
        className={styles.track}
      >
        <div className={styles.fill} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
