'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

type Analysis = Schemas['SimulationAnalysisDto'];

/**
 * The rolling metrics of `window` (and the drawdown episodes) of a completed simulation. The window the detail
 * already carries is used as is; another one is asked of GET /history/{id}/analysis, without the daily series,
 * and the previous window stays on screen while it loads.
 */
export function useSimulationAnalysis(id: string, window: number, initial: Analysis | null) {
  const fromDetail = initial !== null && initial.rolling.window === window;
  return useQuery({
    queryKey: ['simulation', id, 'analysis', window] as const,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/history/{id}/analysis', { params: { path: { id }, query: { rollingWindow: window } }, signal }),
      ),
    initialData: fromDetail ? initial : undefined,
    placeholderData: keepPreviousData,
    enabled: initial !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
