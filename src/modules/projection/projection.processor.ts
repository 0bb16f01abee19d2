import { Injectable, Logger } from '@nestjs/common';
import { AnalysisError, MonteCarloProjection, projectMonteCarloSteps } from '../../engine';
import { decideFailure, JobInputError } from '../../jobs/job-failure';
import { JobProgress } from '../../jobs/job-progress';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { HistoryService } from '../history/history.service';
import { storedProjectionHistory } from './projection-history.loader';
import { ProjectionLifecycle } from './projection-lifecycle.service';
import { projectionOptionsOf, ProjectionService } from './projection.service';
import { projectionOutputsOf, type ProjectionRecord } from './projection.types';

type RunJob = JobData<'projections', 'run'>;

/** The failure policy's words for a projection (src/jobs/job-failure.ts). */
const FAILURE_WORDING = {
  unknownCode: 'PROJECTION_FAILED',
  afterTries: (attempts: number, message: string) =>
    `the projection could not be made after ${attempts} tries (${message}); request it again later`,
};

/** The engine runs this long at most before other work on the event loop gets its turn. */
const SLICE_MS = 10;
/** Progress is written at these fractions of the horizon (each a state change with its event). */
const PROGRESS_STEPS = 8;

/**
 * Runs one projection: the simulation's stored series → monthly returns → projectMonteCarlo → outputs. The engine
 * is driven month by month (projectMonteCarloSteps) in slices of about SLICE_MS, yielding to the event loop
 * between them, so an embedded server (queue and API in one process) keeps answering while 10,000 paths run.
 * Idempotent: a retried or recovered job finds a finished projection and stops.
 */
@Injectable()
@JobProcessor('projections')
export class ProjectionProcessor {
  private readonly logger = new Logger(ProjectionProcessor.name);

  constructor(
    private readonly projections: ProjectionService,
    private readonly lifecycle: ProjectionLifecycle,
    private readonly history: HistoryService,
  ) {}

  @HandlesJob<'projections'>('run')
  async run(job: JobContext<RunJob>): Promise<{ status: string }> {
    const projection = await this.projections.findById(job.data.projectionId);
    if (!projection) return { status: 'deleted' };
    if (projection.status === 'completed' || projection.status === 'failed') return { status: projection.status };
    const started = Date.now();
    try {
      if (!(await this.lifecycle.markRunning(projection, job.attemptsMade + 1)))
        return { status: 'finished-elsewhere' };
      const progress = new JobProgress({
        intervalMs: 0,
        started: true,
        queue: (percent) => job.reportProgress(percent),
        writes: {
          start: (phase, percent) => this.lifecycle.recordProgress(projection, phase, percent),
          progress: (phase, percent) => this.lifecycle.recordProgress(projection, phase, percent),
        },
        onWriteError: (error) => {
          throw error;
        },
      }).report;
      await progress('loading the simulation', 5);
      const { record, result } = await this.history.getDetail(projection.userId, projection.simulationId);
      if (!result) {
        throw new ProjectionInputError(
          `simulation ${record.id} is ${record.status}: it has no returns to project from`,
          'SIMULATION_NOT_COMPLETED',
        );
      }
      const history = storedProjectionHistory(record, result);
      const outcome = await this.project(history.returns, projection, progress);
      const outputs = projectionOutputsOf(outcome);
      if (!(await this.lifecycle.complete(projection, outputs, Date.now() - started))) {
        return { status: 'deleted or finished elsewhere' };
      }
      this.logger.log({
        message: 'projection completed',
        projectionId: projection.id,
        simulationId: projection.simulationId,
        paths: outputs.paths,
        years: outputs.years,
        durationMs: Date.now() - started,
      });
      return { status: 'completed' };
    } catch (error) {
      return this.handleFailure(projection, job, error);
    }
  }

  /** The engine in slices: a progress write (or a bare yield) between them. */
  private async project(
    returns: Float64Array,
    projection: ProjectionRecord,
    progress: (phase: string, percent: number) => Promise<void>,
  ): Promise<MonteCarloProjection> {
    const { years } = projection.inputs;
    const months = years * 12;
    let steps: Generator<number, MonteCarloProjection, void>;
    try {
      steps = projectMonteCarloSteps(returns, projectionOptionsOf(projection.inputs));
    } catch (error) {
      throw asInputError(error);
    }
    await progress(`resampling: year 0 of ${years}`, 10);
    let reported = 0;
    let sliceStart = Date.now();
    for (;;) {
      let step: IteratorResult<number, MonteCarloProjection>;
      try {
        step = steps.next();
      } catch (error) {
        throw asInputError(error);
      }
      if (step.done) return step.value;
      const done = step.value;
      const due = Math.floor((done * PROGRESS_STEPS) / months);
      if (due > reported) {
        reported = due;
        await progress(`resampling: year ${Math.floor(done / 12)} of ${years}`, 10 + 10 * due);
        sliceStart = Date.now();
      } else if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
  }

  /** The shared failure policy (src/jobs/job-failure.ts): retry what may pass, fail the rest with a reason. */
  private async handleFailure(
    projection: ProjectionRecord,
    job: JobContext<RunJob>,
    error: unknown,
  ): Promise<{ status: string }> {
    const decision = decideFailure(error, job, FAILURE_WORDING);
    if (decision.retry) throw error;
    const { reason, code } = decision;
    if (!(await this.lifecycle.fail(projection, reason, code))) return { status: 'finished-elsewhere' };
    this.logger.warn({ message: 'projection failed', projectionId: projection.id, code, reason });
    if (!decision.retryable) throw new NonRetryableJobError(reason);
    throw error;
  }
}

/** The projection cannot be made from what is stored: reported as is, never retried. */
class ProjectionInputError extends JobInputError {}

/** The engine's refusal of stored inputs (a history changed since the request was checked) is final. */
function asInputError(error: unknown): unknown {
  return error instanceof AnalysisError ? new ProjectionInputError(error.message, error.code) : error;
}
