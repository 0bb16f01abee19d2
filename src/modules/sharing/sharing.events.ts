import type { DomainEvent } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/** Event types on portofino.sharing.events.v1 (schemas: docs/events/). Never carry the token or its hash. */
export const SHARING_EVENTS = {
  simulationShared: 'simulation.shared',
  simulationShareRevoked: 'simulation.share_revoked',
} as const;

export type SharingEventType = (typeof SHARING_EVENTS)[keyof typeof SHARING_EVENTS];

export interface SimulationSharedData {
  linkId: string;
}

export interface SimulationShareRevokedData {
  linkId: string;
  reason: 'revoked-by-user';
}

export function sharingEvent<TData>(
  type: SharingEventType,
  userId: string,
  simulationId: string,
  data: TData,
): DomainEvent<TData> {
  return {
    topic: EVENT_TOPICS.sharing,
    key: simulationId,
    type,
    version: 1,
    userId,
    subject: { simulationId },
    // The simulation's work, like history.*; a person's request causes these, never another event.
    correlationId: simulationId,
    causationId: null,
    data,
  };
}
