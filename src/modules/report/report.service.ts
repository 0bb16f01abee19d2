import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DomainEvent } from '../../events/event-envelope';
import { JobQueues } from '../../queue/job-queues';
import { JobRecovery, RecoveryCounts, workerLostReason } from '../../queue/job-recovery';
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import {
  ReportNotFoundError,
  ReportNotReadyError,
  SimulationFailedError,
  SimulationNotCompletedError,
} from './report.errors';
import { REPORT_EVENTS, reportEvent } from './report.events';
import { ReportRepository } from './report.repository';
import { ReportStorage } from './report-storage';
import type { ReportChange, ReportRecord } from './report.types';
import { XLSX_CONTENT_TYPE } from '../../http/file-attachment';

export interface RequestedReport {
  report: ReportRecord;
  /** False when an existing report of the simulation was reused. */
  created: boolean;
}

/** A workbook build is deterministic: retries are for the storage or the database blinking. */
export const REPORT_JOB_OPTIONS = { attempts: 2, backoffMs: 1000, timeoutMs: 120_000 } as const;

/** Where a report's workbook is stored: known from the start, so a build in progress can be cleaned up too. */
export const reportStorageKey = (report: Pick<ReportRecord, 'id' | 'simulationId'>): string =>
  `${report.simulationId}/${report.id}.xlsx`;

/** portofino-<slug of the canonical command>-<YYYY-MM-DD>.xlsx: readable, safe in every file system. */
export function reportFileName(canonical: string, day: Date): string {
  const slug =
    canonical
      .toLowerCase()
      .replace(/%/g, 'pct')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/g, '') || 'simulation';
  return `portofino-${slug}-${day.toISOString().slice(0, 10)}.xlsx`;
}

/**
 * Reports of a user's completed simulations: a request records the report with its `report.requested`
 * event in one transaction and enqueues the build; the worker (ReportProcessor) moves it through
 * started → progress → completed | failed, each state change with its event, written only while the report is
 * unfinished. The row is what counts: a build whose enqueue failed, or whose job Redis lost, is enqueued again by
 * the recovery sweep (recoverStranded).
 */
@Injectable()
export class ReportService implements OnModuleInit {
  private readonly logger = new Logger(ReportService.name);

  constructor(
    private readonly repository: ReportRepository,
    private readonly history: HistoryService,
    private readonly storage: ReportStorage,
    private readonly queues: JobQueues,
    private readonly metrics: MetricsService,
    private readonly recovery: JobRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register('reports', () => this.recoverStranded(this.recovery.graceSeconds));
  }

  async request(userId: string, simulationId: string, force: boolean): Promise<RequestedReport> {
    const simulation = await this.history.getOwned(userId, simulationId);
    if (simulation.status === 'failed') throw new SimulationFailedError(simulationId, simulation.failureReason);
    if (simulation.status !== 'completed') throw new SimulationNotCompletedError(simulationId, simulation.status);

    if (!force) {
      const existing = await this.repository.findReusable(userId, simulationId);
      const usable =
        existing &&
        (existing.status !== 'completed' || (existing.storageKey && (await this.storage.exists(existing.storageKey))));
      if (existing && usable) {
        this.logger.log({ message: 'report reused', reportId: existing.id, simulationId, userId });
        return { report: existing, created: false };
      }
    }

    const id = randomUUID();
    const createdAt = new Date();
    await this.repository.insert({ id, userId, simulationId, createdAt }, [
      reportEvent(REPORT_EVENTS.requested, userId, id, { simulationId, taskId: id, force }),
    ]);
    this.metrics.reportRequested();
    try {
      await this.enqueue(id);
      this.logger.log({ message: 'report queued', reportId: id, simulationId, userId, force });
    } catch (error) {
      // The row is committed: the recovery sweep enqueues the build once Redis answers.
      this.logger.warn({
        message: 'report enqueue failed, left for the recovery sweep',
        reportId: id,
        error: String(error),
      });
    }
    // As committed (not re-read: a worker may already have started it).
    const report: ReportRecord = {
      id,
      userId,
      simulationId,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      storageKey: null,
      fileName: null,
      sizeBytes: null,
      createdAt,
      startedAt: null,
      finishedAt: null,
    };
    return { report, created: true };
  }

  /** The user's own report, or ReportNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<ReportRecord> {
    const report = await this.repository.findById(id);
    if (!report || report.userId !== userId) throw new ReportNotFoundError(id);
    return report;
  }

  /** The stored workbook of a completed report, as a stream. */
  async download(
    userId: string,
    id: string,
  ): Promise<{ stream: Readable; size: number; fileName: string; contentType: string }> {
    const report = await this.getOwned(userId, id);
    if (report.status !== 'completed' || !report.storageKey || !report.fileName) {
      throw new ReportNotReadyError(id, report.status, report.failureReason);
    }
    const file = await this.storage.open(report.storageKey);
    if (!file) throw new ReportNotFoundError(id);
    return { ...file, fileName: report.fileName, contentType: XLSX_CONTENT_TYPE };
  }

  /** For the worker: no owner check. */
  findById(id: string): Promise<ReportRecord | null> {
    return this.repository.findById(id);
  }

  /**
   * Reports queued or running (requested more than `olderThanSeconds` ago) whose job Redis lost are enqueued
   * again; those whose workers kept crashing are failed with a reason (see JobRecovery.recover).
   */
  async recoverStranded(olderThanSeconds: number): Promise<RecoveryCounts> {
    const before = new Date(Date.now() - olderThanSeconds * 1000);
    return this.recovery.recoverAll('reports', (limit, after) => this.repository.findUnfinished(before, limit, after), {
      enqueue: (id) => this.enqueue(id),
      failWorkerLost: (id) => this.failWorkerLost(id),
    });
  }

  /** The job id is the report id: enqueuing twice (a retried request, the sweep) builds it once. */
  private async enqueue(reportId: string): Promise<void> {
    await this.queues.enqueue('reports', 'build', { reportId }, { jobId: reportId, ...REPORT_JOB_OPTIONS });
  }

  private async failWorkerLost(id: string): Promise<void> {
    const report = await this.repository.findById(id);
    if (!report) return;
    if (await this.fail(id, report.userId, report.simulationId, workerLostReason('report'), 'WORKER_LOST')) {
      this.metrics.reportFailed('transient');
    }
  }

  /** False when the report had already finished (another run of the job got there first). */
  async markRunning(report: ReportRecord, attempt: number): Promise<boolean> {
    return this.change(
      report.id,
      { status: 'running', startedAt: new Date(), progressPhase: 'starting', progressPercent: 0, failureReason: null },
      [reportEvent(REPORT_EVENTS.started, report.userId, report.id, { simulationId: report.simulationId, attempt })],
    );
  }

  async recordProgress(report: ReportRecord, phase: string, percent: number): Promise<boolean> {
    return this.change(report.id, { progressPhase: phase, progressPercent: percent }, [
      reportEvent(REPORT_EVENTS.progress, report.userId, report.id, {
        simulationId: report.simulationId,
        phase,
        percent,
      }),
    ]);
  }

  /**
   * Stores the file, then marks the report completed (a retried build overwrites the same key). False when the
   * report was deleted meanwhile (the file is discarded) or had already finished.
   */
  async complete(report: ReportRecord, fileName: string, content: Buffer, durationMs: number): Promise<boolean> {
    const storageKey = reportStorageKey(report);
    await this.storage.put(storageKey, content);
    // The simulation (and so this report) may have been deleted while the workbook was being built.
    if (!(await this.repository.findById(report.id))) {
      await this.storage.remove(storageKey);
      this.logger.warn({ message: 'report deleted while it was built: file discarded', reportId: report.id });
      return false;
    }
    return this.change(
      report.id,
      {
        status: 'completed',
        progressPhase: 'done',
        progressPercent: 100,
        storageKey,
        fileName,
        sizeBytes: content.length,
        finishedAt: new Date(),
      },
      [
        reportEvent(REPORT_EVENTS.completed, report.userId, report.id, {
          simulationId: report.simulationId,
          fileName,
          sizeBytes: content.length,
          durationMs,
        }),
      ],
    );
  }

  /** False when the report had already finished. */
  async fail(id: string, userId: string, simulationId: string, reason: string, code: string): Promise<boolean> {
    return this.change(id, { status: 'failed', failureReason: reason, failureCode: code, finishedAt: new Date() }, [
      reportEvent(REPORT_EVENTS.failed, userId, id, { simulationId, reason, code }),
    ]);
  }

  /**
   * Removes every report of a deleted simulation: files first, then rows. Idempotent — a repeated event
   * finds nothing left, and a file already gone is not an error.
   */
  async removeForSimulation(simulationId: string): Promise<number> {
    const reports = await this.repository.findBySimulation(simulationId);
    for (const report of reports) {
      if (report.storageKey) await this.storage.remove(report.storageKey);
      await this.repository.delete(report.id);
    }
    if (reports.length > 0) {
      this.logger.log({ message: 'reports of a deleted simulation removed', simulationId, count: reports.length });
    }
    return reports.length;
  }

  /**
   * Where every workbook of the user is or will be stored (reports in progress included), to remove once the
   * account's rows are deleted: see removeFiles.
   */
  async fileKeysOfUser(userId: string): Promise<string[]> {
    return (await this.repository.findByUser(userId)).map((report) => report.storageKey ?? reportStorageKey(report));
  }

  /**
   * Removes files whose reports are gone (a file already missing is fine). A build that finishes later finds its
   * report gone and discards its file itself (see complete).
   */
  async removeFiles(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.storage.remove(key);
    if (keys.length > 0) this.logger.log({ message: 'report files removed', count: keys.length });
  }

  /** Applies `change` with its `events`, if the report is still unfinished. */
  private change(id: string, change: ReportChange, events: DomainEvent[]): Promise<boolean> {
    return this.repository.changeUnfinished(id, change, events);
  }
}
