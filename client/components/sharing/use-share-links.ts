'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const shareLinksKey = (simulationId: string) => ['share-links', simulationId] as const;

/** The owner's links to one simulation: list (when asked), create, revoke. */
export function useShareLinks(simulationId: string, listing: boolean) {
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: shareLinksKey(simulationId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/history/{id}/share', { params: { path: { id: simulationId } }, signal })).items,
    enabled: listing,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shareLinksKey(simulationId) });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/history/{id}/share', { params: { path: { id: simulationId } } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (linkId: string) => {
      const result = await api.DELETE('/history/{id}/share/{token}', {
        params: { path: { id: simulationId, token: linkId } },
      });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: refresh,
  });
  return { links, create, revoke };
}
