import { randomUUID } from 'node:crypto';

/** What a domain hands to EventPublisher. */
export interface DomainEvent<TData = unknown> {
  topic: string;
  /** Partitioning key: one aggregate's events (e.g. one simulation's) share it and keep their order. */
  key: string;
  type: string;
  version: number;
  userId?: string | null;
  /** Ids of the aggregate(s) the event is about, copied to the envelope's top level (e.g. simulationId). */
  subject?: Record<string, string>;
  data: TData;
  /** The envelope's id, when another event must name this one as its cause; a new UUID otherwise. */
  id?: string;
  /** Ties together the events of one piece of work (a simulation's, a report's): the envelope's correlationId. */
  correlationId?: string;
  /** Id of the event this one follows from, or null when a request caused it: the envelope's causationId. */
  causationId?: string | null;
}

/** How an event links to others: its own id when it is to be named as a cause, the id of the event it follows from. */
export type EventLinks = Pick<DomainEvent, 'id' | 'causationId'>;

/**
 * The JSON every consumer receives: id (for idempotent consumers), type, schema version, time, data, and — added
 * compatibly, optional in the schemas (docs/events/README.md) — correlationId and causationId.
 */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  userId: string | null;
  correlationId?: string;
  causationId?: string | null;
  data: TData;
  [subjectId: string]: unknown;
}

export function toEnvelope<TData>(event: DomainEvent<TData>, now: Date = new Date()): EventEnvelope<TData> {
  return {
    id: event.id ?? randomUUID(),
    type: event.type,
    version: event.version,
    occurredAt: now.toISOString(),
    userId: event.userId ?? null,
    ...event.subject,
    ...(event.correlationId === undefined ? {} : { correlationId: event.correlationId }),
    ...(event.causationId === undefined ? {} : { causationId: event.causationId }),
    data: event.data,
  };
}

export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    'content-type': 'application/json',
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    ...(envelope.correlationId === undefined ? {} : { 'correlation-id': envelope.correlationId }),
    ...(typeof envelope.causationId === 'string' ? { 'causation-id': envelope.causationId } : {}),
  };
}
