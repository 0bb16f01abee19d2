'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

/** What a link shares: a simulation (/history/{id}/share) or a comparison (/comparisons/{id}/share). */
export interface ShareSubject {
  kind: 'simulation' | 'comparison';
  id: string;
}

export const shareLinksKey = (subject: ShareSubject) => ['share-links', subject.kind, subject.id] as const;

async function listLinks(subject: ShareSubject, signal: AbortSignal) {
  const params = { path: { id: subject.id } };
  const answer =
    subject.kind === 'comparison'
      ? unwrap(await api.GET('/comparisons/{id}/share', { params, signal }))
      : unwrap(await api.GET('/history/{id}/share', { params, signal }));
  return answer.items;
}

async function createLink(subject: ShareSubject) {
  const params = { path: { id: subject.id } };
  return subject.kind === 'comparison'
    ? unwrap(await api.POST('/comparisons/{id}/share', { params }))
    : unwrap(await api.POST('/history/{id}/share', { params }));
}

async function revokeLink(subject: ShareSubject, linkId: string) {
  const params = { path: { id: subject.id, token: linkId } };
  const result =
    subject.kind === 'comparison'
      ? await api.DELETE('/comparisons/{id}/share/{token}', { params })
      : await api.DELETE('/history/{id}/share/{token}', { params });
  if (!result.response.ok) unwrap(result);
}

/** The owner's links to one simulation or comparison: list (when asked), create, revoke. */
export function useShareLinks(subject: ShareSubject, listing: boolean) {
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: shareLinksKey(subject),
    queryFn: ({ signal }) => listLinks(subject, signal),
    enabled: listing,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shareLinksKey(subject) });
  const create = useMutation({ mutationFn: () => createLink(subject), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: (linkId: string) => revokeLink(subject, linkId), onSuccess: refresh });
  return { links, create, revoke };
}
