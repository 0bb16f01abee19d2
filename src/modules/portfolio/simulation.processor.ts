import { Injectable, Logger } from '@nestjs/common';
import {
  mergePriceSeries,
  PortfolioCommand,
  pricedTickers,
  SimulationError,
  simulatePortfolio,
  SimulationResult,
} from '../../engine';
import { DomainError } from '../../common/domain-error';
import { MetricsService } from '../metrics/metrics.service';
import { AppConfig } from '../../config/app-config';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord } from '../history/history.types';
import { SimulationInputError } from './portfolio.errors';
import { toStoredResult } from './stored-result';
import { SIMULATION_EVENTS, simulationEvent } from './portfolio.events';
import { PriceSource } from './price-source';

type RunJob = JobData<'simulations', 'run'>;

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * Runs one simulation: prices → engine → stored result, reporting progress in phases. Idempotent: a retried
 * or recovered job finds a completed simulation and stops, and the result row is replaced, never duplicated.
 */
@Injectable()
@JobProcessor('simulations')
export class SimulationProcessor {
  private readonly logger = new Logger(SimulationProcessor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly history: HistoryService,
    private readonly prices: PriceSource,
    private readonly metrics: MetricsService,
  ) {}

  @HandlesJob<'simulations'>('run')
  async run(job: JobContext<RunJob>): Promise<{ status: string }> {
    const record = await this.history.findById(job.data.simulationId);
    if (!record) return { status: 'deleted' };
    if (record.status === 'completed' || record.status === 'failed') return { status: record.status };
    const started = Date.now();
    const event = <T extends Parameters<typeof simulationEvent>[0]>(
      type: T,
      data: Parameters<typeof simulationEvent<T>>[3],
    ) => simulationEvent(type, record.userId, record.id, data);
    const progress = this.progressReporter(job, record.id, new Date(started), {
      started: event(SIMULATION_EVENTS.started, { attempt: job.attemptsMade + 1 }),
      progress: (phase, percent) => event(SIMULATION_EVENTS.progress, { phase, percent }),
    });
    try {
      const command = record.parsedCommand as PortfolioCommand;
      // The same tickers, in the same order, as the dashboard's live preview feeds the engine.
      const tickers = pricedTickers(command);
      await progress(`fetching prices 0/${tickers.length}`, 5);
      const phases = this.metrics.simulationPhases();
      phases.enter('fetching_prices');
      const loaded = await this.prices.load(
        tickers,
        { start: command.start, end: command.end },
        record.userId,
        (done, total) => progress(`fetching prices ${done}/${total}`, 5 + Math.round((50 * done) / total)),
      );

      await progress('simulating', 60);
      phases.enter('simulating');
      const result = this.simulate(command, loaded.series);
      await progress('computing metrics', 80);
      phases.enter('metrics');
      const stored = toStoredResult(result, loaded.sources, loaded.dataSources);
      await progress('saving', 90);
      phases.enter('saving');
      const unrecorded = await progress.settle();
      const headline = {
        cagr: finiteOrNull(result.metrics.cagr),
        sharpe: finiteOrNull(result.metrics.sharpe),
        maxDrawdown: finiteOrNull(result.metrics.maxDrawdown),
        totalReturn: finiteOrNull(result.metrics.totalReturn),
      };
      const written = await this.history.complete(
        record,
        stored,
        headline,
        [
          ...unrecorded.events,
          event(SIMULATION_EVENTS.completed, {
            finalValue: result.finalNav,
            ...headline,
            tradingDays: result.dates.length,
            durationMs: Date.now() - started,
            simulatedStart: result.dates[0],
            simulatedEnd: result.dates[result.dates.length - 1],
            depletedOn: result.depletedOn,
            warnings: result.warnings.map(({ code, ticker, date, message }) => ({ code, ticker, date, message })),
          }),
        ],
        unrecorded.startedAt,
      );
      phases.end();
      if (written === null) return this.finishedElsewhere(record.id);
      this.metrics.simulationCompleted();
      return { status: 'completed' };
    } catch (error) {
      return this.handleFailure(record, job, error, event, progress);
    }
  }

  /**
   * The start and the progress of a run. Progress is for people: the latest phase is reported once the run has
   * gone SIMULATION_PROGRESS_MS without a report, so a cached simulation (milliseconds) costs no progress writes or
   * events while a slow provider fetch shows up as it happens (a new phase does not restart the wait). The start (`running` and the started event) is written with
   * the first reported phase; a run that ends before any is reported records its start in its final
   * transaction instead (settle() hands over what is unrecorded), so a short simulation costs one transaction
   * and its consumers still see started before completed. Reports are written one after another; settle()
   * drops a pending one, ignores later ones and waits for the one in flight, so no progress can land after the
   * final state. A failed progress write is logged, not fatal.
   */
  private progressReporter(
    job: JobContext<RunJob>,
    simulationId: string,
    startedAt: Date,
    events: {
      started: ReturnType<typeof simulationEvent>;
      progress: (phase: string, percent: number) => ReturnType<typeof simulationEvent>;
    },
  ): ((phase: string, percent: number) => Promise<void>) & {
    settle(): Promise<{ events: ReturnType<typeof simulationEvent>[]; startedAt?: Date }>;
  } {
    const interval = this.config.simulation.progressIntervalMs;
    let timer: NodeJS.Timeout | undefined;
    let startRecorded = false;
    let settled = false;
    let chain: Promise<void> = Promise.resolve();
    const write = (phase: string, percent: number): Promise<void> => {
      chain = chain
        .then(async () => {
          await job.reportProgress(percent);
          if (startRecorded) {
            await this.history.recordProgress(simulationId, phase, percent, [events.progress(phase, percent)]);
          } else {
            await this.history.markRunning(simulationId, startedAt, { phase, percent }, [
              events.started,
              events.progress(phase, percent),
            ]);
            startRecorded = true;
          }
        })
        .catch((error: unknown) => {
          this.logger.warn({ message: 'progress not recorded', simulationId, phase, error: String(error) });
        });
      return chain;
    };
    let pending: { phase: string; percent: number } | undefined;
    const report = async (phase: string, percent: number): Promise<void> => {
      // A ticker still loading after another failed must not report over the final state.
      if (settled) return;
      // Each phase is a moment for other requests to run (the phases between are synchronous work).
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (settled) return;
      if (interval === 0) return write(phase, percent);
      // The latest phase is written once the first unreported one has lasted the interval, then at most once an
      // interval: steadily changing progress (fetching prices 1/20, 2/20, …) shows while it changes.
      pending = { phase, percent };
      timer ??= setTimeout(() => {
        timer = undefined;
        const latest = pending!;
        pending = undefined;
        void write(latest.phase, latest.percent);
      }, interval);
    };
    return Object.assign(report, {
      settle: async () => {
        settled = true;
        if (timer) clearTimeout(timer);
        timer = undefined;
        await chain;
        return startRecorded ? { events: [] } : { events: [events.started], startedAt };
      },
    });
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

  private async handleFailure(
    record: SimulationRecord,
    job: JobContext<RunJob>,
    error: unknown,
    event: (type: 'simulation.failed', data: { reason: string; code: string }) => ReturnType<typeof simulationEvent>,
    progress: { settle(): Promise<{ events: ReturnType<typeof simulationEvent>[]; startedAt?: Date }> },
  ): Promise<{ status: string }> {
    const unrecorded = await progress.settle();
    const input = error instanceof SimulationInputError ? error : null;
    const lastTry = job.attemptsMade + 1 >= job.attempts;
    if (!input && !lastTry) {
      // Transient: Bull tries again. The try still counts as started (a retry emits started again).
      if (unrecorded.startedAt) await this.recordStart(record.id, unrecorded);
      throw error;
    }
    // Our own errors already speak to people (a provider outage says when to retry); others get context.
    const reason = input
      ? input.message
      : error instanceof DomainError
        ? error.message
        : `the simulation could not finish after ${job.attempts} tries (${(error as Error).message}); run it again later`;
    const code = input ? input.code : error instanceof DomainError ? error.code : 'TRANSIENT';
    const recorded = await this.history.fail(
      record.id,
      reason,
      [...unrecorded.events, event(SIMULATION_EVENTS.failed, { reason, code })],
      unrecorded.startedAt,
    );
    if (!recorded) return this.finishedElsewhere(record.id);
    this.logger.warn({ message: 'simulation failed', simulationId: record.id, code, reason });
    this.metrics.simulationFailed(input ? 'input' : error instanceof DomainError ? 'data' : 'transient');
    if (input) throw new NonRetryableJobError(reason);
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
  private async recordStart(
    simulationId: string,
    unrecorded: { events: ReturnType<typeof simulationEvent>[]; startedAt?: Date },
  ): Promise<void> {
    try {
      await this.history.markRunning(
        simulationId,
        unrecorded.startedAt as Date,
        { phase: 'starting', percent: 0 },
        unrecorded.events,
      );
    } catch (error) {
      this.logger.warn({ message: 'start not recorded', simulationId, error: String(error) });
    }
  }
}
