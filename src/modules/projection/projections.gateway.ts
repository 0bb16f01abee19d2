import { WebSocketGateway } from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport } from '../../events/event-transport';
import { OwnedProgressGateway } from '../../realtime/owned-progress.gateway';
import { MetricsService } from '../metrics/metrics.service';
import { PROJECTION_EVENTS } from './projection.events';
import { ProjectionService } from './projection.service';

/** What a subscriber receives first. */
export interface ProjectionState {
  projectionId: string;
  simulationId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

/**
 * Namespace /projections: `requested`, `started`, `progress`, `completed` and `failed` for all of the user's
 * projections, and `subscribe { projectionId }` for the current state (the pattern: OwnedProgressGateway).
 */
@WebSocketGateway({ namespace: '/projections' })
export class ProjectionsGateway extends OwnedProgressGateway<ProjectionState> {
  constructor(
    config: AppConfig,
    transport: EventTransport,
    metrics: MetricsService,
    private readonly projections: ProjectionService,
  ) {
    super(
      {
        namespace: '/projections',
        topic: EVENT_TOPICS.projection,
        subjectField: 'projectionId',
        subjectName: 'projection',
        messageByEvent: {
          [PROJECTION_EVENTS.requested]: 'requested',
          [PROJECTION_EVENTS.started]: 'started',
          [PROJECTION_EVENTS.progress]: 'progress',
          [PROJECTION_EVENTS.completed]: 'completed',
          [PROJECTION_EVENTS.failed]: 'failed',
        },
      },
      config,
      transport,
      () => metrics.gatewayEventConsumed('/projections'),
    );
  }

  protected async loadState(projectionId: string): Promise<{ userId: string; state: ProjectionState } | null> {
    const projection = await this.projections.findById(projectionId);
    if (!projection) return null;
    return {
      userId: projection.userId,
      state: {
        projectionId,
        simulationId: projection.simulationId,
        status: projection.status,
        phase: projection.progress.phase,
        percent: projection.progress.percent,
        failureReason: projection.failureReason,
      },
    };
  }
}
