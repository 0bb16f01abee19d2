import type { SimulationSummary } from '../../lib/api/client';
import styles from './history.module.css';

const LABELS: Record<SimulationSummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** A simulation's state in words (never colour alone); while it waits or runs, how far along it is. */
export function StatusBadge({ simulation }: { simulation: SimulationSummary }) {
  const { status, progress, failureReason } = simulation;
  const inProgress = status === 'queued' || status === 'running';
  const percent = Math.round(Math.min(100, Math.max(0, progress.percent)));
  return (
    <div className={styles.statusCell}>
      <span className={styles.badge} data-status={status}>
        {LABELS[status]}
        {inProgress && ` ${percent}%`}
      </span>
      {inProgress && (
        <span className={styles.meter} aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
      )}
      {status === 'failed' && failureReason && (
        <span className={styles.failureReason} title={failureReason}>
          {failureReason}
        </span>
      )}
    </div>
  );
}
