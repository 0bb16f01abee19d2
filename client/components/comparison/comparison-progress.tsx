'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLiveProgress } from '../../lib/realtime/live-progress';
import { ProgressBar } from '../progress/progress-bar';
import type { ComparisonDetail } from './comparison-data';

/**
 * A running comparison, live over the `/comparisons` socket (the page's polling stays as the fallback): loading
 * prices k/n, simulating, saving. Once it settles the page reads the comparison again. Loaded with a running
 * comparison only, so the page's first load carries no socket client.
 */
export default function ComparisonProgress({ detail }: { detail: ComparisonDetail }) {
  const live = useLiveProgress('comparison', detail.comparisonId);
  const queryClient = useQueryClient();
  const settled = live?.status === 'completed' || live?.status === 'failed';

  useEffect(() => {
    if (settled) void queryClient.invalidateQueries({ queryKey: ['comparison', detail.comparisonId] });
  }, [settled, queryClient, detail.comparisonId]);

  // Whichever is further along: the socket's news or the last poll.
  const polledPercent = detail.progress.percent;
  const useLive = live !== null && live.percent >= polledPercent;
  return (
    <ProgressBar
      label="Comparison progress"
      percent={useLive ? live.percent : polledPercent}
      phase={(useLive ? live.phase : detail.progress.phase) ?? (detail.status === 'queued' ? 'queued' : null)}
      state={live?.status === 'completed' ? 'completed' : live?.status === 'failed' ? 'failed' : 'active'}
    />
  );
}
