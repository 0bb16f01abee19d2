import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/**
 * Event types on portofino.report.events.v1, a public contract (JSON Schemas: docs/events/report.*.v1).
 * Every event is keyed by reportId, so one report's events keep their order.
 */
export const REPORT_EVENTS = {
  requested: 'report.requested',
  started: 'report.started',
  progress: 'report.progress',
  completed: 'report.completed',
  failed: 'report.failed',
} as const;

export type ReportEventType = (typeof REPORT_EVENTS)[keyof typeof REPORT_EVENTS];

export interface ReportEventDataByType {
  'report.requested': { simulationId: string; taskId: string; force: boolean };
  'report.started': { simulationId: string; attempt: number };
  'report.progress': { simulationId: string; phase: string; percent: number };
  'report.completed': { simulationId: string; fileName: string; sizeBytes: number; durationMs: number };
  'report.failed': { simulationId: string; reason: string; code: string };
}

export function reportEvent<T extends ReportEventType>(
  type: T,
  userId: string,
  reportId: string,
  data: ReportEventDataByType[T],
  links: EventLinks = {},
): DomainEvent<ReportEventDataByType[T]> {
  return {
    topic: EVENT_TOPICS.report,
    key: reportId,
    type,
    version: 1,
    userId,
    subject: { reportId },
    data,
    correlationId: reportId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
