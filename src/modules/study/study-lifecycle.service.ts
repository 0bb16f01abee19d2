import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../events/event-envelope';
import { STUDY_EVENTS, studyEvent } from './study.events';
import { StudyRepository } from './study.repository';
import type { NewStudy, StoredStudyResult, StudyChange, StudyChunkCounts, StudyRecord } from './study.types';

type Subject = Pick<StudyRecord, 'id' | 'userId'>;

/**
 * Every state change of a study with its event (docs/jobs.md): nothing else writes the row. Each is written only
 * while the study is unfinished, so a final state is never overwritten; false when it had finished (another
 * worker got there first) or was deleted. Chunk results are not state changes of the study: the repository
 * stores them once each.
 */
@Injectable()
export class StudyLifecycle {
  constructor(private readonly repository: StudyRepository) {}

  submit(study: NewStudy, chunkSizes: readonly number[], method: string, seed: number): Promise<void> {
    const { id, userId, request } = study;
    return this.repository.insert(study, chunkSizes, [
      studyEvent(STUDY_EVENTS.requested, userId, id, {
        tickers: request.tickers,
        start: request.start,
        end: request.end,
        method,
        seed,
        candidateCount: study.candidateCount,
        chunkCount: study.chunkCount,
      }),
    ]);
  }

  /** Written by the first chunk that starts (only while the study is queued): one started event per study. */
  markRunning(study: Subject & Pick<StudyRecord, 'chunkCount'>): Promise<boolean> {
    return this.repository.changeQueued(
      study.id,
      { status: 'running', startedAt: new Date(), progressPhase: 'evaluating', progressPercent: 0 },
      [studyEvent(STUDY_EVENTS.started, study.userId, study.id, { chunkCount: study.chunkCount })],
    );
  }

  recordProgress(
    study: Subject & Pick<StudyRecord, 'chunkCount'>,
    phase: string,
    percent: number,
    counts: StudyChunkCounts,
  ): Promise<boolean> {
    return this.change(study.id, { progressPhase: phase, progressPercent: percent }, [
      studyEvent(STUDY_EVENTS.progress, study.userId, study.id, {
        phase,
        percent,
        chunksDone: counts.chunksDone,
        chunksTotal: study.chunkCount,
        candidatesEvaluated: counts.candidatesEvaluated,
      }),
    ]);
  }

  /** The finalised result: written once, whichever worker stored the last chunk (or both at the same time). */
  complete(
    study: Subject & Pick<StudyRecord, 'candidateCount'>,
    result: StoredStudyResult,
    scatter: string,
    durationMs: number,
  ): Promise<boolean> {
    return this.change(
      study.id,
      {
        status: 'completed',
        progressPhase: 'done',
        progressPercent: 100,
        result: JSON.stringify(result),
        scatter,
        finishedAt: new Date(),
      },
      [
        studyEvent(STUDY_EVENTS.completed, study.userId, study.id, {
          candidateCount: study.candidateCount,
          valid: result.valid,
          frontierPoints: result.frontier.length,
          durationMs,
        }),
      ],
    );
  }

  fail(study: Subject, reason: string, code: string, chunk: number | null): Promise<boolean> {
    return this.change(
      study.id,
      { status: 'failed', failureReason: reason, failureCode: code, finishedAt: new Date() },
      [studyEvent(STUDY_EVENTS.failed, study.userId, study.id, { reason, code, chunk })],
    );
  }

  private change(id: string, change: StudyChange, events: DomainEvent[]): Promise<boolean> {
    return this.repository.changeUnfinished(id, change, events);
  }
}
