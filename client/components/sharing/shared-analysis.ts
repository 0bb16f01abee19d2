import { api, unwrap } from '../../lib/api/client';
import type { AnalysisSource } from '../results/use-analysis';

/** A share link's other rolling windows: GET /shared/{token}/analysis (signed out, like the page). */
export function sharedAnalysisSource(token: string): AnalysisSource {
  return {
    key: ['shared', token, 'analysis'],
    load: async (window, signal) =>
      unwrap(
        await api.GET('/shared/{token}/analysis', {
          params: { path: { token }, query: { rollingWindow: window } },
          signal,
        }),
      ),
  };
}
