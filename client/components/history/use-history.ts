'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, unwrap, type Schemas, type SimulationSummary } from '../../lib/api/client';
import type { HistoryListQuery } from './history-params';

type HistoryPage = Schemas['HistoryPageDto'];

/** Every cached history list, whatever its filters: what a delete or a re-run changes. */
export const HISTORY_LISTS: QueryKey = ['history', 'list'];

/** How often the list is read again while one of its simulations is still queued or running. */
export const LIVE_REFRESH_MS = 2_000;

export const isInProgress = (item: SimulationSummary): boolean => item.status === 'queued' || item.status === 'running';

/**
 * One page of the signed-in person's simulations. The previous page stays on screen while the next one loads
 * (no flash when paging or filtering), and the list polls while anything on it is still running.
 */
export function useHistoryPage(query: HistoryListQuery) {
  return useQuery({
    queryKey: [...HISTORY_LISTS, query],
    queryFn: async ({ signal }): Promise<HistoryPage> =>
      unwrap(await api.GET('/history', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: ({ state }) => (state.data?.items.some(isInProgress) ? LIVE_REFRESH_MS : false),
  });
}

/** Deletes a simulation, removing it from every cached list at once and putting it back if the server refuses. */
export function useDeleteSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (simulation: SimulationSummary) => {
      unwrap(await api.DELETE('/history/{id}', { params: { path: { id: simulation.id } } }));
    },
    onMutate: async (simulation) => {
      await queryClient.cancelQueries({ queryKey: HISTORY_LISTS });
      const before = queryClient.getQueriesData<HistoryPage>({ queryKey: HISTORY_LISTS });
      queryClient.setQueriesData<HistoryPage>({ queryKey: HISTORY_LISTS }, (page) =>
        page && page.items.some((item) => item.id === simulation.id)
          ? { ...page, items: page.items.filter((item) => item.id !== simulation.id), total: page.total - 1 }
          : page,
      );
      return { before };
    },
    onError: (_error, _simulation, context) => {
      context?.before.forEach(([key, page]) => queryClient.setQueryData(key, page));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: HISTORY_LISTS }),
  });
}

/** Runs a simulation's command again as a new history entry; answers the new simulation's id. */
export function useRerunSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (simulation: SimulationSummary) =>
      unwrap(await api.POST('/history/{id}/rerun', { params: { path: { id: simulation.id } } })).simulationId,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: HISTORY_LISTS }),
  });
}
