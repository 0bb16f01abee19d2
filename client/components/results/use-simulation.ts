'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ApiError, api, unwrap, type SimulationDetail } from '../../lib/api/client';
import { useLiveProgress } from '../../lib/realtime/live-progress';
import { HISTORY_LISTS } from '../history/use-history';
import { SHOWN_TRADES } from './trades-list';

export const simulationKey = (id: string) => ['simulation', id] as const;

const inProgress = (detail: SimulationDetail | undefined): boolean =>
  detail?.status === 'queued' || detail?.status === 'running';

/** Unknown, someone else's, or not even an id: the page says "not found" for all three. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

/** Poll while running, in case the socket is quiet (a proxy without WebSockets). */
const FALLBACK_POLL_MS = 5_000;

/**
 * One simulation with everything it produced. While it is queued or running its live progress comes from the
 * socket, and the detail is read again the moment it completes or fails.
 */
export function useSimulation(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: simulationKey(id),
    queryFn: async ({ signal }) =>
      unwrap(
        // The page lists the first trades only: a daily-rebalanced portfolio can make hundreds of thousands.
        await api.GET('/history/{id}', { params: { path: { id }, query: { trades: SHOWN_TRADES } }, signal }),
      ),
    refetchInterval: ({ state }) => (inProgress(state.data) ? FALLBACK_POLL_MS : false),
  });
  const running = inProgress(query.data);
  const live = useLiveProgress('simulation', running ? id : null);
  const finished = live?.status === 'completed' || live?.status === 'failed';

  useEffect(() => {
    if (running && finished) void queryClient.invalidateQueries({ queryKey: simulationKey(id) });
  }, [running, finished, id, queryClient]);

  return { query, live: running ? live : null };
}

/** Re-run (a new history entry, opened at once) and delete (then back to the history). */
export function useSimulationActions(id: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const rerun = useMutation({
    mutationFn: async () => unwrap(await api.POST('/history/{id}/rerun', { params: { path: { id } } })),
    onSuccess: (accepted) => {
      void queryClient.invalidateQueries({ queryKey: HISTORY_LISTS });
      router.push(`/simulations/${accepted.simulationId}`);
    },
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/history/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: simulationKey(id) });
      void queryClient.invalidateQueries({ queryKey: HISTORY_LISTS });
      router.push('/history');
    },
  });
  return { rerun, remove };
}
