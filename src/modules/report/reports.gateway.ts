import { WebSocketGateway } from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport } from '../../events/event-transport';
import { OwnedProgressGateway } from '../../realtime/owned-progress.gateway';
import { MetricsService } from '../metrics/metrics.service';
import { REPORT_EVENTS } from './report.events';
import { ReportService } from './report.service';

/** What a subscriber receives first. */
export interface ReportState {
  reportId: string;
  simulationId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

/**
 * Namespace /reports: `requested`, `started`, `progress`, `completed` and `failed` for all of the user's reports,
 * and `subscribe { reportId }` for the current state (the pattern: OwnedProgressGateway).
 */
@WebSocketGateway({ namespace: '/reports' })
export class ReportsGateway extends OwnedProgressGateway<ReportState> {
  constructor(
    config: AppConfig,
    transport: EventTransport,
    metrics: MetricsService,
    private readonly reports: ReportService,
  ) {
    super(
      {
        namespace: '/reports',
        topic: EVENT_TOPICS.report,
        subjectField: 'reportId',
        subjectName: 'report',
        messageByEvent: {
          [REPORT_EVENTS.requested]: 'requested',
          [REPORT_EVENTS.started]: 'started',
          [REPORT_EVENTS.progress]: 'progress',
          [REPORT_EVENTS.completed]: 'completed',
          [REPORT_EVENTS.failed]: 'failed',
        },
      },
      config,
      transport,
      () => metrics.gatewayEventConsumed('/reports'),
    );
  }

  protected async loadState(reportId: string): Promise<{ userId: string; state: ReportState } | null> {
    const report = await this.reports.findById(reportId);
    if (!report) return null;
    return {
      userId: report.userId,
      state: {
        reportId,
        simulationId: report.simulationId,
        status: report.status,
        phase: report.progress.phase,
        percent: report.progress.percent,
        failureReason: report.failureReason,
      },
    };
  }
}
