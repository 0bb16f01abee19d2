import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { EventPublisher } from '../../events/event-publisher';
import { SimulationNotFoundError } from '../history/history.errors';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { ReportService } from '../report/report.service';
import { TearsheetService } from '../report/tearsheet/tearsheet.service';
import { hashShareToken, looksLikeShareToken, newShareToken } from './share-token';
import { SharedReportNotReadyError, ShareLinkNotFoundError, SimulationNotShareableError } from './sharing.errors';
import { SHARING_EVENTS, sharingEvent } from './sharing.events';
import { SharingRepository } from './sharing.repository';
import type { ShareLinkRecord } from './sharing.types';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SharedSimulation {
  link: ShareLinkRecord;
  record: SimulationRecord;
  result: StoredSimulationResult;
}

export interface SharedWorkbook {
  stream: Readable;
  size: number;
  fileName: string;
  contentType: string;
}

/**
 * Read-only links to a user's results. The owner creates, lists and revokes links (each change with its event,
 * in one transaction); anyone with a token reads the result, and downloads its workbook, until the link is
 * revoked or the result or the account is deleted. Simulations are read through the history service (owner
 * checks included), workbooks through the report service, so a comparison can plug in beside them.
 */
@Injectable()
export class SharingService {
  private readonly logger = new Logger(SharingService.name);

  constructor(
    private readonly repository: SharingRepository,
    private readonly history: HistoryService,
    private readonly reports: ReportService,
    private readonly tearsheets: TearsheetService,
    private readonly events: EventPublisher,
  ) {}

  /** A new link to the user's own completed simulation; the token is returned once and never stored. */
  async shareSimulation(userId: string, simulationId: string): Promise<{ link: ShareLinkRecord; token: string }> {
    const simulation = await this.history.getOwned(userId, simulationId);
    if (simulation.status !== 'completed') throw new SimulationNotShareableError(simulationId, simulation.status);
    const { token, hash, hint } = newShareToken();
    const link: ShareLinkRecord = {
      id: randomUUID(),
      userId,
      subjectKind: 'simulation',
      subjectId: simulationId,
      tokenHint: hint,
      createdAt: new Date(),
      revokedAt: null,
    };
    await this.repository.transaction(async (tx) => {
      await this.repository.insert({ ...link, tokenHash: hash }, tx);
      await this.events.publish(
        [sharingEvent(SHARING_EVENTS.simulationShared, userId, simulationId, { linkId: link.id })],
        tx,
      );
    });
    this.logger.log({ message: 'simulation shared', simulationId, linkId: link.id, userId });
    // The workbook is prepared now (or an existing one reused), so that a viewer can download it at once.
    await this.reports
      .request(userId, simulationId, false)
      .catch((error: unknown) =>
        this.logger.warn({ message: 'shared workbook not prepared', simulationId, error: String(error) }),
      );
    return { link, token };
  }

  async listSimulationLinks(userId: string, simulationId: string): Promise<ShareLinkRecord[]> {
    await this.history.getOwned(userId, simulationId);
    return this.repository.listActive(userId, 'simulation', simulationId);
  }

  /** Revokes one of the simulation's active links, named by its token or its id (the list shows ids, not tokens). */
  async revokeSimulationLink(userId: string, simulationId: string, tokenOrId: string): Promise<void> {
    await this.history.getOwned(userId, simulationId);
    const by = looksLikeShareToken(tokenOrId)
      ? { tokenHash: hashShareToken(tokenOrId) }
      : UUID_PATTERN.test(tokenOrId)
        ? { id: tokenOrId.toLowerCase() }
        : null;
    const link = by && (await this.repository.findActiveOf(userId, 'simulation', simulationId, by));
    if (!link) throw new ShareLinkNotFoundError();
    const revoked = await this.repository.transaction(async (tx) => {
      if (!(await this.repository.revoke(link.id, new Date(), tx))) return false;
      await this.events.publish(
        [
          sharingEvent(SHARING_EVENTS.simulationShareRevoked, userId, simulationId, {
            linkId: link.id,
            reason: 'revoked-by-user' as const,
          }),
        ],
        tx,
      );
      return true;
    });
    if (!revoked) throw new ShareLinkNotFoundError();
    this.logger.log({ message: 'share link revoked', simulationId, linkId: link.id, userId });
  }

  /** The shared simulation and its result, or ShareLinkNotFoundError. */
  async readShared(token: string): Promise<SharedSimulation> {
    const link = await this.activeLink(token);
    const { record, result } = await this.ownersDetail(link);
    if (!result) throw new ShareLinkNotFoundError();
    return { link, record, result };
  }

  /**
   * The shared simulation's workbook: the owner's existing report of it, or one built now through the report
   * queue (SharedReportNotReadyError, with Retry-After, until it is ready).
   */
  async sharedWorkbook(token: string): Promise<SharedWorkbook> {
    const link = await this.activeLink(token);
    const { report } = await this.orGone(link, () => this.reports.request(link.userId, link.subjectId, false));
    if (report.status !== 'completed') throw new SharedReportNotReadyError();
    return this.reports.download(link.userId, report.id);
  }

  /** The shared simulation's tearsheet, rendered with nothing of the owner (no simulation id). */
  async sharedTearsheet(token: string): Promise<{ html: string; fileName: string }> {
    const { record, result } = await this.readShared(token);
    const rendered = this.tearsheets.renderStored(record, result, 'shared');
    this.logger.log({ message: 'shared tearsheet rendered', bytes: rendered.html.length });
    return rendered;
  }

  private async activeLink(token: string): Promise<ShareLinkRecord> {
    const link = looksLikeShareToken(token) ? await this.repository.findActiveByTokenHash(hashShareToken(token)) : null;
    if (!link) throw new ShareLinkNotFoundError();
    return link;
  }

  private ownersDetail(
    link: ShareLinkRecord,
  ): Promise<{ record: SimulationRecord; result: StoredSimulationResult | null }> {
    return this.orGone(link, () => this.history.getDetail(link.userId, link.subjectId));
  }

  /** Runs `read`; when the shared simulation is gone, its links are removed and the answer is a plain 404. */
  private async orGone<T>(link: ShareLinkRecord, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof SimulationNotFoundError)) throw error;
      const removed = await this.repository.deleteForSubject(link.subjectKind, link.subjectId);
      this.logger.log({ message: 'links of a deleted simulation removed', simulationId: link.subjectId, removed });
      throw new ShareLinkNotFoundError();
    }
  }
}
