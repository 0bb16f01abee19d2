import { beforeAll, describe, expect, it } from '@jest/globals';
import { completedSimulation } from '../../../test/support/stored-simulation';
import type { FailureKind } from '../../jobs/job-failure';
import type { JobContext } from '../../queue/job-queues';
import { NonRetryableJobError } from '../../queue/job-queues';
import type { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { ReportProcessor } from './report.processor';
import type { ReportService } from './report.service';
import type { ReportRecord } from './report.types';

const ID = '00000000-0000-4000-8000-0000000000b1';
const CREATED = new Date('2026-03-04T05:06:07Z');

let simulation: { record: SimulationRecord; result: StoredSimulationResult };

beforeAll(async () => {
  simulation = await completedSimulation('AAPL-L-60% KO-L-40% 2020-01-01 2020-12-31');
});

function report(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id: ID,
    userId: 'user-1',
    simulationId: simulation.record.id,
    status: 'queued',
    progress: { phase: null, percent: 0 },
    failureReason: null,
    failureCode: null,
    storageKey: null,
    fileName: null,
    sizeBytes: null,
    createdAt: CREATED,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

type Writes = Pick<ReportService, 'findById' | 'markRunning' | 'recordProgress' | 'complete' | 'fail'>;

/** The service's state changes as lines; each answers `accepts` (false: finished elsewhere or deleted). */
class RecordedReports implements Writes {
  readonly written: string[] = [];
  file: Buffer | undefined;
  accepts = true;
  progressFailure: Error | undefined;

  constructor(private readonly stored: ReportRecord | null) {}

  async findById(): Promise<ReportRecord | null> {
    return this.stored;
  }
  async markRunning(_: ReportRecord, attempt: number): Promise<boolean> {
    this.written.push(`running try ${attempt}`);
    return this.accepts;
  }
  async recordProgress(_: ReportRecord, phase: string, percent: number): Promise<boolean> {
    if (this.progressFailure) throw this.progressFailure;
    this.written.push(`${phase} ${percent}`);
    return this.accepts;
  }
  async complete(_: ReportRecord, fileName: string, content: Buffer): Promise<boolean> {
    this.file = content;
    this.written.push(`completed ${fileName}`);
    return this.accepts;
  }
  async fail(_id: string, _userId: string, _simulationId: string, reason: string, code: string): Promise<boolean> {
    this.written.push(`failed ${code}: ${reason}`);
    return this.accepts;
  }
}

/** The report counters the processor moves, as lines. */
class RecordedMetrics extends MetricsService {
  readonly counted: string[] = [];

  override reportCompleted(workbookBytes: number): void {
    this.counted.push(`completed ${workbookBytes > 0 ? 'with bytes' : 'empty'}`);
  }
  override reportFailed(kind: FailureKind): void {
    this.counted.push(`failed ${kind}`);
  }
}

function setUp(
  stored: ReportRecord | null = report(),
  detail: { record: SimulationRecord; result: StoredSimulationResult | null } = simulation,
) {
  const reports = new RecordedReports(stored);
  const metrics = new RecordedMetrics();
  const history: Pick<HistoryService, 'getDetail'> = {
    getDetail: async (userId, id) => {
      // The processor reads the simulation as its owner: the report's user.
      expect([userId, id]).toEqual([stored?.userId, stored?.simulationId]);
      return detail;
    },
  };
  const processor = new ReportProcessor(reports as unknown as ReportService, history as HistoryService, metrics);
  const queued: unknown[] = [];
  const job = (attemptsMade: number, attempts = 3): JobContext<{ reportId: string }> => ({
    id: ID,
    name: 'build',
    data: { reportId: ID },
    attemptsMade,
    attempts,
    enqueuedAt: new Date(),
    reportProgress: async (percent) => {
      queued.push(percent);
    },
  });
  return { reports, metrics, processor, job, queued };
}

/** ReportProcessor alone: its phases, the file it stores, and its failure policy per kind of error. */
describe('ReportProcessor', () => {
  it('builds the workbook through its phases and completes with the file named after the command and day', async () => {
    const { reports, metrics, processor, job, queued } = setUp();
    expect(await processor.build(job(0))).toEqual({ status: 'completed' });
    const written = reports.written;
    expect(written.slice(0, 2)).toEqual(['running try 1', 'loading the simulation 10']);
    expect(written.slice(-2)).toEqual([
      'storing the file 90',
      'completed portofino-aapl-l-60pct-ko-l-40pct-2020-01-01-2020-12-31-2026-03-04.xlsx',
    ]);
    // The workbook's own phases lie between, each with a percentage that only grows.
    expect(queued).toEqual([...queued].sort((a, b) => Number(a) - Number(b)));
    expect(queued.length).toBe(written.length - 2);
    // An xlsx file is a zip archive.
    expect(reports.file?.subarray(0, 2).toString()).toBe('PK');
    expect(metrics.counted).toEqual(['completed with bytes']);
  });

  it('stops at once for a finished report, a deleted one, and one another run has started', async () => {
    for (const status of ['completed', 'failed'] as const) {
      const { reports, processor, job } = setUp(report({ status }));
      expect(await processor.build(job(0))).toEqual({ status });
      expect(reports.written).toEqual([]);
    }
    const deleted = setUp(null);
    expect(await deleted.processor.build(deleted.job(0))).toEqual({ status: 'deleted' });
    const elsewhere = setUp();
    elsewhere.reports.accepts = false;
    expect(await elsewhere.processor.build(elsewhere.job(0))).toEqual({ status: 'finished-elsewhere' });
    expect(elsewhere.reports.written).toEqual(['running try 1']);
  });

  it('fails at once, counted as input, when the simulation has no result to report', async () => {
    const failed = { record: { ...simulation.record, status: 'failed' as const }, result: null };
    const { reports, metrics, processor, job } = setUp(report(), failed);
    const reason = `simulation ${simulation.record.id} is failed: it has no results to report`;
    await expect(processor.build(job(0))).rejects.toThrow(new NonRetryableJobError(reason));
    expect(reports.written.slice(-1)).toEqual([`failed SIMULATION_NOT_COMPLETED: ${reason}`]);
    expect(metrics.counted).toEqual(['failed input']);
  });

  it('retries a failed write while tries are left; the last try fails the report in its words', async () => {
    const failure = new Error('database away');
    const retried = setUp();
    retried.reports.progressFailure = failure;
    await expect(retried.processor.build(retried.job(1))).rejects.toBe(failure);
    expect([retried.reports.written, retried.metrics.counted]).toEqual([['running try 2'], []]);
    const last = setUp();
    last.reports.progressFailure = failure;
    await expect(last.processor.build(last.job(2))).rejects.toBe(failure);
    expect(last.reports.written).toEqual([
      'running try 3',
      'failed BUILD_FAILED: the report could not be built after 3 tries (database away); request it again later',
    ]);
    expect(last.metrics.counted).toEqual(['failed transient']);
  });

  it('answers without throwing or counting when the report finished elsewhere or was deleted meanwhile', async () => {
    const deletedMeanwhile = setUp();
    deletedMeanwhile.reports.complete = async () => false;
    expect(await deletedMeanwhile.processor.build(deletedMeanwhile.job(0))).toEqual({
      status: 'deleted or finished elsewhere',
    });
    const failedElsewhere = setUp(report(), { record: simulation.record, result: null });
    failedElsewhere.reports.fail = async () => false;
    expect(await failedElsewhere.processor.build(failedElsewhere.job(0))).toEqual({ status: 'finished-elsewhere' });
    expect([deletedMeanwhile.metrics.counted, failedElsewhere.metrics.counted]).toEqual([[], []]);
  });
});
