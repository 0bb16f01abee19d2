import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { io, Socket as ClientSocket } from 'socket.io-client';
import { AccessTokenVerifier, AuthenticatedUser } from '../common/authenticated-user';
import { parseEnvironment } from '../config/environment.schema';
import { EVENT_TOPICS } from '../events/event-topics';
import { InProcessEventTransport } from '../events/in-process-event.transport';
import { OwnedProgressGateway } from './owned-progress.gateway';
import { SOCKET_AUTHENTICATION_REQUIRED, SOCKET_TOKEN_INVALID, SocketAuthenticator } from './socket-authenticator';

const TOPIC = 'portofino.widget.events.v1';

interface WidgetState {
  widgetId: string;
  status: string;
}

/** A gateway of the pattern over widgets kept in a map. */
class WidgetsGateway extends OwnedProgressGateway<WidgetState> {
  readonly widgets = new Map<string, { userId: string; state: WidgetState }>();
  consumed = 0;

  constructor(transport: InProcessEventTransport, role: 'both' | 'worker' = 'both') {
    super(
      {
        namespace: '/widgets',
        topic: TOPIC,
        subjectField: 'widgetId',
        subjectName: 'widget',
        messageByEvent: { 'widget.progress': 'progress', 'widget.completed': 'completed' },
      },
      parseEnvironment({ NODE_ENV: 'test', ...(role === 'worker' ? SEPARATE_PROCESSES : {}) }, { role }),
      transport,
      () => {
        this.consumed += 1;
      },
    );
  }

  protected async loadState(id: string): Promise<{ userId: string; state: WidgetState } | null> {
    return this.widgets.get(id) ?? null;
  }
}

/** A separate role needs shared services in its configuration; nothing here connects to them. */
const SEPARATE_PROCESSES = {
  REDIS_URL: 'redis://127.0.0.1:1',
  DATABASE_URL: 'postgres://127.0.0.1:1/x',
  KAFKA_BROKERS: '127.0.0.1:1',
};

/** Access tokens that are simply the user's id. */
class UserIdTokens extends AccessTokenVerifier {
  async verify(token: string): Promise<AuthenticatedUser> {
    if (!token.startsWith('user-')) throw new Error('bad token');
    return {
      id: token,
      email: `${token}@example.com`,
      signedInAt: new Date(),
      expiresAt: new Date(Date.now() + 600_000),
    };
  }
}

/**
 * The live-progress pattern on a real Socket.IO server and client (no Nest: the gateway is wired as Nest's adapter
 * wires it) and the in-process event bus: who may connect, what each user receives, and what `subscribe` answers.
 */
describe('OwnedProgressGateway', () => {
  let http: HttpServer;
  let url: string;
  let transport: InProcessEventTransport;
  let gateway: WidgetsGateway;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    http = createServer();
    const server = new Server(http, { transports: ['websocket'] });
    new SocketAuthenticator(new UserIdTokens()).install(server);
    transport = new InProcessEventTransport();
    gateway = new WidgetsGateway(transport);
    const namespace = server.of('/widgets');
    // What @WebSocketServer() and @SubscribeMessage() do under Nest.
    Reflect.set(gateway, 'server', namespace);
    namespace.on('connection', (socket) => {
      socket.on('subscribe', (body: Record<string, unknown>, ack: (answer: unknown) => void) => {
        void gateway.subscribe(socket, body).then(ack);
      });
      socket.on('unsubscribe', (body: Record<string, unknown>, ack: () => void) => {
        void gateway.unsubscribe(socket, body).then(ack);
      });
      void gateway.handleConnection(socket);
    });
    await gateway.onApplicationBootstrap();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/widgets`;
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  afterAll(async () => {
    await gateway.onApplicationShutdown();
    await new Promise((resolve) => http.close(resolve));
  });

  function connect(token?: string): Promise<ClientSocket> {
    const client = io(url, { transports: ['websocket'], forceNew: true, ...(token ? { auth: { token } } : {}) });
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('connect_error', reject);
    });
  }

  /** Everything a client receives, by message name, in order. */
  function inbox(client: ClientSocket): [string, Record<string, unknown>][] {
    const received: [string, Record<string, unknown>][] = [];
    client.onAny((name: string, payload: Record<string, unknown>) => received.push([name, payload]));
    return received;
  }

  async function publish(type: string, userId: string, subject: Record<string, string>, data: object, topic = TOPIC) {
    const envelope = {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: '2026-12-04T05:00:00.000Z',
      userId,
      ...subject,
      data,
    };
    await transport.send([{ topic, key: userId, value: JSON.stringify(envelope), headers: {} }]);
    return envelope;
  }

  /** Sends a marker event to `userId` and waits for `client` to receive it: whatever came before has arrived. */
  async function settled(client: ClientSocket, userId: string): Promise<void> {
    const marker = randomUUID();
    const arrived = new Promise<void>((resolve) =>
      client.on('completed', (payload: { widgetId: string }) => {
        if (payload.widgetId === marker) resolve();
      }),
    );
    await publish('widget.completed', userId, { widgetId: marker }, {});
    await arrived;
  }

  const user = () => `user-${randomUUID()}`;

  it('refuses a connection without a token or with an invalid one', async () => {
    await expect(connect()).rejects.toThrow(SOCKET_AUTHENTICATION_REQUIRED);
    await expect(connect('forged')).rejects.toThrow(SOCKET_TOKEN_INVALID);
  });

  it("forwards each of the user's own events as its message, never another user's or an unknown type", async () => {
    const ann = user();
    const client = await connect(ann);
    const received = inbox(client);
    const widgetId = randomUUID();
    const progress = await publish('widget.progress', ann, { widgetId }, { phase: 'building', percent: 40 });
    await publish('widget.progress', user(), { widgetId: randomUUID() }, { percent: 10 });
    await publish('widget.archived', ann, { widgetId }, {});
    await settled(client, ann);

    expect(received.slice(0, -1)).toEqual([
      [
        'progress',
        { widgetId, eventId: progress.id, occurredAt: '2026-12-04T05:00:00.000Z', phase: 'building', percent: 40 },
      ],
    ]);
    expect(gateway.consumed).toBeGreaterThanOrEqual(4);
  });

  it("answers subscribe with the state of the user's own subject only; someone else's reads as missing", async () => {
    const ann = user();
    const mine = randomUUID();
    const theirs = randomUUID();
    gateway.widgets.set(mine, { userId: ann, state: { widgetId: mine, status: 'running' } });
    gateway.widgets.set(theirs, { userId: user(), state: { widgetId: theirs, status: 'running' } });
    const client = await connect(ann);
    const subscribe = (body: unknown) => client.emitWithAck('subscribe', body);

    expect(await subscribe({ widgetId: mine })).toEqual({ widgetId: mine, status: 'running' });
    expect(await subscribe({ widgetId: theirs })).toEqual({ error: `widget ${theirs} not found` });
    const missing = randomUUID();
    expect(await subscribe({ widgetId: missing })).toEqual({ error: `widget ${missing} not found` });
    expect(await subscribe({ widgetId: 'not-a-uuid' })).toEqual({ error: 'subscribe needs { widgetId: "<uuid>" }' });
    expect(await subscribe(undefined)).toEqual({ error: 'subscribe needs { widgetId: "<uuid>" }' });
  });

  it('delivers an event once to a socket in both its user room and the subject room', async () => {
    const ann = user();
    const widgetId = randomUUID();
    gateway.widgets.set(widgetId, { userId: ann, state: { widgetId, status: 'queued' } });
    const client = await connect(ann);
    await client.emitWithAck('subscribe', { widgetId });
    const received = inbox(client);
    await publish('widget.progress', ann, { widgetId }, { percent: 50 });
    await settled(client, ann);
    expect(received.filter(([name]) => name === 'progress')).toHaveLength(1);
    await client.emitWithAck('unsubscribe', { widgetId });
  });

  it("disconnects a deleted account's sockets and no one else's", async () => {
    const ann = user();
    const bob = user();
    const annClient = await connect(ann);
    const bobClient = await connect(bob);
    const annGone = new Promise<string>((resolve) => annClient.once('disconnect', resolve));
    await publish('account.deleted', ann, {}, { reason: 'deleted-by-user' }, EVENT_TOPICS.account);
    expect(await annGone).toBe('io server disconnect');
    await settled(bobClient, bob);
    expect(bobClient.connected).toBe(true);
  });

  it('subscribes to the event stream only in processes that serve the API', async () => {
    const workerTransport = new InProcessEventTransport();
    const worker = new WidgetsGateway(workerTransport, 'worker');
    await worker.onApplicationBootstrap();
    // A consumer of the same bus, subscribed after the gateway would be: once it has the message, so would the gateway.
    const probed = new Promise<void>((resolve) => {
      void workerTransport.subscribe({ groupId: 'probe', topics: [TOPIC] }, async () => resolve());
    });
    await workerTransport.send([{ topic: TOPIC, key: 'k', value: '{"type":"widget.progress"}', headers: {} }]);
    await probed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(worker.consumed).toBe(0);
    await worker.onApplicationShutdown();
  });
});
