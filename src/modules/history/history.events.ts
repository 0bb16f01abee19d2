import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/** Event types on portofino.history.events.v1 (schemas: docs/events/). */
export const HISTORY_EVENTS = {
  created: 'history.created',
  deleted: 'history.deleted',
} as const;

export interface HistoryCreatedData {
  command: string;
  canonical: string;
  startDate: string;
  endDate: string;
  tickers: string[];
  cagr: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  totalReturn: number | null;
}

export interface HistoryDeletedData {
  reason: 'deleted-by-user';
}

export function historyEvent<TData>(
  type: (typeof HISTORY_EVENTS)[keyof typeof HISTORY_EVENTS],
  userId: string,
  simulationId: string,
  data: TData,
  links: EventLinks = {},
): DomainEvent<TData> {
  return {
    topic: EVENT_TOPICS.history,
    key: simulationId,
    type,
    version: 1,
    userId,
    subject: { simulationId },
    data,
    correlationId: simulationId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
