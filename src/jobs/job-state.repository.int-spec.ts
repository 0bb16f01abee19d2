import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JobDatabase, openJobDatabase } from '../../test/support/job-database';
import { newSimulation } from '../../test/support/stored-simulation';
import { executeSqlCounted } from '../database/sql';
import type { DomainEvent } from '../events/event-envelope';
import type { EventPublisher } from '../events/event-publisher';
import { ReportEntity } from '../modules/report/entities/report.entity';
import { REPORT_EVENTS, reportEvent } from '../modules/report/report.events';
import { ReportRepository } from '../modules/report/report.repository';
import { SimulationLifecycle } from '../modules/simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../modules/simulation/simulation.repository';
import { JobStateRepository, UnfinishedJob, unfinishedUpdate } from './job-state.repository';

const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';
const COLUMNS = { status: 'status', progressPercent: 'progress_percent', failureReason: 'failure_reason' };

interface ProbeChange {
  status?: 'running' | 'completed' | 'failed';
  progressPercent?: number;
  failureReason?: string | null;
}

/** The base class's helpers over the reports table, the way a job kind's repository uses them. */
class ProbeRepository extends JobStateRepository<ProbeChange> {
  constructor(dataSource: DataSource, events: EventPublisher) {
    super(dataSource, events);
  }

  async changeUnfinished(id: string, change: ProbeChange, events: DomainEvent[]): Promise<boolean> {
    const update = unfinishedUpdate('reports', COLUMNS, id, { ...change });
    if (!update) return false;
    const written = await this.inTransactionWithEvents(
      events,
      async (tx) => (await executeSqlCounted(tx, update.sql, update.parameters)) > 0,
    );
    return written === true;
  }

  /** A write that fails after its update: nothing of it, and none of its events, may stay. */
  failAfterUpdate(id: string, events: DomainEvent[]): Promise<unknown> {
    return this.inTransactionWithEvents(events, async (tx) => {
      const update = unfinishedUpdate('reports', COLUMNS, id, { progressPercent: 99 })!;
      await executeSqlCounted(tx, update.sql, update.parameters);
      throw new Error('write failed half way');
    });
  }

  /** Events written by one statement of the caller's (here the outbox INSERT alone). */
  writeInOneStatement(events: DomainEvent[], wrote: boolean): Promise<number> {
    return this.inOneStatementWithEvents(
      events,
      {},
      (outbox) => executeSqlCounted(this.dataSource.manager, outbox.sql, outbox.parameters),
      () => wrote,
    );
  }

  get oneStatement(): boolean {
    return this.writesInOneStatement;
  }

  findUnfinished(before: Date, limit: number, after?: UnfinishedJob): Promise<UnfinishedJob[]> {
    return this.findUnfinishedRows(ReportEntity, before, limit, after);
  }
}

describe('unfinishedUpdate', () => {
  it('sets the defined fields by their columns, only while the job is queued or running', () => {
    expect(
      unfinishedUpdate('reports', COLUMNS, 'r1', { status: 'failed', progressPercent: undefined, failureReason: null }),
    ).toEqual({
      sql: "UPDATE reports SET status = :status, failure_reason = :failureReason WHERE id = :id AND status IN ('queued', 'running')",
      parameters: { id: 'r1', status: 'failed', failureReason: null },
    });
  });

  it('is undefined when nothing changes, and refuses a field without a column', () => {
    expect(unfinishedUpdate('reports', COLUMNS, 'r1', { progressPercent: undefined })).toBeUndefined();
    expect(() => unfinishedUpdate('reports', COLUMNS, 'r1', { sizeBytes: 1 })).toThrow(
      'reports has no column for sizeBytes',
    );
  });
});

/**
 * What every job kind's repository inherits, on each database: a change and its events are written together or
 * not at all, never to a finished job, and the recovery sweep pages through unfinished jobs oldest first.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('JobStateRepository on %s', (kind) => {
  let db: JobDatabase;
  let probe: ProbeRepository;
  let reports: ReportRepository;
  let simulations: SimulationLifecycle;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    probe = new ProbeRepository(db.dataSource, db.events);
    reports = new ReportRepository(db.dataSource, db.events);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function queued(createdAt = new Date()): Promise<{ id: string; userId: string; simulationId: string }> {
    const userId = await db.newUser();
    const simulation = await simulations.submit(newSimulation(COMMAND, userId));
    const report = { id: randomUUID(), userId, simulationId: simulation.id };
    await reports.insert({ ...report, createdAt }, []);
    return report;
  }

  const progress = (report: { id: string; userId: string; simulationId: string }, percent: number) =>
    reportEvent(REPORT_EVENTS.progress, report.userId, report.id, {
      simulationId: report.simulationId,
      phase: 'building',
      percent,
    });

  const percents = async (id: string) =>
    (await db.envelopes(id)).map((envelope) => (envelope.data as { percent: number }).percent);

  it('says whether the database writes a change and its events in one statement', () => {
    expect(probe.oneStatement).toBe(kind === 'PostgreSQL');
  });

  it('writes a change with its events while the job is unfinished, and neither once it has finished', async () => {
    const report = await queued();
    expect(
      await probe.changeUnfinished(report.id, { status: 'running', progressPercent: 10 }, [progress(report, 10)]),
    ).toBe(true);
    expect(await probe.changeUnfinished(report.id, { status: 'completed' }, [])).toBe(true);
    expect(
      await probe.changeUnfinished(report.id, { status: 'failed', failureReason: 'late' }, [progress(report, 90)]),
    ).toBe(false);
    expect(await reports.findById(report.id)).toMatchObject({
      status: 'completed',
      failureReason: null,
      progress: { percent: 10 },
    });
    expect(await percents(report.id)).toEqual([10]);
    expect(await probe.changeUnfinished(randomUUID(), { status: 'running' }, [progress(report, 20)])).toBe(false);
    expect(await percents(report.id)).toEqual([10]);
  });

  it('rolls back the change and its events when the write fails', async () => {
    const report = await queued();
    await expect(probe.failAfterUpdate(report.id, [progress(report, 99)])).rejects.toThrow('write failed half way');
    expect(await reports.findById(report.id)).toMatchObject({ status: 'queued', progress: { percent: 0 } });
    expect(await percents(report.id)).toEqual([]);
  });

  it("passes a one-statement write's outcome through and keeps the events it wrote", async () => {
    const report = await queued();
    expect(await probe.writeInOneStatement([progress(report, 30), progress(report, 40)], true)).toBe(2);
    expect(await percents(report.id)).toEqual([30, 40]);
  });

  it('pages through unfinished jobs created before a time, oldest first, ties by id', async () => {
    const at = new Date(Date.now() - 3_600_000);
    const sameTime = [await queued(at), await queued(at)].map((one) => one.id).sort();
    const older = await queued(new Date(at.getTime() - 1000));
    const finished = await queued(new Date(at.getTime() - 500));
    await probe.changeUnfinished(finished.id, { status: 'failed', failureReason: 'x' }, []);
    await queued(new Date());

    const before = new Date(at.getTime() + 1);
    const ours = new Set([older.id, finished.id, ...sameTime]);
    const pages: string[][] = [];
    let after: UnfinishedJob | undefined;
    for (;;) {
      const page = await probe.findUnfinished(before, 2, after);
      if (page.length === 0) break;
      pages.push(page.map((one) => one.id));
      after = page[page.length - 1];
    }
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat().filter((id) => ours.has(id))).toEqual([older.id, ...sameTime]);
  });
});
