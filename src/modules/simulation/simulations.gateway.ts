import { WebSocketGateway } from '@nestjs/websockets';
import { AppConfig } from '../../config/app-config';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport } from '../../events/event-transport';
import { OwnedProgressGateway } from '../../realtime/owned-progress.gateway';
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import { SIMULATION_EVENTS } from './simulation.events';

/** What a subscriber receives first. */
export interface SimulationState {
  simulationId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

/**
 * Namespace /simulations: `started`, `progress`, `completed` and `failed` for all of the user's simulations,
 * and `subscribe { simulationId }` for the current state (the pattern: OwnedProgressGateway).
 */
@WebSocketGateway({ namespace: '/simulations' })
export class SimulationsGateway extends OwnedProgressGateway<SimulationState> {
  constructor(
    config: AppConfig,
    transport: EventTransport,
    metrics: MetricsService,
    private readonly history: HistoryService,
  ) {
    super(
      {
        namespace: '/simulations',
        topic: EVENT_TOPICS.simulation,
        subjectField: 'simulationId',
        subjectName: 'simulation',
        messageByEvent: {
          [SIMULATION_EVENTS.requested]: 'requested',
          [SIMULATION_EVENTS.started]: 'started',
          [SIMULATION_EVENTS.progress]: 'progress',
          [SIMULATION_EVENTS.completed]: 'completed',
          [SIMULATION_EVENTS.failed]: 'failed',
        },
      },
      config,
      transport,
      () => metrics.gatewayEventConsumed('/simulations'),
    );
  }

  protected async loadState(simulationId: string): Promise<{ userId: string; state: SimulationState } | null> {
    const record = await this.history.findById(simulationId);
    if (!record) return null;
    return {
      userId: record.userId,
      state: {
        simulationId,
        status: record.status,
        phase: record.progress.phase,
        percent: record.progress.percent,
        failureReason: record.failureReason,
      },
    };
  }
}
