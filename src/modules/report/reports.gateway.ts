import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Namespace, Socket } from 'socket.io';
import { AppConfig } from '../../config/app-config';
import type { EventEnvelope } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport, ReceivedMessage, Subscription } from '../../events/event-transport';
import { socketUser } from '../../realtime/socket-authenticator';
import { MetricsService } from '../metrics/metrics.service';
import { REPORT_EVENTS } from './report.events';
import { ReportService } from './report.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const room = (reportId: string) => `report:${reportId}`;
const userRoom = (userId: string) => `user:${userId}`;

/** What a subscriber receives first. */
export interface ReportState {
  reportId: string;
  simulationId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

const MESSAGE_BY_EVENT: Record<string, string> = {
  [REPORT_EVENTS.requested]: 'requested',
  [REPORT_EVENTS.started]: 'started',
  [REPORT_EVENTS.progress]: 'progress',
  [REPORT_EVENTS.completed]: 'completed',
  [REPORT_EVENTS.failed]: 'failed',
};

/**
 * Namespace /reports, the SimulationsGateway pattern: an authenticated client receives `requested`,
 * `started`, `progress`, `completed` and `failed` for all of its own reports; `subscribe { reportId }`
 * answers with the current state (or `{ error }`). Fed from the event stream, so a worker in another
 * process reaches every API instance; each instance reads with a consumer group of its own.
 */
@WebSocketGateway({ namespace: '/reports' })
export class ReportsGateway implements OnApplicationBootstrap, OnApplicationShutdown, OnGatewayConnection {
  private readonly logger = new Logger(ReportsGateway.name);
  private subscription: Subscription | undefined;

  @WebSocketServer()
  private readonly namespace!: Namespace;

  constructor(
    private readonly config: AppConfig,
    private readonly reports: ReportService,
    private readonly transport: EventTransport,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    const groupId = `portofino-reports-gateway-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      this.subscription = await this.transport.subscribe(
        { groupId, topics: [EVENT_TOPICS.report], fromBeginning: false },
        (message) => this.forward(message),
      );
    } catch (error) {
      this.logger.error({ message: 'live report events unavailable', error: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  async handleConnection(client: Socket): Promise<void> {
    await client.join(userRoom(socketUser(client).id));
  }

  @SubscribeMessage('subscribe')
  async subscribe(
    @ConnectedSocket() client: Socket,
    @MessageBody() body: { reportId?: unknown } | undefined,
  ): Promise<ReportState | { error: string }> {
    const reportId = body?.reportId;
    if (typeof reportId !== 'string' || !UUID.test(reportId)) {
      return { error: 'subscribe needs { reportId: "<uuid>" }' };
    }
    const report = await this.reports.findById(reportId);
    // Someone else's report reads exactly like a missing one.
    if (!report || report.userId !== socketUser(client).id) return { error: `report ${reportId} not found` };
    await client.join(room(reportId));
    return {
      reportId,
      simulationId: report.simulationId,
      status: report.status,
      phase: report.progress.phase,
      percent: report.progress.percent,
      failureReason: report.failureReason,
    };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() client: Socket, @MessageBody() body: { reportId?: unknown }): Promise<void> {
    if (typeof body?.reportId === 'string') await client.leave(room(body.reportId));
  }

  private async forward(message: ReceivedMessage): Promise<void> {
    this.metrics.gatewayEventConsumed('/reports');
    const envelope = JSON.parse(message.value) as EventEnvelope<Record<string, unknown>>;
    const name = MESSAGE_BY_EVENT[envelope.type];
    const reportId = envelope.reportId;
    if (!name || typeof reportId !== 'string' || typeof envelope.userId !== 'string') return;
    this.namespace
      .to(room(reportId))
      .to(userRoom(envelope.userId))
      .emit(name, { reportId, eventId: envelope.id, occurredAt: envelope.occurredAt, ...envelope.data });
  }
}
