import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { commandSeriesNeeds, commandTickers } from '../../engine';
import type { EventLinks } from '../../events/event-envelope';
import { HISTORY_EVENTS, HistoryCreatedData, historyEvent } from '../history/history.events';
import type {
  HeadlineMetrics,
  NewSimulation,
  SimulationRecord,
  StoredSimulationResult,
} from '../history/history.types';
import {
  SIMULATION_EVENTS,
  SimulationCompletedData,
  SimulationEventDataByType,
  simulationEvent,
} from './simulation.events';
import { SimulationChange, SimulationRepository } from './simulation.repository';

const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/** The start of a try that no state change has recorded yet (a short run records it with its final state). */
export interface UnrecordedStart {
  startedAt: Date;
  /** The try's number, from 1 (simulation.started's attempt). */
  attempt: number;
}

/** What a finished run hands over: the result to keep, its headline metrics and the rest of its completed event. */
export interface SimulationOutcome {
  result: StoredSimulationResult;
  headline: HeadlineMetrics;
  completed: Omit<SimulationCompletedData, keyof HeadlineMetrics>;
}

/**
 * Every state change of a simulation, each written with the events that describe it (simulation.* and, on
 * completion, history.created) through the outbox — the one place that says what happens when a simulation is
 * submitted, starts, progresses, completes or fails. A change is written only while the simulation is queued or
 * running, and says whether it was: a run of a job that another run (or the recovery sweep) already finished
 * changes nothing and emits nothing.
 */
@Injectable()
export class SimulationLifecycle {
  constructor(private readonly repository: SimulationRepository) {}

  /** Records a submitted simulation (queued) with its simulation.requested event. */
  async submit(simulation: NewSimulation): Promise<SimulationRecord> {
    const createdAt = new Date();
    const { positions, benchmark } = commandSeriesNeeds(simulation.parsedCommand);
    await this.repository.insert(simulation, createdAt, [
      simulationEvent(SIMULATION_EVENTS.requested, simulation.userId, simulation.id, {
        command: simulation.command,
        canonical: simulation.canonical,
        tickers: positions,
        benchmark,
        startDate: simulation.startDate,
        endDate: simulation.endDate,
        taskId: simulation.id,
      }),
    ]);
    return {
      id: simulation.id,
      userId: simulation.userId,
      command: simulation.command,
      canonical: simulation.canonical,
      parsedCommand: simulation.parsedCommand,
      tickers: commandTickers(simulation.parsedCommand),
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

  /** The try started (simulation.started) and is in `progress`'s phase (simulation.progress). */
  markRunning(
    record: SimulationRecord,
    start: UnrecordedStart,
    progress: { phase: string; percent: number },
  ): Promise<boolean> {
    return this.repository.changeUnfinished(
      record.id,
      {
        status: 'running',
        startedAt: start.startedAt,
        progressPhase: progress.phase,
        progressPercent: progress.percent,
        failureReason: null,
      },
      [
        this.event(record, SIMULATION_EVENTS.started, { attempt: start.attempt }),
        this.event(record, SIMULATION_EVENTS.progress, progress),
      ],
    );
  }

  /** Records the start of a try that ends in a transient failure before any phase was written. */
  recordStart(record: SimulationRecord, start: UnrecordedStart): Promise<boolean> {
    return this.repository.changeUnfinished(
      record.id,
      {
        status: 'running',
        startedAt: start.startedAt,
        progressPhase: 'starting',
        progressPercent: 0,
        failureReason: null,
      },
      this.startedEvents(record, start),
    );
  }

  recordProgress(record: SimulationRecord, phase: string, percent: number): Promise<boolean> {
    return this.repository.changeUnfinished(record.id, { progressPhase: phase, progressPercent: percent }, [
      this.event(record, SIMULATION_EVENTS.progress, { phase, percent }),
    ]);
  }

  /**
   * Stores the result and marks the simulation completed (simulation.completed, history.created); a retried job
   * replaces, never duplicates. With `start`, the try's start was not recorded (the run was short): it is
   * recorded here, in the same write, and simulation.started comes first. Returns the result's bytes, or null
   * when the simulation had already finished (nothing is written then).
   */
  complete(record: SimulationRecord, outcome: SimulationOutcome, start?: UnrecordedStart): Promise<number | null> {
    const headline: HeadlineMetrics = {
      cagr: finiteOrNull(outcome.headline.cagr),
      sharpe: finiteOrNull(outcome.headline.sharpe),
      maxDrawdown: finiteOrNull(outcome.headline.maxDrawdown),
      totalReturn: finiteOrNull(outcome.headline.totalReturn),
    };
    const created: HistoryCreatedData = {
      command: record.command,
      canonical: record.canonical,
      startDate: record.startDate,
      endDate: record.endDate,
      tickers: record.tickers,
      ...headline,
    };
    const change: SimulationChange = {
      status: 'completed',
      progressPhase: 'done',
      progressPercent: 100,
      ...(start ? { startedAt: start.startedAt, failureReason: null } : {}),
      finishedAt: new Date(),
      headline,
    };
    // history.created follows from simulation.completed: it names it as its cause.
    const completedId = randomUUID();
    return this.repository.complete(record.id, outcome.result, change, [
      ...this.startedEvents(record, start),
      this.event(
        record,
        SIMULATION_EVENTS.completed,
        {
          finalValue: outcome.completed.finalValue,
          ...headline,
          tradingDays: outcome.completed.tradingDays,
          durationMs: outcome.completed.durationMs,
          simulatedStart: outcome.completed.simulatedStart,
          simulatedEnd: outcome.completed.simulatedEnd,
          depletedOn: outcome.completed.depletedOn,
          warnings: outcome.completed.warnings,
        },
        { id: completedId },
      ),
      historyEvent(HISTORY_EVENTS.created, record.userId, record.id, created, { causationId: completedId }),
    ]);
  }

  /** Marks the simulation failed (simulation.failed); `start` as in complete(). False when it had already finished. */
  fail(record: SimulationRecord, reason: string, code: string, start?: UnrecordedStart): Promise<boolean> {
    return this.repository.changeUnfinished(
      record.id,
      {
        status: 'failed',
        failureReason: reason,
        ...(start ? { startedAt: start.startedAt } : {}),
        finishedAt: new Date(),
      },
      [...this.startedEvents(record, start), this.event(record, SIMULATION_EVENTS.failed, { reason, code })],
    );
  }

  private startedEvents(record: SimulationRecord, start: UnrecordedStart | undefined) {
    return start ? [this.event(record, SIMULATION_EVENTS.started, { attempt: start.attempt })] : [];
  }

  private event<T extends keyof SimulationEventDataByType>(
    record: SimulationRecord,
    type: T,
    data: SimulationEventDataByType[T],
    links?: EventLinks,
  ) {
    return simulationEvent(type, record.userId, record.id, data, links);
  }
}
