import { Injectable, Logger } from '@nestjs/common';
import { ComparisonService } from '../comparison/comparison.service';
import type { ComparisonRecord } from '../comparison/comparison.types';
import { ComparisonNotCompletedError } from './report.errors';
import { XLSX_CONTENT_TYPE } from '../../http/file-attachment';
import { reportFileName } from './report.service';
import { buildComparisonWorkbook } from './workbook/comparison-workbook';

export interface ComparisonWorkbook {
  content: Buffer;
  fileName: string;
  contentType: string;
}

/**
 * Comparison workbooks, built on request: a comparison's stored result is all it needs, and the writer yields to
 * the event loop every few milliseconds (buildComparisonWorkbook), so a build never holds other requests up. One
 * build runs at a time in a process (the others wait their turn), so a burst of downloads costs one core, not all.
 */
@Injectable()
export class ComparisonWorkbookService {
  private readonly logger = new Logger(ComparisonWorkbookService.name);
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly comparisons: ComparisonService) {}

  /** The workbook of the user's own completed comparison. */
  async forOwner(userId: string, comparisonId: string): Promise<ComparisonWorkbook> {
    return this.build(await this.comparisons.getOwned(userId, comparisonId));
  }

  /** The workbook of a completed comparison (the caller has checked who may read it). */
  async build(comparison: ComparisonRecord): Promise<ComparisonWorkbook> {
    const { result } = comparison;
    if (comparison.status !== 'completed' || !result) {
      throw new ComparisonNotCompletedError(comparison.id, comparison.status);
    }
    const generatedAt = new Date();
    const content = await this.inTurn(async () => {
      const started = Date.now();
      const built = await buildComparisonWorkbook(result, generatedAt);
      this.logger.log({
        message: 'comparison workbook built',
        comparisonId: comparison.id,
        members: result.members.length,
        bytes: built.length,
        durationMs: Date.now() - started,
      });
      return built;
    });
    const names = result.members.map((member) => member.name).join(' vs ');
    return { content, fileName: reportFileName(`comparison ${names}`, generatedAt), contentType: XLSX_CONTENT_TYPE };
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const mine = this.turn.then(work, work);
    this.turn = mine.catch(() => undefined);
    return mine;
  }
}
