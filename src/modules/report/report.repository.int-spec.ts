import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newSimulation } from '../../../test/support/stored-simulation';
import { SimulationLifecycle } from '../simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../simulation/simulation.repository';
import { REPORT_EVENTS, reportEvent } from './report.events';
import { ReportRepository } from './report.repository';

const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';

/** The report repository on each database: a state change is written with its events, only while unfinished. */
describe.each(['SQLite', 'PostgreSQL'] as const)('ReportRepository on %s', (kind) => {
  let db: JobDatabase;
  let reports: ReportRepository;
  let simulations: SimulationLifecycle;

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    reports = new ReportRepository(db.dataSource, db.events);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  async function requested(): Promise<{ id: string; userId: string; simulationId: string }> {
    const userId = await db.newUser();
    const simulation = await simulations.submit(newSimulation(COMMAND, userId));
    const report = { id: randomUUID(), userId, simulationId: simulation.id };
    await reports.insert({ ...report, createdAt: new Date() }, [
      reportEvent(REPORT_EVENTS.requested, userId, report.id, {
        simulationId: simulation.id,
        taskId: report.id,
        force: false,
      }),
    ]);
    return report;
  }

  it('inserts a queued report with its requested event', async () => {
    const report = await requested();
    expect(await reports.findById(report.id)).toMatchObject({
      ...report,
      status: 'queued',
      progress: { phase: null, percent: 0 },
    });
    const [event] = await db.envelopes(report.id);
    expect(event).toMatchObject({
      type: 'report.requested',
      reportId: report.id,
      correlationId: report.id,
      causationId: null,
    });
  });

  it('writes each state change with its events, and none once the report has finished', async () => {
    const report = await requested();
    const event = (type: 'report.progress', percent: number) =>
      reportEvent(type, report.userId, report.id, { simulationId: report.simulationId, phase: 'building', percent });
    expect(await reports.changeUnfinished(report.id, { status: 'running', startedAt: new Date() }, [])).toBe(true);
    expect(
      await reports.changeUnfinished(report.id, { progressPhase: 'building', progressPercent: 50 }, [
        event('report.progress', 50),
      ]),
    ).toBe(true);
    expect(
      await reports.changeUnfinished(
        report.id,
        { status: 'completed', storageKey: 'k.xlsx', fileName: 'f.xlsx', sizeBytes: 10, finishedAt: new Date() },
        [],
      ),
    ).toBe(true);
    expect(
      await reports.changeUnfinished(report.id, { status: 'failed', failureReason: 'late' }, [
        event('report.progress', 60),
      ]),
    ).toBe(false);
    expect(await reports.findById(report.id)).toMatchObject({
      status: 'completed',
      failureReason: null,
      sizeBytes: 10,
      progress: { phase: 'building', percent: 50 },
    });
    expect((await db.envelopes(report.id)).map((envelope) => [envelope.type, envelope.data])).toEqual([
      ['report.requested', { simulationId: report.simulationId, taskId: report.id, force: false }],
      ['report.progress', { simulationId: report.simulationId, phase: 'building', percent: 50 }],
    ]);
  });

  it('lists unfinished reports oldest first for the recovery sweep', async () => {
    const first = await requested();
    const second = await requested();
    const ids = (await reports.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    await reports.changeUnfinished(first.id, { status: 'failed', failureReason: 'x', finishedAt: new Date() }, []);
    expect((await reports.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id)).not.toContain(
      first.id,
    );
  });
});
