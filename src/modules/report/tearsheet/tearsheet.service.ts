import { Injectable, Logger } from '@nestjs/common';
import { analyseSeries, DEFAULT_OPTIONS, parseCommand } from '../../../engine';
import { HistoryService } from '../../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../../history/history.types';
import { reportContent } from '../report-content';
import { SimulationFailedError, SimulationNotCompletedError } from '../report.errors';
import { reportFileName } from '../report.service';
import { renderTearsheet } from './tearsheet.html';

export const TEARSHEET_CONTENT_TYPE = 'text/html; charset=utf-8';

/** `portofino-<command slug>-<day>-tearsheet.html`, named as the workbook is. */
export function tearsheetFileName(canonical: string, day: Date): string {
  return reportFileName(canonical, day).replace(/\.xlsx$/, '-tearsheet.html');
}

/** The tearsheet of a user's completed simulation, rendered on request from its stored result (a few ms, no job). */
@Injectable()
export class TearsheetService {
  private readonly logger = new Logger(TearsheetService.name);

  constructor(private readonly history: HistoryService) {}

  async render(userId: string, simulationId: string): Promise<{ html: string; fileName: string }> {
    const { record, result } = await this.history.getDetail(userId, simulationId);
    if (record.status === 'failed') throw new SimulationFailedError(simulationId, record.failureReason);
    if (!result) throw new SimulationNotCompletedError(simulationId, record.status);
    const rendered = this.renderStored(record, result, 'owner');
    this.logger.log({ message: 'tearsheet rendered', simulationId, userId, bytes: rendered.html.length });
    return rendered;
  }

  /**
   * The tearsheet of a stored result, with no access check: the caller has done it (the owner's route above, or a
   * share link). For `shared`, nothing identifies the owner's simulation (no id); the rest is the result itself.
   */
  renderStored(
    record: SimulationRecord,
    result: StoredSimulationResult,
    audience: 'owner' | 'shared',
  ): { html: string; fileName: string } {
    const now = new Date();
    const content = reportContent(record, result, now);
    const parsed = parseCommand(record.canonical);
    const options = parsed.ok ? parsed.command.options : DEFAULT_OPTIONS;
    const analysis = analyseSeries({
      dates: result.series.dates,
      dailyReturn: result.series.dailyReturn,
      drawdown: result.series.drawdown,
      benchmarkCloses: result.series.benchmark,
      riskFreeRate: options.riskFreePercent / 100,
    });
    const html = renderTearsheet({ content, analysis, shared: audience === 'shared' });
    return { html, fileName: tearsheetFileName(record.canonical, now) };
  }
}
