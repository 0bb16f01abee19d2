import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { InMemorySimulations } from '../../../test/support/in-memory-simulations';
import { newSimulation } from '../../../test/support/stored-simulation';
import { parseEnvironment } from '../../config/environment.schema';
import type { DomainEvent } from '../../events/event-envelope';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import type { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { ReportStorage } from './report-storage';
import type { ReportRepository } from './report.repository';
import { REPORT_JOB_OPTIONS, ReportService, reportStorageKey } from './report.service';
import { XLSX_CONTENT_TYPE } from '../../http/file-attachment';
import type { ReportChange, ReportRecord } from './report.types';

const OWNER = 'user-1';

type Storage = Pick<
  ReportRepository,
  'insert' | 'findById' | 'findReusable' | 'findByUser' | 'findBySimulation' | 'changeUnfinished' | 'delete'
>;

/** The reports table in memory, newest last (its SQL: report.repository.int-spec.ts). */
class InMemoryReports implements Storage {
  readonly rows = new Map<string, ReportRecord>();
  readonly events: DomainEvent[] = [];

  async insert(
    report: Pick<ReportRecord, 'id' | 'userId' | 'simulationId' | 'createdAt'>,
    events: DomainEvent[],
  ): Promise<void> {
    this.rows.set(report.id, {
      ...report,
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      storageKey: null,
      fileName: null,
      sizeBytes: null,
      startedAt: null,
      finishedAt: null,
    });
    this.events.push(...events);
  }
  async findById(id: string): Promise<ReportRecord | null> {
    return this.rows.get(id) ?? null;
  }
  async findReusable(userId: string, simulationId: string): Promise<ReportRecord | null> {
    const mine = [...this.rows.values()].filter((one) => one.userId === userId && one.simulationId === simulationId);
    return mine.reverse().find((one) => one.status !== 'failed') ?? null;
  }
  async findByUser(userId: string): Promise<ReportRecord[]> {
    return [...this.rows.values()].filter((one) => one.userId === userId);
  }
  async findBySimulation(simulationId: string): Promise<ReportRecord[]> {
    return [...this.rows.values()].filter((one) => one.simulationId === simulationId);
  }
  async changeUnfinished(id: string, change: ReportChange, events: DomainEvent[]): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.status === 'completed' || row.status === 'failed') return false;
    const { progressPhase: _phase, progressPercent: _percent, startedAt: _started, ...columns } = change;
    this.rows.set(id, { ...row, ...columns });
    this.events.push(...events);
    return true;
  }
  async delete(id: string): Promise<void> {
    this.rows.delete(id);
  }
}

/** Files in memory. */
class InMemoryFiles extends ReportStorage {
  readonly files = new Map<string, Buffer>();

  async put(key: string, content: Buffer): Promise<void> {
    this.files.set(key, content);
  }
  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    const file = this.files.get(key);
    return file ? { stream: Readable.from([file]), size: file.length } : null;
  }
  async remove(key: string): Promise<void> {
    this.files.delete(key);
  }
  async exists(key: string): Promise<boolean> {
    return this.files.has(key);
  }
}

class RecordingQueues extends InMemoryJobQueues {
  readonly enqueued: unknown[] = [];

  override async enqueue(...[queue, name, data, options]: Parameters<InMemoryJobQueues['enqueue']>) {
    this.enqueued.push({ queue, data, options });
    return super.enqueue(queue, name, data, options);
  }
}

function setUp() {
  const reports = new InMemoryReports();
  const simulations = new InMemorySimulations();
  const files = new InMemoryFiles();
  const queues = new RecordingQueues();
  const simulation = async (status: SimulationRecord['status']) => {
    const record = newSimulation('AAPL-L-100% 2020-01-01 2020-12-31', OWNER);
    await simulations.insert(record, new Date(), []);
    await simulations.changeUnfinished(record.id, { status }, []);
    return record.id;
  };
  const service = new ReportService(
    reports as unknown as ReportRepository,
    new HistoryService(simulations as unknown as HistoryRepository),
    files,
    queues,
    new MetricsService(),
    new JobRecovery(parseEnvironment({ NODE_ENV: 'test' }), queues),
  );
  return { reports, files, queues, service, simulation };
}

/** ReportService over in-memory rows and files: what a request reuses or records, the file's life, ownership. */
describe('ReportService', () => {
  it('records a report of a completed simulation with its event and enqueues the build under its id', async () => {
    const { reports, queues, service, simulation } = setUp();
    const simulationId = await simulation('completed');
    const { report, created } = await service.request(OWNER, simulationId, false);
    expect([created, report.status, reports.rows.get(report.id)]).toEqual([true, 'queued', report]);
    expect(reports.events.map((event) => [event.type, event.data])).toEqual([
      ['report.requested', { simulationId, taskId: report.id, force: false }],
    ]);
    expect(queues.enqueued).toEqual([
      { queue: 'reports', data: { reportId: report.id }, options: { jobId: report.id, ...REPORT_JOB_OPTIONS } },
    ]);
  });

  it('refuses a simulation not completed (409), failed (422) or someone else’s (404)', async () => {
    const { reports, service, simulation } = setUp();
    await expect(service.request(OWNER, await simulation('running'), false)).rejects.toMatchObject({
      code: 'SIMULATION_NOT_COMPLETED',
      httpStatus: 409,
    });
    await expect(service.request(OWNER, await simulation('failed'), false)).rejects.toMatchObject({
      code: 'SIMULATION_FAILED',
      httpStatus: 422,
    });
    await expect(service.request('user-2', await simulation('completed'), false)).rejects.toMatchObject({
      code: 'SIMULATION_NOT_FOUND',
      httpStatus: 404,
    });
    expect(reports.rows.size).toBe(0);
  });

  it('reuses a report in progress or one whose file exists, unless forced; a lost file means a new one', async () => {
    const { reports, files, service, simulation } = setUp();
    const simulationId = await simulation('completed');
    const first = (await service.request(OWNER, simulationId, false)).report;
    expect(await service.request(OWNER, simulationId, false)).toEqual({ report: first, created: false });
    expect(await service.complete(first, 'portofino-x.xlsx', Buffer.from('PK-file'), 5)).toBe(true);
    expect(files.files.get(reportStorageKey(first))?.toString()).toBe('PK-file');
    const reused = await service.request(OWNER, simulationId, false);
    expect([reused.created, reused.report.id, reused.report.status]).toEqual([false, first.id, 'completed']);
    const forced = await service.request(OWNER, simulationId, true);
    expect(forced.created).toBe(true);
    await service.fail(forced.report.id, OWNER, simulationId, 'x', 'BUILD_FAILED');
    files.files.clear();
    const rebuilt = await service.request(OWNER, simulationId, false);
    expect([rebuilt.created, reports.rows.size]).toEqual([true, 3]);
  });

  it('downloads only the owner’s completed report, with its name and type; discards a file built for a deleted one', async () => {
    const { reports, files, service, simulation } = setUp();
    const { report } = await service.request(OWNER, await simulation('completed'), false);
    await expect(service.download(OWNER, report.id)).rejects.toMatchObject({
      code: 'REPORT_NOT_READY',
      httpStatus: 409,
    });
    await service.complete(report, 'portofino-x.xlsx', Buffer.from('PK-file'), 5);
    await expect(service.download('user-2', report.id)).rejects.toMatchObject({
      code: 'REPORT_NOT_FOUND',
      httpStatus: 404,
    });
    const download = await service.download(OWNER, report.id);
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    expect([Buffer.concat(chunks).toString(), download.size, download.fileName, download.contentType]).toEqual([
      'PK-file',
      7,
      'portofino-x.xlsx',
      XLSX_CONTENT_TYPE,
    ]);
    // A report deleted while its workbook was built: the file is not kept.
    const other = (await service.request(OWNER, await simulation('completed'), false)).report;
    await reports.delete(other.id);
    expect(await service.complete(other, 'portofino-y.xlsx', Buffer.from('PK'), 5)).toBe(false);
    expect([...files.files.keys()]).toEqual([reportStorageKey(report)]);
  });

  it('removes a deleted simulation’s reports and files, and lists every key of a user’s reports', async () => {
    const { reports, files, service, simulation } = setUp();
    const simulationId = await simulation('completed');
    const done = (await service.request(OWNER, simulationId, false)).report;
    await service.complete(done, 'a.xlsx', Buffer.from('PK'), 1);
    const building = (await service.request(OWNER, simulationId, true)).report;
    expect((await service.fileKeysOfUser(OWNER)).sort()).toEqual(
      [reportStorageKey(done), reportStorageKey(building)].sort(),
    );
    expect(await service.removeForSimulation(simulationId)).toBe(2);
    expect(await service.removeForSimulation(simulationId)).toBe(0);
    expect([reports.rows.size, files.files.size]).toEqual([0, 0]);
  });
});
