'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

type Analysis = Schemas['SimulationAnalysisDto'];

/** Where the analysis of another window comes from: the owner's simulation, or a share link. */
export interface AnalysisSource {
  /** The query key's prefix; the window is appended. */
  key: readonly unknown[];
  load: (window: number, signal: AbortSignal) => Promise<Analysis>;
}

/** GET /history/{id}/analysis: the owner's simulation. */
export function ownerAnalysisSource(id: string): AnalysisSource {
  return {
    key: ['simulation', id, 'analysis'],
    load: async (window, signal) =>
      unwrap(
        await api.GET('/history/{id}/analysis', { params: { path: { id }, query: { rollingWindow: window } }, signal }),
      ),
  };
}

/**
 * The rolling metrics of `window` (and the drawdown episodes) of a completed simulation. The window the detail
 * already carries is used as is; another one is asked of the source (without the daily series), and the previous
 * window stays on screen while it loads.
 */
export function useSimulationAnalysis(source: AnalysisSource | null, window: number, initial: Analysis | null) {
  const fromDetail = initial !== null && initial.rolling.window === window;
  return useQuery({
    queryKey: [...(source?.key ?? ['no-analysis']), window],
    queryFn: ({ signal }) => (source as AnalysisSource).load(window, signal),
    initialData: fromDetail ? initial : undefined,
    placeholderData: keepPreviousData,
    enabled: initial !== null && source !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
