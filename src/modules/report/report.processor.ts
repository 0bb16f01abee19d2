import { Injectable, Logger } from '@nestjs/common';
import { decideFailure, JobInputError } from '../../jobs/job-failure';
import { JobProgress } from '../../jobs/job-progress';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, NonRetryableJobError } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import { reportContent } from './report-content';
import { reportFileName, ReportService } from './report.service';
import type { ReportRecord } from './report.types';
import { buildReportWorkbook } from './workbook/report-workbook';

type BuildJob = JobData<'reports', 'build'>;

/** The failure policy's words for a report (src/jobs/job-failure.ts). */
const FAILURE_WORDING = {
  unknownCode: 'BUILD_FAILED',
  afterTries: (attempts: number, message: string) =>
    `the report could not be built after ${attempts} tries (${message}); request it again later`,
};

/**
 * Builds one report: the simulation's stored result → workbook → storage. Idempotent: a retried or
 * recovered job finds a finished report and stops; the file of a retried build replaces the same key.
 */
@Injectable()
@JobProcessor('reports')
export class ReportProcessor {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    private readonly reports: ReportService,
    private readonly history: HistoryService,
    private readonly metrics: MetricsService,
  ) {}

  @HandlesJob<'reports'>('build')
  async build(job: JobContext<BuildJob>): Promise<{ status: string }> {
    const report = await this.reports.findById(job.data.reportId);
    if (!report) return { status: 'deleted' };
    if (report.status === 'completed' || report.status === 'failed') return { status: report.status };
    const started = Date.now();
    this.logger.log({ message: 'report started', reportId: report.id, simulationId: report.simulationId });
    try {
      // Another run of the same job (Redis lost it and it was enqueued again) may have finished it already.
      if (!(await this.reports.markRunning(report, job.attemptsMade + 1))) return { status: 'finished-elsewhere' };
      // Every phase is written as it comes (a workbook build takes seconds), and a write that fails fails the try.
      const progress = new JobProgress({
        intervalMs: 0,
        started: true,
        queue: (percent) => job.reportProgress(percent),
        writes: {
          start: (phase, percent) => this.reports.recordProgress(report, phase, percent),
          progress: (phase, percent) => this.reports.recordProgress(report, phase, percent),
        },
        onWriteError: (error) => {
          throw error;
        },
      }).report;
      await progress('loading the simulation', 10);
      const phases = this.metrics.reportPhases();
      phases.enter('loading');
      const { record, result } = await this.history.getDetail(report.userId, report.simulationId);
      if (!result) {
        throw new ReportInputError(
          `simulation ${record.id} is ${record.status}: it has no results to report`,
          'SIMULATION_NOT_COMPLETED',
        );
      }
      phases.enter('building');
      const content = await buildReportWorkbook(reportContent(record, result, report.createdAt), progress);
      await progress('storing the file', 90);
      phases.enter('saving');
      const fileName = reportFileName(record.canonical, report.createdAt);
      if (!(await this.reports.complete(report, fileName, content, Date.now() - started))) {
        return { status: 'deleted or finished elsewhere' };
      }
      this.logger.log({
        message: 'report completed',
        reportId: report.id,
        simulationId: report.simulationId,
        bytes: content.length,
        durationMs: Date.now() - started,
      });
      phases.end();
      this.metrics.reportCompleted(content.length);
      return { status: 'completed' };
    } catch (error) {
      return this.handleFailure(report, job, error);
    }
  }

  /** The shared failure policy (src/jobs/job-failure.ts): retry what may pass, fail the rest with a reason. */
  private async handleFailure(
    report: ReportRecord,
    job: JobContext<BuildJob>,
    error: unknown,
  ): Promise<{ status: string }> {
    const decision = decideFailure(error, job, FAILURE_WORDING);
    if (decision.retry) throw error; // transient: the queue tries again
    const { reason, code, kind } = decision;
    if (!(await this.reports.fail(report.id, report.userId, report.simulationId, reason, code))) {
      return { status: 'finished-elsewhere' };
    }
    this.logger.warn({
      message: 'report failed',
      reportId: report.id,
      simulationId: report.simulationId,
      code,
      reason,
    });
    this.metrics.reportFailed(kind);
    if (!decision.retryable) throw new NonRetryableJobError(reason);
    throw error;
  }
}

/** The report cannot be built from what is stored: reported as is, never retried. */
class ReportInputError extends JobInputError {}
