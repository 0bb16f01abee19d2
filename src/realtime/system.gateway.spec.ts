import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, Socket as ClientSocket } from 'socket.io-client';
import { APP_VERSION } from '../common/app-version';
import { AccessTokenVerifier, AuthenticatedUser } from '../common/authenticated-user';
import { parseEnvironment } from '../config/environment.schema';
import { SocketAuthenticator } from './socket-authenticator';
import { ServerHello, SystemGateway } from './system.gateway';

/** No token is valid: /system must not ask for one. */
class RefusingTokens extends AccessTokenVerifier {
  async verify(): Promise<AuthenticatedUser> {
    throw new Error('no token is valid here');
  }
}

/**
 * /system on a real Socket.IO server behind the socket authenticator (wired as Nest's adapter wires it): anyone
 * may connect, is greeted with the server's identity and gets the server time for a ping.
 */
describe('SystemGateway', () => {
  let http: HttpServer;
  let url: string;
  let client: ClientSocket | undefined;

  beforeAll(async () => {
    http = createServer();
    const server = new Server(http, { transports: ['websocket'] });
    new SocketAuthenticator(new RefusingTokens()).install(server);
    const gateway = new SystemGateway(parseEnvironment({ NODE_ENV: 'test' }));
    server.of('/system').on('connection', (socket) => {
      socket.on('ping', (_body: unknown, ack: (answer: unknown) => void) => ack(gateway.ping()));
      gateway.handleConnection(socket);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/system`;
  });

  afterAll(async () => {
    client?.disconnect();
    await new Promise((resolve) => http.close(resolve));
  });

  const isRecent = (iso: string) =>
    Math.abs(Date.parse(iso) - Date.now()) < 60_000 && new Date(iso).toISOString() === iso;

  it('greets a client without a token with the service, version, role and time, and answers ping', async () => {
    client = io(url, { transports: ['websocket'], forceNew: true, autoConnect: false });
    const hello = new Promise<ServerHello>((resolve) => client!.once('hello', resolve));
    client.connect();
    const greeting = await hello;
    expect(greeting).toEqual({
      service: 'portofino',
      version: APP_VERSION,
      role: 'both',
      serverTime: greeting.serverTime,
    });
    expect(isRecent(greeting.serverTime)).toBe(true);

    const pong = (await client.emitWithAck('ping', {})) as { serverTime: string };
    expect(Object.keys(pong)).toEqual(['serverTime']);
    expect(isRecent(pong.serverTime)).toBe(true);
  });
});
