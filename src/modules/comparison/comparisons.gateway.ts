import { WebSocketGateway } from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport } from '../../events/event-transport';
import { OwnedProgressGateway } from '../../realtime/owned-progress.gateway';
import { MetricsService } from '../metrics/metrics.service';
import { COMPARISON_EVENTS } from './comparison.events';
import { ComparisonService } from './comparison.service';

/** What a subscriber receives first. */
export interface ComparisonState {
  comparisonId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

/**
 * Namespace /comparisons: `requested`, `started`, `progress`, `completed` and `failed` for all of the user's
 * comparisons, and `subscribe { comparisonId }` for the current state (the pattern: OwnedProgressGateway).
 */
@WebSocketGateway({ namespace: '/comparisons' })
export class ComparisonsGateway extends OwnedProgressGateway<ComparisonState> {
  constructor(
    config: AppConfig,
    transport: EventTransport,
    metrics: MetricsService,
    private readonly comparisons: ComparisonService,
  ) {
    super(
      {
        namespace: '/comparisons',
        topic: EVENT_TOPICS.comparison,
        subjectField: 'comparisonId',
        subjectName: 'comparison',
        messageByEvent: {
          [COMPARISON_EVENTS.requested]: 'requested',
          [COMPARISON_EVENTS.started]: 'started',
          [COMPARISON_EVENTS.progress]: 'progress',
          [COMPARISON_EVENTS.completed]: 'completed',
          [COMPARISON_EVENTS.failed]: 'failed',
        },
      },
      config,
      transport,
      () => metrics.gatewayEventConsumed('/comparisons'),
    );
  }

  protected async loadState(comparisonId: string): Promise<{ userId: string; state: ComparisonState } | null> {
    const comparison = await this.comparisons.findById(comparisonId);
    if (!comparison) return null;
    return {
      userId: comparison.userId,
      state: {
        comparisonId,
        status: comparison.status,
        phase: comparison.progress.phase,
        percent: comparison.progress.percent,
        failureReason: comparison.failureReason,
      },
    };
  }
}
