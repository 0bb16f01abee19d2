import { Injectable, Logger } from '@nestjs/common';
import {
  commandSeriesNeeds,
  mergePriceSeries,
  PortfolioCommand,
  SimulationError,
  simulatePortfolio,
  SimulationResult,
} from '../../engine';
import { AppConfig } from '../../config/app-config';
import { decideFailure } from '../../jobs/job-failure';
import { JobProgress } from '../../jobs/job-progress';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { SimulationLifecycle, UnrecordedStart } from './simulation-lifecycle.service';
import { SimulationInputError } from './simulation.errors';
import { toStoredResult } from './stored-result';
import { PriceSource } from './price-source';

type RunJob = JobData<'simulations', 'run'>;

/** The failure policy's words for a simulation (src/jobs/job-failure.ts). */
const FAILURE_WORDING = {
  unknownCode: 'TRANSIENT',
  afterTries: (attempts: number, message: string) =>
    `the simulation could not finish after ${attempts} tries (${message}); run it again later`,
};

/**
 * Runs one simulation: prices → engine → stored result, reporting progress in phases (JobProgress, throttled by
 * SIMULATION_PROGRESS_MS). Thin: every state change and its events are SimulationLifecycle's. Idempotent: a
 * retried or recovered job finds a completed simulation and stops, and the result row is replaced, never
 * duplicated.
 */
@Injectable()
@JobProcessor('simulations')
export class SimulationProcessor {
  private readonly logger = new Logger(SimulationProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly history: HistoryService,
    private readonly lifecycle: SimulationLifecycle,
    private readonly prices: PriceSource,
    private readonly metrics: MetricsService,
  ) {}

  @HandlesJob<'simulations'>('run')
  async run(job: JobContext<RunJob>): Promise<{ status: string }> {
    const record = await this.history.findById(job.data.simulationId);
    if (!record) return { status: 'deleted' };
    if (record.status === 'completed' || record.status === 'failed') return { status: record.status };
    const started = Date.now();
    const start: UnrecordedStart = { startedAt: new Date(started), attempt: job.attemptsMade + 1 };
    const progress = new JobProgress({
      intervalMs: this.config.simulation.progressIntervalMs,
      queue: (percent) => job.reportProgress(percent),
      writes: {
        start: (phase, percent) => this.lifecycle.markRunning(record, start, { phase, percent }),
        progress: (phase, percent) => this.lifecycle.recordProgress(record, phase, percent),
      },
      onWriteError: (error, phase) =>
        this.logger.warn({ message: 'progress not recorded', simulationId: record.id, phase, error: String(error) }),
    });
    try {
      const command = record.parsedCommand;
      // The same tickers, in the same order, as the dashboard's live preview feeds the engine.
      const { load: tickers, mayBeEmpty } = commandSeriesNeeds(command);
      await progress.report(`fetching prices 0/${tickers.length}`, 5);
      const phases = this.metrics.simulationPhases();
      phases.enter('fetching_prices');
      const loaded = await this.prices.load(
        tickers,
        { start: command.start, end: command.end },
        record.userId,
        (done, total) => progress.report(`fetching prices ${done}/${total}`, 5 + Math.round((50 * done) / total)),
        mayBeEmpty,
      );

      await progress.report('simulating', 60);
      phases.enter('simulating');
      const result = this.simulate(command, loaded.series);
      await progress.report('computing metrics', 80);
      phases.enter('metrics');
      const stored = toStoredResult(result, loaded.sources, loaded.dataSources);
      await progress.report('saving', 90);
      phases.enter('saving');
      const { startRecorded } = await progress.settle();
      const written = await this.lifecycle.complete(
        record,
        {
          result: stored,
          headline: {
            cagr: result.metrics.cagr,
            sharpe: result.metrics.sharpe,
            maxDrawdown: result.metrics.maxDrawdown,
            totalReturn: result.metrics.totalReturn,
          },
          completed: {
            finalValue: result.finalNav,
            tradingDays: result.dates.length,
            durationMs: Date.now() - started,
            simulatedStart: result.dates[0],
            simulatedEnd: result.dates[result.dates.length - 1],
            depletedOn: result.depletedOn,
            warnings: result.warnings.map(({ code, ticker, date, message }) => ({ code, ticker, date, message })),
          },
        },
        startRecorded ? undefined : start,
      );
      phases.end();
      if (written === null) return this.finishedElsewhere(record.id);
      this.metrics.simulationCompleted();
      return { status: 'completed' };
    } catch (error) {
      const { startRecorded } = await progress.settle();
      return this.handleFailure(record, job, error, startRecorded ? undefined : start);
    }
  }

  private simulate(command: PortfolioCommand, series: Parameters<typeof mergePriceSeries>[0]): SimulationResult {
    try {
      return simulatePortfolio(command, mergePriceSeries(series));
    } catch (error) {
      if (error instanceof SimulationError) {
        throw new SimulationInputError(
          error.problems.map((problem) => problem.message).join('; '),
          error.problems[0]?.code ?? 'INVALID_INPUT',
        );
      }
      throw error;
    }
  }

  /** The shared failure policy (src/jobs/job-failure.ts): retry what may pass, fail the rest with a reason. */
  private async handleFailure(
    record: SimulationRecord,
    job: JobContext<RunJob>,
    error: unknown,
    start: UnrecordedStart | undefined,
  ): Promise<{ status: string }> {
    const decision = decideFailure(error, job, FAILURE_WORDING);
    if (decision.retry) {
      // The queue tries again. The try still counts as started (a retry emits started again).
      if (start) await this.recordStart(record, start);
      throw error;
    }
    const { reason, code, kind } = decision;
    if (!(await this.lifecycle.fail(record, reason, code, start))) return this.finishedElsewhere(record.id);
    this.logger.warn({ message: 'simulation failed', simulationId: record.id, code, reason });
    this.metrics.simulationFailed(kind);
    if (!decision.retryable) throw new NonRetryableJobError(reason);
    throw error;
  }

  /**
   * Another run of the same job (after Redis lost it, or a worker that only seemed dead) or the recovery sweep
   * finished the simulation first: this run's outcome is dropped, so the simulation has one result and one
   * final event.
   */
  private finishedElsewhere(simulationId: string): { status: string } {
    this.logger.warn({ message: 'simulation already finished by another run: this run is dropped', simulationId });
    return { status: 'finished-elsewhere' };
  }

  /** Records the start of a try that ends in a transient failure before any phase was reported. */
  private async recordStart(record: SimulationRecord, start: UnrecordedStart): Promise<void> {
    try {
      await this.lifecycle.recordStart(record, start);
    } catch (error) {
      this.logger.warn({ message: 'start not recorded', simulationId: record.id, error: String(error) });
    }
  }
}
