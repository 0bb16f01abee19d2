import type { Socket } from 'socket.io';
import type { DependencyState } from '../../src/common/dependency-state';
import { parseEnvironment } from '../../src/config/environment.schema';
import { type DomainEvent, toEnvelope } from '../../src/events/event-envelope';
import { EVENT_TOPICS } from '../../src/events/event-topics';
import {
  EventTransport,
  type MessageHandler,
  type Subscription,
  type SubscriptionOptions,
} from '../../src/events/event-transport';

/**
 * Fakes for a gateway built on OwnedProgressGateway, without Socket.IO or a broker: a transport that hands the
 * gateway's handler events to deliver, a namespace that lists what was emitted to which rooms, and sockets of a
 * signed-in user that list the rooms they joined.
 */

/** The configuration of one embedded process (API and worker: its gateways subscribe). */
export const apiConfig = () => parseEnvironment({ NODE_ENV: 'test' });

/** The configuration of a worker-only process (its gateways do not subscribe). */
export const workerConfig = () =>
  parseEnvironment(
    {
      NODE_ENV: 'test',
      REDIS_URL: 'redis://localhost:6379',
      DATABASE_URL: 'postgres://localhost/portofino',
      KAFKA_BROKERS: 'localhost:9092',
    },
    { role: 'worker' },
  );

export class CapturingTransport extends EventTransport {
  options: SubscriptionOptions | undefined;
  closed = false;
  private handler: MessageHandler | undefined;

  async send(): Promise<void> {
    throw new Error('a gateway only reads events');
  }

  async subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
    this.options = options;
    this.handler = handler;
    return {
      close: async () => {
        this.closed = true;
      },
    };
  }

  async health(): Promise<DependencyState> {
    return { up: true, kind: 'fake' };
  }

  /** Hands one event to the gateway as the transport would (its JSON envelope). */
  async deliver(event: DomainEvent): Promise<void> {
    if (!this.handler) throw new Error('the gateway has not subscribed');
    const envelope = toEnvelope(event, new Date('2026-12-04T00:00:00Z'));
    await this.handler({
      topic: event.topic,
      key: event.key,
      value: JSON.stringify(envelope),
      headers: {},
      partition: 0,
      offset: '0',
    });
  }

  /** An account.deleted event of `userId`. */
  deliverAccountDeleted(userId: string): Promise<void> {
    return this.deliver({
      topic: EVENT_TOPICS.account,
      key: userId,
      type: 'account.deleted',
      version: 1,
      userId,
      data: {},
    });
  }
}

export interface Emitted {
  rooms: string[];
  name: string;
  payload: Record<string, unknown>;
}

/** The parts of a Socket.IO namespace the gateway uses; `listening` are the rooms this instance's sockets are in. */
export class FakeNamespace {
  readonly emitted: Emitted[] = [];
  readonly disconnected: string[] = [];
  readonly adapter = { rooms: new Map<string, Set<string>>() };

  listen(...rooms: string[]): void {
    for (const room of rooms) this.adapter.rooms.set(room, new Set(['socket']));
  }

  to(rooms: string[]) {
    return {
      emit: (name: string, payload: Record<string, unknown>) => {
        this.emitted.push({ rooms, name, payload });
        return true;
      },
    };
  }

  in(room: string) {
    return { disconnectSockets: () => this.disconnected.push(room) };
  }
}

/** Gives a gateway its namespace, as Nest does for @WebSocketServer(). */
export function attachNamespace(gateway: object, namespace: FakeNamespace): void {
  Object.assign(gateway, { server: namespace });
}

/** A socket of a signed-in user; `joined` lists the rooms it is in. */
export function userSocket(userId: string): { socket: Socket; joined: Set<string> } {
  const joined = new Set<string>();
  const fake = {
    id: `socket-of-${userId}`,
    nsp: { name: '/fake' },
    data: { user: { id: userId, email: `${userId}@example.com`, signedInAt: new Date(0), expiresAt: new Date() } },
    join: async (room: string) => {
      joined.add(room);
    },
    leave: async (room: string) => {
      joined.delete(room);
    },
  };
  // The gateway uses only these members of a Socket.
  return { socket: fake as unknown as Socket, joined };
}
