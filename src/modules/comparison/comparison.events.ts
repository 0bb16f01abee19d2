import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/**
 * Event types on portofino.comparison.events.v1, a public contract (JSON Schemas: docs/events/comparison.*.v1).
 * Every event is keyed by comparisonId, so one comparison's events keep their order.
 */
export const COMPARISON_EVENTS = {
  requested: 'comparison.requested',
  started: 'comparison.started',
  progress: 'comparison.progress',
  completed: 'comparison.completed',
  failed: 'comparison.failed',
} as const;

export type ComparisonEventType = (typeof COMPARISON_EVENTS)[keyof typeof COMPARISON_EVENTS];

export interface ComparisonEventDataByType {
  'comparison.requested': {
    members: { name: string; canonical: string }[];
    period: 'common' | 'own';
    simulationIds: string[] | null;
  };
  'comparison.started': { attempt: number };
  'comparison.progress': { phase: string; percent: number };
  'comparison.completed': { periodStart: string; periodEnd: string; memberCount: number; durationMs: number };
  'comparison.failed': { reason: string; code: string; member: number | null };
}

export function comparisonEvent<T extends ComparisonEventType>(
  type: T,
  userId: string,
  comparisonId: string,
  data: ComparisonEventDataByType[T],
  links: EventLinks = {},
): DomainEvent<ComparisonEventDataByType[T]> {
  return {
    topic: EVENT_TOPICS.comparison,
    key: comparisonId,
    type,
    version: 1,
    userId,
    subject: { comparisonId },
    data,
    correlationId: comparisonId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
