import { Injectable, Logger } from '@nestjs/common';
import {
  ComparisonMemberError,
  mergePriceSeries,
  parseCommand,
  commandSeriesNeeds,
  runComparison,
  type ComparisonMember,
  type PriceMatrix,
} from '../../engine';
import { DomainError } from '../../common/domain-error';
import { decideFailure } from '../../jobs/job-failure';
import { JobProgress } from '../../jobs/job-progress';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { PriceSource } from '../simulation/price-source';
import { ComparisonInputError } from './comparison.errors';
import { ComparisonService } from './comparison.service';
import type { ComparisonRecord } from './comparison.types';

type RunJob = JobData<'comparisons', 'run'>;

/** The failure policy's words for a comparison (src/jobs/job-failure.ts). */
const FAILURE_WORDING = {
  unknownCode: 'TRANSIENT',
  afterTries: (attempts: number, message: string) =>
    `the comparison could not finish after ${attempts} tries (${message}); run it again later`,
};

/**
 * Runs one comparison: each member's prices (as a single run loads them, PriceSource) → the engine's
 * runComparison (each member through simulatePortfolio, on the common period unless asked otherwise) → the
 * stored outcome. Every phase is written as it comes. Idempotent: a retried or recovered job finds a finished
 * comparison and stops.
 */
@Injectable()
@JobProcessor('comparisons')
export class ComparisonProcessor {
  private readonly logger = new Logger(ComparisonProcessor.name);

  constructor(
    private readonly comparisons: ComparisonService,
    private readonly prices: PriceSource,
  ) {}

  @HandlesJob<'comparisons'>('run')
  async run(job: JobContext<RunJob>): Promise<{ status: string }> {
    const comparison = await this.comparisons.findById(job.data.comparisonId);
    if (!comparison) return { status: 'deleted' };
    if (comparison.status === 'completed' || comparison.status === 'failed') return { status: comparison.status };
    const started = Date.now();
    const attempt = job.attemptsMade + 1;
    const progress = new JobProgress({
      intervalMs: 0,
      queue: (percent) => job.reportProgress(percent),
      writes: {
        start: (phase, percent) => this.comparisons.markRunning(comparison, attempt, phase, percent),
        progress: (phase, percent) => this.comparisons.recordProgress(comparison, phase, percent),
      },
      onWriteError: (error, phase) =>
        this.logger.warn({
          message: 'progress not recorded',
          comparisonId: comparison.id,
          phase,
          error: String(error),
        }),
    });
    try {
      const members = comparison.members.map((stored, index) => this.parsed(stored, index));
      const total = members.length;
      const matrices: PriceMatrix[] = [];
      for (const [index, member] of members.entries()) {
        await progress.report(`loading prices ${index + 1}/${total}`, 5 + Math.round((60 * index) / total));
        matrices.push(await this.load(member, index, comparison.userId));
      }
      await progress.report('simulating', 70);
      const outcome = this.compare(members, matrices, comparison);
      await progress.report('saving', 90);
      await progress.settle();
      if (!(await this.comparisons.complete(comparison, outcome, Date.now() - started))) {
        return { status: 'finished-elsewhere' };
      }
      this.logger.log({
        message: 'comparison completed',
        comparisonId: comparison.id,
        durationMs: Date.now() - started,
      });
      return { status: 'completed' };
    } catch (error) {
      await progress.settle();
      return this.handleFailure(comparison, job, error);
    }
  }

  private parsed(stored: ComparisonRecord['members'][number], index: number): ComparisonMember {
    const parsed = parseCommand(stored.command);
    if (!parsed.ok) {
      throw new ComparisonInputError(`${stored.name}: the command no longer parses`, 'INVALID_COMMAND', index);
    }
    return { ...stored, canonical: parsed.canonical, parsed: parsed.command };
  }

  /** One member's prices, as a single run loads them; a refusal (unknown ticker) names the member. */
  private async load(member: ComparisonMember, index: number, userId: string): Promise<PriceMatrix> {
    try {
      const needs = commandSeriesNeeds(member.parsed);
      const loaded = await this.prices.load(
        needs.load,
        { start: member.parsed.start, end: member.parsed.end },
        userId,
        async () => undefined,
        needs.mayBeEmpty,
      );
      return mergePriceSeries(loaded.series);
    } catch (error) {
      if (error instanceof DomainError && !error.retryable) {
        throw new ComparisonInputError(`${member.name}: ${error.message}`, error.code, index);
      }
      throw error;
    }
  }

  private compare(members: ComparisonMember[], matrices: PriceMatrix[], comparison: ComparisonRecord) {
    try {
      return runComparison(members, matrices, comparison.periodMode);
    } catch (error) {
      if (error instanceof ComparisonMemberError) {
        throw new ComparisonInputError(error.message, error.code, error.member);
      }
      throw error;
    }
  }

  /** The shared failure policy (src/jobs/job-failure.ts): retry what may pass, fail the rest with a reason. */
  private async handleFailure(
    comparison: ComparisonRecord,
    job: JobContext<RunJob>,
    error: unknown,
  ): Promise<{ status: string }> {
    const decision = decideFailure(error, job, FAILURE_WORDING);
    if (decision.retry) throw error;
    const { reason, code } = decision;
    const member = error instanceof ComparisonInputError ? error.member : null;
    if (!(await this.comparisons.fail(comparison, reason, code, member))) return { status: 'finished-elsewhere' };
    this.logger.warn({ message: 'comparison failed', comparisonId: comparison.id, code, reason });
    if (!decision.retryable) throw new NonRetryableJobError(reason);
    throw error;
  }
}
