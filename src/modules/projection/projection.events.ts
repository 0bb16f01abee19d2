import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';
import type { ResamplingMethod } from '../../engine';

/**
 * Event types on portofino.projection.events.v1, a public contract (JSON Schemas: docs/events/projection.*.v1).
 * Every event is keyed by projectionId, so one projection's events keep their order.
 */
export const PROJECTION_EVENTS = {
  requested: 'projection.requested',
  started: 'projection.started',
  progress: 'projection.progress',
  completed: 'projection.completed',
  failed: 'projection.failed',
} as const;

export type ProjectionEventType = (typeof PROJECTION_EVENTS)[keyof typeof PROJECTION_EVENTS];

export interface ProjectionEventDataByType {
  'projection.requested': {
    simulationId: string;
    taskId: string;
    paths: number;
    years: number;
    method: ResamplingMethod;
    blockMonths: number;
    seed: number;
  };
  'projection.started': { simulationId: string; attempt: number };
  'projection.progress': { simulationId: string; phase: string; percent: number };
  'projection.completed': {
    simulationId: string;
    durationMs: number;
    medianFinalValue: number;
    probabilityPositive: number;
    probabilityAboveTarget: number;
  };
  'projection.failed': { simulationId: string; reason: string; code: string };
}

export function projectionEvent<T extends ProjectionEventType>(
  type: T,
  userId: string,
  projectionId: string,
  data: ProjectionEventDataByType[T],
  links: EventLinks = {},
): DomainEvent<ProjectionEventDataByType[T]> {
  return {
    topic: EVENT_TOPICS.projection,
    key: projectionId,
    type,
    version: 1,
    userId,
    subject: { projectionId },
    data,
    correlationId: projectionId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
