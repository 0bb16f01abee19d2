import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvent } from '../../events/event-envelope';
import { EventPublisher } from '../../events/event-publisher';
import { SimulationNotFoundError } from './history.errors';
import { HISTORY_EVENTS, HistoryCreatedData, historyEvent } from './history.events';
import { HistoryRepository, StatusChange, UnfinishedSimulation } from './history.repository';
import {
  HeadlineMetrics,
  HistoryPage,
  HistoryQuery,
  NewSimulation,
  SimulationRecord,
  StoredSimulationResult,
} from './history.types';

const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/**
 * A user's simulations, from submission to result. Every state change is committed together with the
 * events that describe it (the caller's simulation.* events and history.*), through the outbox: in one
 * transaction, or — the two hot ones, submission and completion, on PostgreSQL — in one statement.
 */
@Injectable()
export class HistoryService {
  private readonly logger = new Logger(HistoryService.name);

  constructor(
    private readonly repository: HistoryRepository,
    private readonly events: EventPublisher,
  ) {}

  async create(simulation: NewSimulation, events: DomainEvent[]): Promise<SimulationRecord> {
    const createdAt = new Date();
    if (this.repository.writesInOneStatement) {
      const outbox = this.events.inStatement(events);
      await this.repository.insertWithEvents(simulation, createdAt, outbox);
      outbox.committed();
    } else {
      await this.repository.transaction(async (tx) => {
        await this.repository.insert(simulation, createdAt, tx);
        await this.events.publish(events, tx);
      });
    }
    return {
      id: simulation.id,
      userId: simulation.userId,
      command: simulation.command,
      canonical: simulation.canonical,
      parsedCommand: simulation.parsedCommand,
      tickers: [...simulation.tickers, ...(simulation.benchmark ? [simulation.benchmark] : [])],
      startDate: simulation.startDate,
      endDate: simulation.endDate,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      idempotencyKey: simulation.idempotencyKey,
      headline: { cagr: null, sharpe: null, maxDrawdown: null, totalReturn: null },
      createdAt,
      startedAt: null,
      finishedAt: null,
    };
  }

  findByIdempotencyKey(userId: string, key: string): Promise<SimulationRecord | null> {
    return this.repository.findByIdempotencyKey(userId, key);
  }

  /** For the worker: no owner check. */
  findById(id: string): Promise<SimulationRecord | null> {
    return this.repository.findById(id);
  }

  /** The user's own simulation, or SimulationNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<SimulationRecord> {
    const record = await this.repository.findById(id);
    if (!record || record.userId !== userId) throw new SimulationNotFoundError(id);
    return record;
  }

  async getDetail(
    userId: string,
    id: string,
  ): Promise<{ record: SimulationRecord; result: StoredSimulationResult | null }> {
    const record = await this.getOwned(userId, id);
    const result = record.status === 'completed' ? await this.repository.loadResult(id) : null;
    return { record, result };
  }

  /** Simulations still queued or running that were submitted before `before`: oldest first, `limit` after `after`. */
  findUnfinished(before: Date, limit: number, after?: UnfinishedSimulation): Promise<UnfinishedSimulation[]> {
    return this.repository.findUnfinished(before, limit, after);
  }

  list(userId: string, query: HistoryQuery): Promise<HistoryPage> {
    return this.repository.list(userId, query);
  }

  /**
   * The simulation started at `startedAt` and is in `progress`'s phase (a short one never gets here: see complete).
   * Every state change here is written only while the simulation is queued or running, with its events, and
   * says whether it was: a run of a job that another run (or the recovery sweep) already finished changes
   * nothing and emits nothing.
   */
  async markRunning(
    id: string,
    startedAt: Date,
    progress: { phase: string; percent: number },
    events: DomainEvent[],
  ): Promise<boolean> {
    return this.changeUnfinished(
      id,
      {
        status: 'running',
        startedAt,
        progressPhase: progress.phase,
        progressPercent: progress.percent,
        failureReason: null,
      },
      events,
    );
  }

  async recordProgress(id: string, phase: string, percent: number, events: DomainEvent[]): Promise<boolean> {
    return this.changeUnfinished(id, { progressPhase: phase, progressPercent: percent }, events);
  }

  /**
   * Stores the result and marks the simulation completed; a retried job replaces, never duplicates. With
   * `startedAt`, the start was not recorded (the run was short): it is recorded here, in the same transaction,
   * and `events` begin with the started event. Returns the result's bytes, or null when the simulation had
   * already finished (nothing is written then).
   */
  async complete(
    record: SimulationRecord,
    result: StoredSimulationResult,
    headline: HeadlineMetrics,
    events: DomainEvent[],
    startedAt?: Date,
  ): Promise<number | null> {
    const clean: HeadlineMetrics = {
      cagr: finiteOrNull(headline.cagr),
      sharpe: finiteOrNull(headline.sharpe),
      maxDrawdown: finiteOrNull(headline.maxDrawdown),
      totalReturn: finiteOrNull(headline.totalReturn),
    };
    const created: HistoryCreatedData = {
      command: record.command,
      canonical: record.canonical,
      startDate: record.startDate,
      endDate: record.endDate,
      tickers: record.tickers,
      ...clean,
    };
    const change: StatusChange = {
      status: 'completed',
      progressPhase: 'done',
      progressPercent: 100,
      ...(startedAt ? { startedAt, failureReason: null } : {}),
      finishedAt: new Date(),
      headline: clean,
    };
    const allEvents = [...events, historyEvent(HISTORY_EVENTS.created, record.userId, record.id, created)];
    if (this.repository.writesInOneStatement) {
      const outbox = this.events.inStatement(allEvents, { onlyIfAny: 'u' });
      const bytes = await this.repository.completeWithEvents(record.id, result, change, outbox);
      if (bytes !== null) outbox.committed();
      return bytes;
    }
    return this.repository.transaction(async (tx) => {
      if (!(await this.repository.update(record.id, change, tx))) return null;
      const bytes = await this.repository.saveResult(record.id, result, tx);
      await this.events.publish(allEvents, tx);
      return bytes;
    });
  }

  /** Marks the simulation failed; `startedAt` as in complete(). False when it had already finished. */
  async fail(id: string, reason: string, events: DomainEvent[], startedAt?: Date): Promise<boolean> {
    return this.changeUnfinished(
      id,
      { status: 'failed', failureReason: reason, ...(startedAt ? { startedAt } : {}), finishedAt: new Date() },
      events,
    );
  }

  /** Applies `change` and publishes `events` in one transaction, if the simulation is still unfinished. */
  private changeUnfinished(id: string, change: StatusChange, events: DomainEvent[]): Promise<boolean> {
    return this.repository.transaction(async (tx) => {
      if (!(await this.repository.update(id, change, tx))) return false;
      await this.events.publish(events, tx);
      return true;
    });
  }

  async delete(userId: string, id: string): Promise<void> {
    const record = await this.getOwned(userId, id);
    await this.repository.transaction(async (tx) => {
      await this.repository.delete(id, tx);
      await this.events.publish(
        [historyEvent(HISTORY_EVENTS.deleted, userId, id, { reason: 'deleted-by-user' as const })],
        tx,
      );
    });
    this.logger.log({ message: 'simulation deleted', simulationId: id, status: record.status });
  }
}
