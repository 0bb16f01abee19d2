import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/**
 * Event types on portofino.study.events.v1, a public contract (JSON Schemas: docs/events/study.*.v1).
 * Every event is keyed by studyId, so one study's events keep their order.
 */
export const STUDY_EVENTS = {
  requested: 'study.requested',
  started: 'study.started',
  progress: 'study.progress',
  completed: 'study.completed',
  failed: 'study.failed',
} as const;

export type StudyEventType = (typeof STUDY_EVENTS)[keyof typeof STUDY_EVENTS];

export interface StudyEventDataByType {
  'study.requested': {
    tickers: string[];
    start: string;
    end: string;
    method: string;
    seed: number;
    candidateCount: number;
    chunkCount: number;
  };
  'study.started': { chunkCount: number };
  'study.progress': {
    phase: string;
    percent: number;
    chunksDone: number;
    chunksTotal: number;
    candidatesEvaluated: number;
  };
  'study.completed': { candidateCount: number; valid: number; frontierPoints: number; durationMs: number };
  'study.failed': { reason: string; code: string; chunk: number | null };
}

export function studyEvent<T extends StudyEventType>(
  type: T,
  userId: string,
  studyId: string,
  data: StudyEventDataByType[T],
  links: EventLinks = {},
): DomainEvent<StudyEventDataByType[T]> {
  return {
    topic: EVENT_TOPICS.study,
    key: studyId,
    type,
    version: 1,
    userId,
    subject: { studyId },
    data,
    correlationId: studyId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
