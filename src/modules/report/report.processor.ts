import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
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
      const progress = async (phase: string, percent: number) => {
        await job.reportProgress(percent);
        await this.reports.recordProgress(report, phase, percent);
      };
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

  private async handleFailure(
    report: ReportRecord,
    job: JobContext<BuildJob>,
    error: unknown,
  ): Promise<{ status: string }> {
    // Our own errors (the simulation is gone, or has no result) cannot be helped by trying again.
    const final = error instanceof ReportInputError || error instanceof DomainError;
    const lastTry = job.attemptsMade + 1 >= job.attempts;
    if (!final && !lastTry) throw error; // transient: Bull tries again
    const reason = final
      ? (error as Error).message
      : `the report could not be built after ${job.attempts} tries (${(error as Error).message}); request it again later`;
    const code =
      error instanceof ReportInputError ? error.code : error instanceof DomainError ? error.code : 'BUILD_FAILED';
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
    this.metrics.reportFailed(
      error instanceof ReportInputError ? 'input' : error instanceof DomainError ? 'data' : 'transient',
    );
    if (final) throw new NonRetryableJobError(reason);
    throw error;
  }
}

/** The report cannot be built from what is stored: reported as is, never retried. */
class ReportInputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ReportInputError';
  }
}
