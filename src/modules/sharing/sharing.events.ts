import type { DomainEvent } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';
import type { ShareSubjectKind } from './entities/share-link.entity';

/** Event types on portofino.sharing.events.v1 (schemas: docs/events/). Never carry the token or its hash. */
export const SHARING_EVENTS = {
  simulationShared: 'simulation.shared',
  simulationShareRevoked: 'simulation.share_revoked',
  comparisonShared: 'comparison.shared',
  comparisonShareRevoked: 'comparison.share_revoked',
} as const;

export type SharingEventType = (typeof SHARING_EVENTS)[keyof typeof SHARING_EVENTS];

/** The event types of each kind of shared subject, and the envelope field that names the subject. */
export const SHARING_EVENTS_OF: Record<
  ShareSubjectKind,
  { shared: SharingEventType; revoked: SharingEventType; subjectField: string }
> = {
  simulation: {
    shared: SHARING_EVENTS.simulationShared,
    revoked: SHARING_EVENTS.simulationShareRevoked,
    subjectField: 'simulationId',
  },
  comparison: {
    shared: SHARING_EVENTS.comparisonShared,
    revoked: SHARING_EVENTS.comparisonShareRevoked,
    subjectField: 'comparisonId',
  },
};

export interface SubjectSharedData {
  linkId: string;
}

export interface SubjectShareRevokedData {
  linkId: string;
  reason: 'revoked-by-user';
}

/** A sharing event keyed by the shared subject's id (a simulation's or a comparison's). */
export function sharingEvent<TData>(
  type: SharingEventType,
  userId: string,
  subject: { kind: ShareSubjectKind; id: string },
  data: TData,
): DomainEvent<TData> {
  return {
    topic: EVENT_TOPICS.sharing,
    key: subject.id,
    type,
    version: 1,
    userId,
    subject: { [SHARING_EVENTS_OF[subject.kind].subjectField]: subject.id },
    // The subject's work, like its own events; a person's request causes these, never another event.
    correlationId: subject.id,
    causationId: null,
    data,
  };
}
