'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { api, errorMessage, unwrap, type SimulationSummary } from '../../lib/api/client';
import { formatDateTime, formatSignedPercent, signClass } from '../../lib/format/numbers';
import styles from './workspace.module.css';

/** The key the workspace refreshes after a submission; it starts with 'history' like every history query. */
export const RECENT_SIMULATIONS_KEY = ['history', 'recent', 5] as const;

const STATUS_WORDS: Record<SimulationSummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

/** The person's five latest simulations, linking to their results. */
export function RecentSimulations() {
  const recent = useQuery({
    queryKey: RECENT_SIMULATIONS_KEY,
    queryFn: async () => unwrap(await api.GET('/history', { params: { query: { size: 5 } } })),
  });

  return (
    <section className={`card ${styles.recent}`} aria-labelledby="recent-title">
      <div className={styles.recentHeader}>
        <h2 id="recent-title">Recent simulations</h2>
        {recent.data && recent.data.total > recent.data.items.length && <Link href="/history">All history</Link>}
      </div>
      {recent.isPending ? (
        <p className="muted" role="status">
          Loading your recent simulations…
        </p>
      ) : recent.isError ? (
        <div className="error-box" role="alert">
          <p>Your recent simulations could not be loaded: {errorMessage(recent.error)}</p>
          <button type="button" className="button secondary" onClick={() => void recent.refetch()}>
            Try again
          </button>
        </div>
      ) : recent.data.items.length === 0 ? (
        <p className="muted">No simulations yet. Pick an example above or write your own command, then run it.</p>
      ) : (
        <ul className={styles.recentList}>
          {recent.data.items.map((simulation) => (
            <li key={simulation.id} className={styles.recentItem}>
              <Link href={`/simulations/${simulation.id}`} className={styles.recentCommand}>
                {simulation.command}
              </Link>
              <span className={styles.recentMeta}>
                <span className={styles.status} data-status={simulation.status}>
                  {STATUS_WORDS[simulation.status]}
                </span>
                {simulation.status === 'completed' && (
                  <span>
                    CAGR <span className={signClass(simulation.cagr)}>{formatSignedPercent(simulation.cagr)}</span>
                  </span>
                )}
                <time dateTime={simulation.createdAt} className="muted">
                  {formatDateTime(simulation.createdAt)}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
