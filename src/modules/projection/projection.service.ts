import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import {
  AnalysisError,
  ProjectionCashFlow,
  ProjectionOptions,
  ResamplingMethod,
  validateProjection,
} from '../../engine';
import { JobQueues } from '../../queue/job-queues';
import { JobRecovery, RecoveryCounts, workerLostReason } from '../../queue/job-recovery';
import { HistoryService } from '../history/history.service';
import { reportFileName } from '../report/report.service';
import {
  InsufficientHistoryError,
  ProjectionNotCompletedError,
  ProjectionNotFoundError,
  ProjectionOptionInvalidError,
  ProjectionSimulationFailedError,
  ProjectionSimulationNotCompletedError,
} from './projection.errors';
import { storedProjectionHistory } from './projection-history.loader';
import { buildProjectionWorkbook } from './projection-workbook';
import { ProjectionLifecycle } from './projection-lifecycle.service';
import { ProjectionRepository } from './projection.repository';
import type { ProjectionInputs, ProjectionRecord } from './projection.types';

/** What a request may set; everything else takes the defaults below. */
export interface ProjectionRequest {
  paths?: number;
  years?: number;
  method?: ResamplingMethod;
  blockMonths?: number;
  seed?: number;
  initialValue?: number;
  /** undefined: the simulation's own contribution or withdrawal; null: none. */
  cashFlow?: ProjectionCashFlow | null;
  inflationRate?: number;
  targetValue?: number;
}

/** The defaults of a request (and of the dashboard's panel): a common retirement-planning setting. */
export const PROJECTION_DEFAULTS = { paths: 10_000, years: 30, method: 'block', blockMonths: 12 } as const;

/** The engine is deterministic: retries are for the database blinking. */
export const PROJECTION_JOB_OPTIONS = { attempts: 2, backoffMs: 1000, timeoutMs: 120_000 } as const;

/** The engine's options of stored inputs. */
export const projectionOptionsOf = (inputs: ProjectionInputs): ProjectionOptions => ({ ...inputs });

/**
 * Monte Carlo projections of a user's completed simulations (docs/projections.md). A request checks the options
 * against the simulation's history (a 4xx naming the option, before anything is queued), records the projection
 * with every default resolved (the seed too: a run is reproducible) and its `projection.requested` event, and
 * enqueues the run; ProjectionProcessor does it. The row is what counts: the recovery sweep enqueues again what
 * Redis lost.
 */
@Injectable()
export class ProjectionService implements OnModuleInit {
  private readonly logger = new Logger(ProjectionService.name);

  constructor(
    private readonly repository: ProjectionRepository,
    private readonly lifecycle: ProjectionLifecycle,
    private readonly history: HistoryService,
    private readonly queues: JobQueues,
    private readonly recovery: JobRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register('projections', () => this.recoverStranded(this.recovery.graceSeconds));
  }

  async request(userId: string, simulationId: string, request: ProjectionRequest): Promise<ProjectionRecord> {
    const { record, result } = await this.history.getDetail(userId, simulationId);
    if (record.status === 'failed') throw new ProjectionSimulationFailedError(simulationId, record.failureReason);
    if (!result) throw new ProjectionSimulationNotCompletedError(simulationId, record.status);
    const history = storedProjectionHistory(record, result);
    const method = request.method ?? PROJECTION_DEFAULTS.method;
    const inputs: ProjectionInputs = {
      paths: request.paths ?? PROJECTION_DEFAULTS.paths,
      years: request.years ?? PROJECTION_DEFAULTS.years,
      method,
      blockMonths:
        method === 'monthly'
          ? 1
          : (request.blockMonths ?? Math.min(PROJECTION_DEFAULTS.blockMonths, history.returns.length)),
      seed: request.seed ?? randomInt(0, 2 ** 32),
      initialValue: request.initialValue ?? history.initialValue,
      cashFlow: request.cashFlow === undefined ? history.cashFlow : request.cashFlow,
      inflationRate: request.inflationRate ?? 0,
      targetValue: request.targetValue ?? request.initialValue ?? history.initialValue,
    };
    try {
      validateProjection(history.returns, projectionOptionsOf(inputs));
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      if (error.code === 'INSUFFICIENT_HISTORY') throw new InsufficientHistoryError(simulationId, error.message);
      throw new ProjectionOptionInvalidError(error.field, error.message);
    }

    const id = randomUUID();
    const createdAt = new Date();
    await this.lifecycle.submit({ id, userId, simulationId, inputs, createdAt });
    try {
      await this.enqueue(id);
      this.logger.log({ message: 'projection queued', projectionId: id, simulationId, userId });
    } catch (error) {
      // The row is committed: the recovery sweep enqueues the run once Redis answers.
      this.logger.warn({
        message: 'projection enqueue failed, left for the recovery sweep',
        projectionId: id,
        error: String(error),
      });
    }
    return {
      id,
      userId,
      simulationId,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      inputs,
      outputs: null,
      createdAt,
      startedAt: null,
      finishedAt: null,
    };
  }

  /** The user's own projection, or ProjectionNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<ProjectionRecord> {
    const projection = await this.repository.findById(id);
    if (!projection || projection.userId !== userId) throw new ProjectionNotFoundError(id);
    return projection;
  }

  /**
   * The workbook of the user's completed projection, built on request (a few tens of ms: at most 601 rows of
   * bands), named after the projected command: `portofino-<command slug>-<day>-projection.xlsx`.
   */
  async workbook(userId: string, id: string): Promise<{ buffer: Buffer; fileName: string }> {
    const projection = await this.getOwned(userId, id);
    if (projection.status !== 'completed' || !projection.outputs) {
      throw new ProjectionNotCompletedError(id, projection.status, projection.failureReason);
    }
    const simulation = await this.history.getOwned(userId, projection.simulationId);
    const generatedAt = new Date();
    const started = performance.now();
    const buffer = await buildProjectionWorkbook({
      projectionId: id,
      simulationId: projection.simulationId,
      canonical: simulation.canonical,
      inputs: projection.inputs,
      outputs: projection.outputs,
      generatedAt,
    });
    this.logger.log({
      message: 'projection workbook built',
      projectionId: id,
      userId,
      bytes: buffer.length,
      durationMs: Math.round(performance.now() - started),
    });
    return {
      buffer,
      fileName: reportFileName(simulation.canonical, generatedAt).replace(/\.xlsx$/, '-projection.xlsx'),
    };
  }

  /** For the worker and the gateway: no owner check. */
  findById(id: string): Promise<ProjectionRecord | null> {
    return this.repository.findById(id);
  }

  /** Projections whose job Redis lost are enqueued again; those whose workers kept crashing are failed. */
  async recoverStranded(olderThanSeconds: number): Promise<RecoveryCounts> {
    const before = new Date(Date.now() - olderThanSeconds * 1000);
    return this.recovery.recoverAll(
      'projections',
      (limit, after) => this.repository.findUnfinished(before, limit, after),
      {
        enqueue: (id) => this.enqueue(id),
        failWorkerLost: async (id) => {
          const projection = await this.repository.findById(id);
          if (projection) await this.lifecycle.fail(projection, workerLostReason('projection'), 'WORKER_LOST');
        },
      },
    );
  }

  /** The job id is the projection id: enqueuing twice (a retried request, the sweep) runs it once. */
  private async enqueue(projectionId: string): Promise<void> {
    await this.queues.enqueue(
      'projections',
      'run',
      { projectionId },
      { jobId: projectionId, ...PROJECTION_JOB_OPTIONS },
    );
  }
}
