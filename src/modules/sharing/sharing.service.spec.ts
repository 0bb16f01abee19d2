import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newSimulation } from '../../../test/support/stored-simulation';
import { parseEnvironment } from '../../config/environment.schema';
import { InMemoryJobQueues } from '../../queue/in-memory-job-queues';
import { JobRecovery } from '../../queue/job-recovery';
import { ComparisonRepository } from '../comparison/comparison.repository';
import { ComparisonService } from '../comparison/comparison.service';
import { SimulationNotFoundError } from '../history/history.errors';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { ComparisonWorkbookService } from '../report/comparison-workbook.service';
import { LocalReportStorage } from '../report/report-storage';
import { ReportRepository } from '../report/report.repository';
import { RequestedReport, ReportService } from '../report/report.service';
import type { ReportRecord } from '../report/report.types';
import { TearsheetService } from '../report/tearsheet/tearsheet.service';
import { SimulationLifecycle } from '../simulation/simulation-lifecycle.service';
import { SimulationRepository } from '../simulation/simulation.repository';
import {
  ComparisonNotShareableError,
  SharedReportNotReadyError,
  ShareLinkNotFoundError,
  SimulationNotShareableError,
} from './sharing.errors';
import { SharingRepository } from './sharing.repository';
import { SharingService } from './sharing.service';

const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';
/** Sharing hands a simulation's stored result through untouched: its content does not matter here. */
const RESULT = { metrics: {} } as StoredSimulationResult;

/** The simulations' read side over the real table, with the statuses and results a case needs. */
class StagedHistory extends HistoryService {
  readonly completed = new Set<string>();

  override async getOwned(userId: string, id: string): Promise<SimulationRecord> {
    const record = await super.getOwned(userId, id);
    return this.completed.has(id) ? { ...record, status: 'completed' } : record;
  }

  override async getDetail(userId: string, id: string) {
    const record = await this.getOwned(userId, id);
    return { record, result: record.status === 'completed' ? RESULT : null };
  }
}

/** Reports whose requests answer with a staged status (building a workbook is the report module's business). */
class StagedReports extends ReportService {
  readonly requested: string[] = [];
  status: ReportRecord['status'] = 'queued';
  failing = false;

  override async request(userId: string, simulationId: string): Promise<RequestedReport> {
    if (this.failing) throw new Error('queue unavailable');
    this.requested.push(simulationId);
    const report: ReportRecord = {
      id: `report-of-${simulationId}`,
      userId,
      simulationId,
      status: this.status,
      progress: { phase: null, percent: 0 },
      failureReason: null,
      failureCode: null,
      storageKey: null,
      fileName: null,
      sizeBytes: null,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
    };
    return { report, created: true };
  }

  override async download(_userId: string, id: string) {
    return { stream: Readable.from([id]), size: id.length, fileName: 'shared.xlsx', contentType: 'application/x' };
  }
}

/**
 * Share links on the real repository (SQLite) and outbox: only the owner of a completed result shares it, anyone
 * with the token reads it until the link is revoked or the result is deleted, and each change writes its event.
 */
describe('SharingService', () => {
  let db: JobDatabase;
  let queues: InMemoryJobQueues;
  let simulations: SimulationLifecycle;
  let history: StagedHistory;
  let reports: StagedReports;
  let comparisons: ComparisonService;
  let sharing: SharingService;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    const config = parseEnvironment({ NODE_ENV: 'test' });
    queues = new InMemoryJobQueues();
    const recovery = new JobRecovery(config, queues);
    simulations = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
    history = new StagedHistory(new HistoryRepository(db.dataSource, db.events));
    reports = new StagedReports(
      new ReportRepository(db.dataSource, db.events),
      history,
      new LocalReportStorage(config),
      queues,
      new MetricsService(),
      recovery,
    );
    comparisons = new ComparisonService(new ComparisonRepository(db.dataSource, db.events), history, queues, recovery);
    sharing = new SharingService(
      new SharingRepository(db.dataSource),
      history,
      comparisons,
      reports,
      new ComparisonWorkbookService(comparisons),
      new TearsheetService(history),
      db.events,
    );
  });

  afterAll(async () => {
    await queues?.beforeApplicationShutdown();
    await db?.close();
  });

  async function simulation(completed = true): Promise<{ userId: string; id: string }> {
    const userId = await db.newUser();
    const record = await simulations.submit(newSimulation(COMMAND, userId));
    if (completed) history.completed.add(record.id);
    return { userId, id: record.id };
  }

  const sharingEvents = async (subjectId: string) =>
    (await db.envelopes(subjectId))
      .filter((envelope) => envelope.type.includes('share'))
      .map((envelope) => [envelope.type, envelope.simulationId ?? envelope.comparisonId, envelope.data]);

  it("shares the owner's completed simulation: a token read by anyone, its event, its workbook prepared", async () => {
    const { userId, id } = await simulation();
    const { link, token } = await sharing.share(userId, 'simulation', id);
    expect(link).toMatchObject({ userId, subjectKind: 'simulation', subjectId: id, revokedAt: null });
    expect(link.tokenHint).toBe(token.slice(-4));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(reports.requested).toContain(id);
    expect(await sharingEvents(id)).toEqual([['simulation.shared', id, { linkId: link.id }]]);

    const shared = await sharing.readShared(token);
    expect(shared).toMatchObject({ kind: 'simulation', link: { id: link.id }, record: { id, status: 'completed' } });
    expect(shared.kind === 'simulation' && shared.result).toBe(RESULT);
    expect(await sharing.listLinks(userId, 'simulation', id)).toEqual([link]);
  });

  it("refuses to share someone else's simulation or one that has not completed", async () => {
    const { id } = await simulation();
    await expect(sharing.share(await db.newUser(), 'simulation', id)).rejects.toThrow(SimulationNotFoundError);
    const running = await simulation(false);
    const refusal = await sharing.share(running.userId, 'simulation', running.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SimulationNotShareableError);
    expect(refusal).toMatchObject({ code: 'SIMULATION_NOT_COMPLETED' });
    expect(await sharingEvents(running.id)).toEqual([]);
    await expect(sharing.listLinks(await db.newUser(), 'simulation', id)).rejects.toThrow(SimulationNotFoundError);
  });

  it('shares even when the workbook cannot be prepared now', async () => {
    const { userId, id } = await simulation();
    reports.failing = true;
    try {
      const { token } = await sharing.share(userId, 'simulation', id);
      expect((await sharing.readShared(token)).kind).toBe('simulation');
    } finally {
      reports.failing = false;
    }
  });

  it('revokes a link by its token or its id, once, with its event; the token then reads as unknown', async () => {
    const { userId, id } = await simulation();
    const byToken = await sharing.share(userId, 'simulation', id);
    const byId = await sharing.share(userId, 'simulation', id);
    await sharing.revokeLink(userId, 'simulation', id, byToken.token);
    await sharing.revokeLink(userId, 'simulation', id, byId.link.id.toUpperCase());

    for (const { token } of [byToken, byId]) {
      const unknown = await sharing.readShared(token).catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(ShareLinkNotFoundError);
      expect(unknown).toMatchObject({ code: 'SHARE_LINK_NOT_FOUND' });
    }
    await expect(sharing.revokeLink(userId, 'simulation', id, byToken.token)).rejects.toThrow(ShareLinkNotFoundError);
    await expect(sharing.revokeLink(userId, 'simulation', id, 'neither-token-nor-id')).rejects.toThrow(
      ShareLinkNotFoundError,
    );
    expect(await sharing.listLinks(userId, 'simulation', id)).toEqual([]);
    expect((await sharingEvents(id)).map(([type, , data]) => [type, data])).toEqual([
      ['simulation.shared', { linkId: byToken.link.id }],
      ['simulation.shared', { linkId: byId.link.id }],
      ['simulation.share_revoked', { linkId: byToken.link.id, reason: 'revoked-by-user' }],
      ['simulation.share_revoked', { linkId: byId.link.id, reason: 'revoked-by-user' }],
    ]);
  });

  it("refuses to revoke another owner's link, even with its token", async () => {
    const { userId, id } = await simulation();
    const { token } = await sharing.share(userId, 'simulation', id);
    const intruder = await simulation();
    await expect(sharing.revokeLink(intruder.userId, 'simulation', intruder.id, token)).rejects.toThrow(
      ShareLinkNotFoundError,
    );
    expect((await sharing.readShared(token)).kind).toBe('simulation');
  });

  it('removes the links of a deleted simulation when one is read, and answers not found', async () => {
    const { userId, id } = await simulation();
    const { token } = await sharing.share(userId, 'simulation', id);
    const other = await sharing.share(userId, 'simulation', id);
    await history.delete(userId, id);
    await expect(sharing.readShared(token)).rejects.toThrow(ShareLinkNotFoundError);
    expect(await db.row('SELECT COUNT(*) AS n FROM share_links WHERE subject_id = ?', [id])).toEqual({ n: 0 });
    await expect(sharing.sharedWorkbook(other.token)).rejects.toThrow(ShareLinkNotFoundError);
  });

  it("serves the shared simulation's workbook once its report is built, REPORT_NOT_READY until then", async () => {
    const { userId, id } = await simulation();
    const { token } = await sharing.share(userId, 'simulation', id);
    reports.status = 'running';
    const notReady = await sharing.sharedWorkbook(token).catch((e: unknown) => e);
    expect(notReady).toBeInstanceOf(SharedReportNotReadyError);
    expect(notReady).toMatchObject({ code: 'REPORT_NOT_READY' });
    reports.status = 'completed';
    expect(await sharing.sharedWorkbook(token)).toMatchObject({
      fileName: 'shared.xlsx',
      size: `report-of-${id}`.length,
    });
    reports.status = 'queued';
  });

  it('refuses to share a comparison that has not completed', async () => {
    const userId = await db.newUser();
    const comparison = await comparisons.submit(userId, {
      members: [{ command: COMMAND }, { command: 'KO-L-100% 2020-01-01 2020-12-31' }],
    });
    const refusal = await sharing.share(userId, 'comparison', comparison.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ComparisonNotShareableError);
    expect(refusal).toMatchObject({ code: 'COMPARISON_NOT_COMPLETED' });
    expect(await sharing.listLinks(userId, 'comparison', comparison.id)).toEqual([]);
  });

  it('answers an empty or malformed token as not found', async () => {
    await expect(sharing.readShared('')).rejects.toThrow(ShareLinkNotFoundError);
    await expect(sharing.readSharedSimulation('pfs_short')).rejects.toThrow(ShareLinkNotFoundError);
  });
});
