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
}

/** The JSON every consumer receives: id (for idempotent consumers), type, schema version, time, data. */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  userId: string | null;
  data: TData;
  [subjectId: string]: unknown;
}

export function toEnvelope<TData>(event: DomainEvent<TData>, now: Date = new Date()): EventEnvelope<TData> {
  return {
    id: randomUUID(),
    type: event.type,
    version: event.version,
    occurredAt: now.toISOString(),
    userId: event.userId ?? null,
    ...event.subject,
    data: event.data,
  };
}

export function envelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    'content-type': 'application/json',
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
  };
}
