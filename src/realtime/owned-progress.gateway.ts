import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketServer,
} from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Namespace, Socket } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import type { EventEnvelope } from '../events/event-envelope';
import { EVENT_TOPICS } from '../events/event-topics';
import type { EventTransport, ReceivedMessage, Subscription } from '../events/event-transport';
import { socketUser } from './socket-authenticator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** On portofino.account.events.v1: the user's sockets are closed wherever they are connected. */
const ACCOUNT_DELETED = 'account.deleted';
const userRoom = (userId: string) => `user:${userId}`;

/** What a concrete gateway declares: where its events come from and how its subjects are named. */
export interface OwnedProgressChannel {
  /** Socket.IO namespace, e.g. /simulations. */
  namespace: string;
  /** Topic of the domain's events. */
  topic: string;
  /** Envelope field holding the subject's id (simulationId, reportId); also the subscribe message's field. */
  subjectField: string;
  /** Word for the subject in messages ("simulation"). */
  subjectName: string;
  /** Socket message name for each event type that is forwarded. */
  messageByEvent: Readonly<Record<string, string>>;
}

/**
 * The live-progress gateway pattern, shared by /simulations and /reports. An authenticated client receives the
 * forwarded messages of all of its own subjects (a user room, so it never misses the first messages of
 * something it just submitted); `subscribe { <subjectField> }` answers with the current state from the
 * database (or `{ error }`) for a client that arrives late — someone else's subject reads exactly like a
 * missing one. Fed from the event stream (Kafka or the in-process bus), so a worker in another process
 * reaches every API instance; each instance reads with a consumer group of its own. A deleted account's sockets
 * are disconnected on every instance (account.deleted).
 */
export abstract class OwnedProgressGateway<TState extends object>
  implements OnApplicationBootstrap, OnApplicationShutdown, OnGatewayConnection
{
  private readonly logger = new Logger(this.constructor.name);
  private subscription: Subscription | undefined;

  @WebSocketServer()
  private readonly server!: Namespace;

  protected constructor(
    private readonly channel: OwnedProgressChannel,
    private readonly config: AppConfig,
    private readonly transport: EventTransport,
    private readonly onEventConsumed: () => void = () => undefined,
  ) {}

  /** The subject's owner and current state, or null when it does not exist. */
  protected abstract loadState(id: string): Promise<{ userId: string; state: TState } | null>;

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    const groupId = `portofino${this.channel.namespace.replace('/', '-')}-gateway-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    try {
      this.subscription = await this.transport.subscribe(
        { groupId, topics: [this.channel.topic, EVENT_TOPICS.account], fromBeginning: false },
        (message) => this.forward(message),
      );
    } catch (error) {
      // Live progress is a convenience: a late subscriber still gets the state from the database.
      this.logger.error({ message: `live ${this.channel.subjectName} events unavailable`, error: String(error) });
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
    @MessageBody() body: Record<string, unknown> | undefined,
  ): Promise<TState | { error: string }> {
    const { subjectField, subjectName } = this.channel;
    const id = body?.[subjectField];
    if (typeof id !== 'string' || !UUID.test(id)) return { error: `subscribe needs { ${subjectField}: "<uuid>" }` };
    const found = await this.loadState(id);
    if (!found || found.userId !== socketUser(client).id) return { error: `${subjectName} ${id} not found` };
    await client.join(this.room(id));
    return found.state;
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() client: Socket, @MessageBody() body: Record<string, unknown>): Promise<void> {
    const id = body?.[this.channel.subjectField];
    if (typeof id === 'string') await client.leave(this.room(id));
  }

  private room(id: string): string {
    return `${this.channel.subjectName}:${id}`;
  }

  private async forward(message: ReceivedMessage): Promise<void> {
    this.onEventConsumed();
    const envelope = JSON.parse(message.value) as EventEnvelope<Record<string, unknown>>;
    if (envelope.type === ACCOUNT_DELETED) {
      if (typeof envelope.userId === 'string') this.server.in(userRoom(envelope.userId)).disconnectSockets();
      return;
    }
    const name = this.channel.messageByEvent[envelope.type];
    const id = envelope[this.channel.subjectField];
    if (!name || typeof id !== 'string' || typeof envelope.userId !== 'string') return;
    const rooms = [this.room(id), userRoom(envelope.userId)];
    // Nobody here is listening (the rooms of this instance's sockets): skip encoding a message for no one.
    if (!rooms.some((room) => this.server.adapter.rooms.has(room))) return;
    // One emit to both rooms: a socket in both receives the message once.
    this.server.to(rooms).emit(name, {
      [this.channel.subjectField]: id,
      eventId: envelope.id,
      occurredAt: envelope.occurredAt,
      ...envelope.data,
    });
  }
}
