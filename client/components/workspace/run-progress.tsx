'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { useLiveProgress, type LiveProgress } from '../../lib/realtime/live-progress';
import { ProgressBar } from '../progress/progress-bar';
import styles from './workspace.module.css';

export type RunOutcome = { status: 'completed' } | { status: 'failed'; reason: string };

export interface RunProgressProps {
  simulationId: string;
  onSettled: (simulationId: string, outcome: RunOutcome) => void;
}

/** With no news from the socket for this long, ask the API instead (a proxy without WebSockets, a lost message). */
const SILENCE_BEFORE_POLLING_MS = 4000;
const POLL_INTERVAL_MS = 3000;

const isSettled = (progress: LiveProgress | null): boolean =>
  progress?.status === 'completed' || progress?.status === 'failed';

/**
 * Follows one simulation: live over the socket, or by asking the API when the socket stays silent. Loaded only
 * once something runs, so the workspace's first load carries no socket client.
 */
export default function RunProgress({ simulationId, onSettled }: RunProgressProps) {
  const live = useLiveProgress('simulation', simulationId);
  const [silent, setSilent] = useState(false);
  const liveKey = `${live?.status}:${live?.percent}:${live?.phase}`;

  useEffect(() => {
    setSilent(false);
    if (isSettled(live)) return;
    const timer = setTimeout(() => setSilent(true), SILENCE_BEFORE_POLLING_MS);
    return () => clearTimeout(timer);
    // Restart the silence timer on every new state, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [simulationId, liveKey]);

  const polled = useQuery({
    queryKey: ['simulation-progress', simulationId],
    queryFn: async (): Promise<LiveProgress> => {
      const detail = unwrap(await api.GET('/history/{id}', { params: { path: { id: simulationId } } }));
      return {
        status: detail.status,
        phase: detail.progress.phase,
        percent: detail.progress.percent,
        failureReason: detail.failureReason,
      };
    },
    enabled: silent && !isSettled(live),
    refetchInterval: (query) => (isSettled(query.state.data ?? null) ? false : POLL_INTERVAL_MS),
    gcTime: 0,
  });

  const progress = isSettled(live) || !polled.data ? live : polled.data;
  const status = progress?.status;
  const reason = progress?.failureReason ?? 'The simulation failed.';

  // Tell the workspace once, however often it re-renders us.
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current || (status !== 'completed' && status !== 'failed')) return;
    reported.current = true;
    onSettled(simulationId, status === 'completed' ? { status } : { status, reason });
  }, [simulationId, status, reason, onSettled]);

  return (
    <div className={styles.run}>
      <ProgressBar
        label="Simulation progress"
        percent={progress?.percent ?? 0}
        phase={progress?.phase ?? (progress ? null : 'queued')}
        state={status === 'completed' ? 'completed' : status === 'failed' ? 'failed' : 'active'}
      />
      {status === 'failed' && (
        <div role="alert" className="error-box">
          <p>
            <strong>The backtest failed:</strong> {reason}
          </p>
          <p className="muted">Fix the command above and run it again.</p>
        </div>
      )}
      {status === 'completed' && <p className="muted">Opening the results…</p>}
    </div>
  );
}
