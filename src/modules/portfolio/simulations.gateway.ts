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
import { HistoryService } from '../history/history.service';
import { MetricsService } from '../metrics/metrics.service';
import { SIMULATION_EVENTS } from './portfolio.events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const room = (simulationId: string) => `simulation:${simulationId}`;
const userRoom = (userId: string) => `user:${userId}`;

/** What a subscriber receives first, and what `state` messages carry. */
export interface SimulationState {
  simulationId: string;
  status: string;
  phase: string | null;
  percent: number;
  failureReason: string | null;
}

/** Socket message name for each event type. */
const MESSAGE_BY_EVENT: Record<string, string> = {
  [SIMULATION_EVENTS.requested]: 'requested',
  [SIMULATION_EVENTS.started]: 'started',
  [SIMULATION_EVENTS.progress]: 'progress',
  [SIMULATION_EVENTS.completed]: 'completed',
  [SIMULATION_EVENTS.failed]: 'failed',
};

/**
 * Namespace /simulations: an authenticated client receives `started`, `progress`, `completed` and `failed`
 * messages for all of its own simulations (so it never misses the first ones of a simulation it just
 * submitted); `subscribe { simulationId }` answers with the current state (or `{ error }`) for a client that
 * arrives late. Fed from the event stream (Kafka, or the in-process bus), so progress made by a worker in
 * another process reaches every API instance; each instance reads with a consumer group of its own.
 */
@WebSocketGateway({ namespace: '/simulations' })
export class SimulationsGateway implements OnApplicationBootstrap, OnApplicationShutdown, OnGatewayConnection {
  private readonly logger = new Logger(SimulationsGateway.name);
  private subscription: Subscription | undefined;

  @WebSocketServer()
  private readonly namespace!: Namespace;

  constructor(
    private readonly config: AppConfig,
    private readonly history: HistoryService,
    private readonly transport: EventTransport,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    const groupId = `portofino-simulations-gateway-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      this.subscription = await this.transport.subscribe(
        { groupId, topics: [EVENT_TOPICS.simulation], fromBeginning: false },
        (message) => this.forward(message),
      );
    } catch (error) {
      // Live progress is a convenience: a late subscriber still gets the state from the database.
      this.logger.error({ message: 'live simulation events unavailable', error: (error as Error).message });
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
    @MessageBody() body: { simulationId?: unknown } | undefined,
  ): Promise<SimulationState | { error: string }> {
    const simulationId = body?.simulationId;
    if (typeof simulationId !== 'string' || !UUID.test(simulationId)) {
      return { error: 'subscribe needs { simulationId: "<uuid>" }' };
    }
    const user = socketUser(client);
    const record = await this.history.findById(simulationId);
    // Someone else's simulation reads exactly like a missing one.
    if (!record || record.userId !== user.id) return { error: `simulation ${simulationId} not found` };
    await client.join(room(simulationId));
    return {
      simulationId,
      status: record.status,
      phase: record.progress.phase,
      percent: record.progress.percent,
      failureReason: record.failureReason,
    };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() client: Socket, @MessageBody() body: { simulationId?: unknown }): Promise<void> {
    if (typeof body?.simulationId === 'string') await client.leave(room(body.simulationId));
  }

  private async forward(message: ReceivedMessage): Promise<void> {
    this.metrics.gatewayEventConsumed('/simulations');
    const envelope = JSON.parse(message.value) as EventEnvelope<Record<string, unknown>>;
    const name = MESSAGE_BY_EVENT[envelope.type];
    const simulationId = envelope.simulationId;
    if (!name || typeof simulationId !== 'string' || typeof envelope.userId !== 'string') return;
    // One emit to both rooms: a socket in both receives the message once.
    this.namespace
      .to(room(simulationId))
      .to(userRoom(envelope.userId))
      .emit(name, {
        simulationId,
        eventId: envelope.id,
        occurredAt: envelope.occurredAt,
        ...envelope.data,
      });
  }
}
