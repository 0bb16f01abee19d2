import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EventPublisher } from '../../events/event-publisher';
import { ComparisonNotFoundError } from '../comparison/comparison.errors';
import { ComparisonService } from '../comparison/comparison.service';
import type { ComparisonRecord } from '../comparison/comparison.types';
import { SimulationNotFoundError } from '../history/history.errors';
import { HistoryService } from '../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import { ComparisonWorkbookService } from '../report/comparison-workbook.service';
import { ReportService } from '../report/report.service';
import { TearsheetService } from '../report/tearsheet/tearsheet.service';
import { hashShareToken, looksLikeShareToken, newShareToken } from './share-token';
import {
  ComparisonNotShareableError,
  SharedReportNotReadyError,
  ShareLinkNotFoundError,
  SimulationNotShareableError,
} from './sharing.errors';
import { SHARING_EVENTS_OF, sharingEvent } from './sharing.events';
import { SharingRepository } from './sharing.repository';
import type { ShareLinkRecord, ShareSubjectKind } from './sharing.types';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SharedSimulation {
  kind: 'simulation';
  link: ShareLinkRecord;
  record: SimulationRecord;
  result: StoredSimulationResult;
}

export interface SharedComparison {
  kind: 'comparison';
  link: ShareLinkRecord;
  /** A completed comparison: its result is there. */
  comparison: ComparisonRecord & { result: NonNullable<ComparisonRecord['result']> };
}

export type SharedSubject = SharedSimulation | SharedComparison;

export interface SharedWorkbook {
  stream: Readable;
  size: number;
  fileName: string;
  contentType: string;
}

/**
 * Read-only links to a user's results (simulations and comparisons). The owner creates, lists and revokes links
 * (each change with its event, in one transaction); anyone with a token reads the result, and downloads its
 * workbook, until the link is revoked or the result or the account is deleted. Simulations are read through the
 * history service, comparisons through the comparison service (owner checks included), workbooks through the
 * report service.
 */
@Injectable()
export class SharingService {
  private readonly logger = new Logger(SharingService.name);

  constructor(
    private readonly repository: SharingRepository,
    private readonly history: HistoryService,
    private readonly comparisons: ComparisonService,
    private readonly reports: ReportService,
    private readonly comparisonWorkbooks: ComparisonWorkbookService,
    private readonly tearsheets: TearsheetService,
    private readonly events: EventPublisher,
  ) {}

  /** A new link to the user's own completed simulation or comparison; the token is returned once and never stored. */
  async share(
    userId: string,
    kind: ShareSubjectKind,
    subjectId: string,
  ): Promise<{ link: ShareLinkRecord; token: string }> {
    const { status } = await this.ownedSubject(userId, kind, subjectId);
    if (status !== 'completed') {
      throw kind === 'simulation'
        ? new SimulationNotShareableError(subjectId, status)
        : new ComparisonNotShareableError(subjectId, status);
    }
    const created = await this.createLink(userId, kind, subjectId);
    // A simulation's workbook is prepared now (or an existing one reused), so that a viewer can download it at once.
    if (kind === 'simulation') {
      await this.reports
        .request(userId, subjectId, false)
        .catch((error: unknown) =>
          this.logger.warn({ message: 'shared workbook not prepared', simulationId: subjectId, error: String(error) }),
        );
    }
    return created;
  }

  async listLinks(userId: string, kind: ShareSubjectKind, subjectId: string): Promise<ShareLinkRecord[]> {
    await this.ownedSubject(userId, kind, subjectId);
    return this.repository.listActive(userId, kind, subjectId);
  }

  /** Revokes one of the subject's active links, named by its token or its id (the list shows ids, not tokens). */
  async revokeLink(userId: string, kind: ShareSubjectKind, subjectId: string, tokenOrId: string): Promise<void> {
    await this.ownedSubject(userId, kind, subjectId);
    await this.revokeActiveLink(userId, kind, subjectId, tokenOrId);
  }

  /** The user's own simulation or comparison, or its module's not-found error (also for someone else's). */
  private async ownedSubject(userId: string, kind: ShareSubjectKind, subjectId: string): Promise<{ status: string }> {
    return kind === 'simulation'
      ? this.history.getOwned(userId, subjectId)
      : this.comparisons.getOwned(userId, subjectId);
  }

  /** The shared simulation or comparison with its result, or ShareLinkNotFoundError. */
  async readShared(token: string): Promise<SharedSubject> {
    const link = await this.activeLink(token);
    if (link.subjectKind === 'comparison')
      return { kind: 'comparison', link, comparison: await this.ownersComparison(link) };
    const { record, result } = await this.orGone(link, () => this.history.getDetail(link.userId, link.subjectId));
    if (!result) throw new ShareLinkNotFoundError();
    return { kind: 'simulation', link, record, result };
  }

  /**
   * The shared result's workbook. A simulation's: the owner's existing report of it, or one built now through the
   * report queue (SharedReportNotReadyError, with Retry-After, until it is ready). A comparison's: built now.
   */
  async sharedWorkbook(token: string): Promise<SharedWorkbook> {
    const link = await this.activeLink(token);
    if (link.subjectKind === 'comparison') {
      const { content, fileName, contentType } = await this.comparisonWorkbooks.build(
        await this.ownersComparison(link),
      );
      return { stream: Readable.from([content]), size: content.length, fileName, contentType };
    }
    const { report } = await this.orGone(link, () => this.reports.request(link.userId, link.subjectId, false));
    if (report.status !== 'completed') throw new SharedReportNotReadyError();
    return this.reports.download(link.userId, report.id);
  }

  private async createLink(
    userId: string,
    subjectKind: ShareSubjectKind,
    subjectId: string,
  ): Promise<{ link: ShareLinkRecord; token: string }> {
    const { token, hash, hint } = newShareToken();
    const link: ShareLinkRecord = {
      id: randomUUID(),
      userId,
      subjectKind,
      subjectId,
      tokenHint: hint,
      createdAt: new Date(),
      revokedAt: null,
    };
    await this.repository.transaction(async (tx) => {
      await this.repository.insert({ ...link, tokenHash: hash }, tx);
      await this.events.publish(
        [
          sharingEvent(
            SHARING_EVENTS_OF[subjectKind].shared,
            userId,
            { kind: subjectKind, id: subjectId },
            {
              linkId: link.id,
            },
          ),
        ],
        tx,
      );
    });
    this.logger.log({ message: `${subjectKind} shared`, subjectId, linkId: link.id, userId });
    return { link, token };
  }

  private async revokeActiveLink(
    userId: string,
    subjectKind: ShareSubjectKind,
    subjectId: string,
    tokenOrId: string,
  ): Promise<void> {
    const by = looksLikeShareToken(tokenOrId)
      ? { tokenHash: hashShareToken(tokenOrId) }
      : UUID_PATTERN.test(tokenOrId)
        ? { id: tokenOrId.toLowerCase() }
        : null;
    const link = by && (await this.repository.findActiveOf(userId, subjectKind, subjectId, by));
    if (!link) throw new ShareLinkNotFoundError();
    const revoked = await this.repository.transaction(async (tx) => {
      if (!(await this.repository.revoke(link.id, new Date(), tx))) return false;
      await this.events.publish(
        [
          sharingEvent(
            SHARING_EVENTS_OF[subjectKind].revoked,
            userId,
            { kind: subjectKind, id: subjectId },
            {
              linkId: link.id,
              reason: 'revoked-by-user' as const,
            },
          ),
        ],
        tx,
      );
      return true;
    });
    if (!revoked) throw new ShareLinkNotFoundError();
    this.logger.log({ message: 'share link revoked', subjectKind, subjectId, linkId: link.id, userId });
  }

  /** A shared simulation, or ShareLinkNotFoundError (also for a comparison's link: it has no analysis or tearsheet). */
  async readSharedSimulation(token: string): Promise<SharedSimulation> {
    const shared = await this.readShared(token);
    if (shared.kind !== 'simulation') throw new ShareLinkNotFoundError();
    return shared;
  }

  /** The shared simulation's tearsheet, rendered with nothing of the owner (no simulation id). */
  async sharedTearsheet(token: string): Promise<{ html: string; fileName: string }> {
    const { record, result } = await this.readSharedSimulation(token);
    const rendered = this.tearsheets.renderStored(record, result, 'shared');
    this.logger.log({ message: 'shared tearsheet rendered', bytes: rendered.html.length });
    return rendered;
  }

  private async activeLink(token: string): Promise<ShareLinkRecord> {
    const link = looksLikeShareToken(token) ? await this.repository.findActiveByTokenHash(hashShareToken(token)) : null;
    if (!link) throw new ShareLinkNotFoundError();
    return link;
  }

  private async ownersComparison(link: ShareLinkRecord): Promise<SharedComparison['comparison']> {
    const comparison = await this.orGone(link, () => this.comparisons.getOwned(link.userId, link.subjectId));
    const { result } = comparison;
    // Shared when completed, and a comparison never leaves that state: no result means nothing to show.
    if (comparison.status !== 'completed' || !result) throw new ShareLinkNotFoundError();
    return { ...comparison, result };
  }

  /** Runs `read`; when the shared subject is gone, its links are removed and the answer is a plain 404. */
  private async orGone<T>(link: ShareLinkRecord, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof SimulationNotFoundError) && !(error instanceof ComparisonNotFoundError)) throw error;
      const removed = await this.repository.deleteForSubject(link.subjectKind, link.subjectId);
      this.logger.log({
        message: 'links of a deleted result removed',
        subjectKind: link.subjectKind,
        subjectId: link.subjectId,
        removed,
      });
      throw new ShareLinkNotFoundError();
    }
  }
}
