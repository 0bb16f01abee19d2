import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  type ComparisonOutcome,
  type ComparisonPeriodMode,
  type ComparisonMemberInput,
  validateComparisonMembers,
} from '../../engine';
import type { DomainEvent } from '../../events/event-envelope';
import { JobQueues } from '../../queue/job-queues';
import { JobRecovery, RecoveryCounts, workerLostReason } from '../../queue/job-recovery';
import { HistoryService } from '../history/history.service';
import { ComparisonNotFoundError, ComparisonRequestError, InvalidComparisonError } from './comparison.errors';
import { COMPARISON_EVENTS, comparisonEvent } from './comparison.events';
import { ComparisonRepository } from './comparison.repository';
import type { ComparisonChange, ComparisonRecord, StoredMember } from './comparison.types';

/** Simulating is deterministic: retries are for the prices or the database blinking. */
export const COMPARISON_JOB_OPTIONS = { attempts: 3, backoffMs: 1000, timeoutMs: 300_000 } as const;

export interface ComparisonRequest {
  members?: ComparisonMemberInput[];
  simulationIds?: string[];
  period?: ComparisonPeriodMode;
}

/**
 * Comparisons: a request validates every member synchronously (invalid members are refused with each error
 * located, nothing queued), records the comparison with its `comparison.requested` event, then enqueues it; the
 * worker (ComparisonProcessor) moves it through started → progress → completed | failed, each state change with
 * its event, written only while the comparison is unfinished. The recovery sweep enqueues what Redis lost.
 */
@Injectable()
export class ComparisonService implements OnModuleInit {
  private readonly logger = new Logger(ComparisonService.name);

  constructor(
    private readonly repository: ComparisonRepository,
    private readonly history: HistoryService,
    private readonly queues: JobQueues,
    private readonly recovery: JobRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register('comparisons', () => this.recoverStranded(this.recovery.graceSeconds));
  }

  async submit(userId: string, request: ComparisonRequest): Promise<ComparisonRecord> {
    const hasMembers = request.members !== undefined;
    const hasIds = request.simulationIds !== undefined;
    if (hasMembers === hasIds) {
      throw new ComparisonRequestError('give either members (2 to 10 commands) or simulationIds (2 to 10), not both');
    }
    let inputs: ComparisonMemberInput[];
    let simulationIds: string[] | null = null;
    if (request.simulationIds) {
      simulationIds = request.simulationIds;
      // Another user's id answers 404 like an unknown one (HistoryService.getOwned).
      const records = await Promise.all(simulationIds.map((id) => this.history.getOwned(userId, id)));
      inputs = records.map((record) => ({ command: record.command }));
    } else {
      inputs = request.members ?? [];
    }
    const validated = validateComparisonMembers(inputs);
    if (!validated.ok) throw new InvalidComparisonError(validated.errors);
    const members: StoredMember[] = validated.members.map(({ name, named, command, canonical }) => ({
      name,
      named,
      command,
      canonical,
    }));
    const id = randomUUID();
    const createdAt = new Date();
    const periodMode = request.period ?? 'common';
    await this.repository.insert({ id, userId, periodMode, members, simulationIds, createdAt }, [
      comparisonEvent(COMPARISON_EVENTS.requested, userId, id, {
        members: members.map(({ name, canonical }) => ({ name, canonical })),
        period: periodMode,
        simulationIds,
      }),
    ]);
    try {
      await this.enqueue(id);
      this.logger.log({ message: 'comparison queued', comparisonId: id, userId, members: members.length });
    } catch (error) {
      // The row is committed: the recovery sweep enqueues it once Redis answers.
      this.logger.warn({
        message: 'enqueue failed, left for the recovery sweep',
        comparisonId: id,
        error: String(error),
      });
    }
    return {
      id,
      userId,
      status: 'queued',
      periodMode,
      members,
      simulationIds,
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      failureMember: null,
      result: null,
      createdAt,
      startedAt: null,
      finishedAt: null,
    };
  }

  /** Runs a user's comparison again, as a new comparison with the same members and period. */
  async rerun(userId: string, id: string): Promise<ComparisonRecord> {
    const earlier = await this.getOwned(userId, id);
    return this.submit(userId, {
      members: earlier.members.map(({ name, named, command }) => (named ? { name, command } : { command })),
      period: earlier.periodMode,
    });
  }

  /** The user's own comparison, or ComparisonNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<ComparisonRecord> {
    const comparison = await this.repository.findById(id);
    if (!comparison || comparison.userId !== userId) throw new ComparisonNotFoundError(id);
    return comparison;
  }

  /** One page of the user's comparisons, newest first, and how many there are. */
  async list(
    userId: string,
    { page, size }: { page: number; size: number },
  ): Promise<{ items: ComparisonRecord[]; page: number; size: number; total: number }> {
    const { items, total } = await this.repository.findPageByUser(userId, page, size);
    return { items, page, size, total };
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.getOwned(userId, id);
    await this.repository.delete(id);
    this.logger.log({ message: 'comparison deleted', comparisonId: id, userId });
  }

  /** For the worker and the gateway: no owner check. */
  findById(id: string): Promise<ComparisonRecord | null> {
    return this.repository.findById(id);
  }

  async recoverStranded(olderThanSeconds: number): Promise<RecoveryCounts> {
    const before = new Date(Date.now() - olderThanSeconds * 1000);
    return this.recovery.recoverAll(
      'comparisons',
      (limit, after) => this.repository.findUnfinished(before, limit, after),
      { enqueue: (id) => this.enqueue(id), failWorkerLost: (id) => this.failWorkerLost(id) },
    );
  }

  // The state changes, each with its event; nothing else writes the row.

  /** False when the comparison had already finished (another run of the job got there first). */
  markRunning(comparison: ComparisonRecord, attempt: number, phase: string, percent: number): Promise<boolean> {
    return this.change(
      comparison.id,
      { status: 'running', startedAt: new Date(), progressPhase: phase, progressPercent: percent, failureReason: null },
      [
        comparisonEvent(COMPARISON_EVENTS.started, comparison.userId, comparison.id, { attempt }),
        comparisonEvent(COMPARISON_EVENTS.progress, comparison.userId, comparison.id, { phase, percent }),
      ],
    );
  }

  recordProgress(comparison: ComparisonRecord, phase: string, percent: number): Promise<boolean> {
    return this.change(comparison.id, { progressPhase: phase, progressPercent: percent }, [
      comparisonEvent(COMPARISON_EVENTS.progress, comparison.userId, comparison.id, { phase, percent }),
    ]);
  }

  complete(comparison: ComparisonRecord, outcome: ComparisonOutcome, durationMs: number): Promise<boolean> {
    return this.change(
      comparison.id,
      {
        status: 'completed',
        progressPhase: 'done',
        progressPercent: 100,
        result: JSON.stringify(outcome),
        finishedAt: new Date(),
      },
      [
        comparisonEvent(COMPARISON_EVENTS.completed, comparison.userId, comparison.id, {
          periodStart: outcome.period.start,
          periodEnd: outcome.period.end,
          memberCount: outcome.members.length,
          durationMs,
        }),
      ],
    );
  }

  /** False when the comparison had already finished. */
  fail(comparison: Pick<ComparisonRecord, 'id' | 'userId'>, reason: string, code: string, member: number | null) {
    return this.change(
      comparison.id,
      { status: 'failed', failureReason: reason, failureCode: code, failureMember: member, finishedAt: new Date() },
      [comparisonEvent(COMPARISON_EVENTS.failed, comparison.userId, comparison.id, { reason, code, member })],
    );
  }

  private async failWorkerLost(id: string): Promise<void> {
    const comparison = await this.repository.findById(id);
    if (comparison) await this.fail(comparison, workerLostReason('comparison'), 'WORKER_LOST', null);
  }

  /** The job id is the comparison id: enqueuing twice (a retried request, the sweep) runs it once. */
  private async enqueue(comparisonId: string): Promise<void> {
    await this.queues.enqueue(
      'comparisons',
      'run',
      { comparisonId },
      { jobId: comparisonId, ...COMPARISON_JOB_OPTIONS },
    );
  }

  private change(id: string, change: ComparisonChange, events: DomainEvent[]): Promise<boolean> {
    return this.repository.changeUnfinished(id, change, events);
  }
}
