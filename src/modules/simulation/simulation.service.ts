import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseCommand } from '../../engine';
import { JobQueues } from '../../queue/job-queues';
import { JobRecovery, RecoveryCounts, workerLostReason } from '../../queue/job-recovery';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { applyOptionOverrides } from './command-overrides';
import type { SimulationOptionOverridesDto } from './dto/simulate-request.dto';
import { SimulationLifecycle } from './simulation-lifecycle.service';
import { InvalidCommandError } from './simulation.errors';

export interface SubmittedSimulation {
  record: SimulationRecord;
  /** False when an Idempotency-Key matched an earlier submission. */
  created: boolean;
}

/** Retries are for transient failures (a provider or the database blinking); the engine itself is deterministic. */
export const SIMULATION_JOB_OPTIONS = { attempts: 3, backoffMs: 1000, timeoutMs: 120_000 } as const;

/**
 * Accepts simulations: parses synchronously (an invalid command is refused with every error and nothing is
 * queued), records the simulation with its `simulation.requested` event (SimulationLifecycle), then enqueues it.
 * The row is what counts: if the enqueue fails, or Redis later loses the job, the recovery sweep enqueues it
 * again (recoverStranded).
 */
@Injectable()
export class SimulationService implements OnModuleInit {
  private readonly logger = new Logger(SimulationService.name);

  constructor(
    private readonly history: HistoryService,
    private readonly lifecycle: SimulationLifecycle,
    private readonly queues: JobQueues,
    private readonly metrics: MetricsService,
    private readonly recovery: JobRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register('simulations', () => this.recoverStranded(this.recovery.graceSeconds));
  }

  async submit(
    userId: string,
    input: { command: string; options?: SimulationOptionOverridesDto },
    idempotencyKey: string | null,
  ): Promise<SubmittedSimulation> {
    if (idempotencyKey) {
      const earlier = await this.history.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier) return { record: earlier, created: false };
    }
    const command = applyOptionOverrides(input.command, input.options);
    const parsed = parseCommand(command);
    if (!parsed.ok) throw new InvalidCommandError(parsed.errors);

    const id = randomUUID();
    let record: SimulationRecord;
    try {
      record = await this.lifecycle.submit({
        id,
        userId,
        command,
        canonical: parsed.canonical,
        parsedCommand: parsed.command,
        startDate: parsed.command.start,
        endDate: parsed.command.end,
        idempotencyKey,
      });
    } catch (error) {
      // Two requests with the same Idempotency-Key raced: the unique index let one in; answer with it.
      const winner = idempotencyKey ? await this.history.findByIdempotencyKey(userId, idempotencyKey) : null;
      if (winner) return { record: winner, created: false };
      throw error;
    }
    try {
      await this.enqueue(id);
    } catch (error) {
      // The row is committed (so the answer is 202): the recovery sweep enqueues it once Redis answers.
      this.logger.warn({
        message: 'enqueue failed, left for the recovery sweep',
        simulationId: id,
        error: String(error),
      });
    }
    this.logger.log({ message: 'simulation queued', simulationId: id, userId });
    this.metrics.simulationRequested();
    return { record, created: true };
  }

  /**
   * Simulations queued or running (submitted more than `olderThanSeconds` ago) whose job Redis lost are enqueued
   * again; those whose workers kept crashing are failed with a reason (see JobRecovery.recover).
   */
  async recoverStranded(olderThanSeconds: number): Promise<RecoveryCounts> {
    const before = new Date(Date.now() - olderThanSeconds * 1000);
    return this.recovery.recoverAll(
      'simulations',
      (limit, after) => this.history.findUnfinished(before, limit, after),
      { enqueue: (id) => this.enqueue(id), failWorkerLost: (id) => this.failWorkerLost(id) },
    );
  }

  /** Runs a user's earlier simulation again, as a new history entry. */
  async rerun(userId: string, simulationId: string): Promise<SubmittedSimulation> {
    const earlier = await this.history.getOwned(userId, simulationId);
    return this.submit(userId, { command: earlier.command }, null);
  }

  /** Ends a simulation whose workers kept stopping: failed, with a reason a person understands, and its event. */
  private async failWorkerLost(id: string): Promise<void> {
    const record = await this.history.findById(id);
    if (!record) return;
    const failed = await this.lifecycle.fail(record, workerLostReason('simulation'), 'WORKER_LOST');
    if (failed) this.metrics.simulationFailed('transient');
  }

  /** The job id is the simulation id: enqueuing twice (a retried request, the sweep) runs it once. */
  private async enqueue(simulationId: string): Promise<void> {
    await this.queues.enqueue(
      'simulations',
      'run',
      { simulationId },
      { jobId: simulationId, ...SIMULATION_JOB_OPTIONS },
    );
  }
}
