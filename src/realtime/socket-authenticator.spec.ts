import { createServer, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import type { AccessTokenVerifier, AuthenticatedUser } from '../common/authenticated-user';
import {
  SOCKET_AUTHENTICATION_REQUIRED,
  SOCKET_TOKEN_EXPIRED,
  SOCKET_TOKEN_EXPIRED_EVENT,
  SOCKET_TOKEN_INVALID,
  SocketAuthenticator,
  socketUser,
} from './socket-authenticator';

const SIGNED_IN_AT = new Date('2026-01-01T00:00:00Z');
const LATER = new Date(Date.now() + 3_600_000);
const user = (expiresAt: Date) => ({ id: 'user-1', email: 'user@example.com', signedInAt: SIGNED_IN_AT, expiresAt });

const verifier: AccessTokenVerifier = {
  verify: async (token: string): Promise<AuthenticatedUser> => {
    if (token === 'short-token') return user(new Date(Date.now() + 300));
    if (token !== 'good-token') throw new Error('bad token');
    return user(LATER);
  },
};

function connect(url: string, token?: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('SocketAuthenticator', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const seen: AuthenticatedUser[] = [];

  beforeAll(async () => {
    http = createServer();
    server = new Server(http);
    new SocketAuthenticator(verifier).install(server);
    // Created after install, as a later domain gateway would be.
    server.of('/simulations').on('connection', (socket) => seen.push(socketUser(socket)));
    server.of('/system');
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses a namespace created later without a token, or with a bad one', async () => {
    await expect(connect(`${url}/simulations`)).rejects.toThrow(SOCKET_AUTHENTICATION_REQUIRED);
    await expect(connect(`${url}/simulations`, 'forged')).rejects.toThrow(SOCKET_TOKEN_INVALID);
  });

  it('admits a valid token (also as "Bearer ...") and hands the user to the gateway', async () => {
    const socket = await connect(`${url}/simulations`, 'good-token');
    const bearer = await connect(`${url}/simulations`, 'Bearer good-token');
    socket.close();
    bearer.close();
    expect(seen).toEqual([user(LATER), user(LATER)]);
  });

  it('disconnects a socket when its token expires, telling it why; its other namespaces stay', async () => {
    const socket = await connect(`${url}/simulations`, 'short-token');
    // /system over the same connection (the same Manager), as the dashboard's sockets share one.
    const system = socket.io.socket('/system');
    await new Promise<void>((resolve) => system.connect().once('connect', () => resolve()));
    const told = new Promise<unknown>((resolve) => socket.once(SOCKET_TOKEN_EXPIRED_EVENT, resolve));
    const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await told).toEqual({ message: SOCKET_TOKEN_EXPIRED });
    // The server ended it on purpose: socket.io-client does not reconnect by itself (the dashboard refreshes first).
    expect(await reason).toBe('io server disconnect');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(system.connected).toBe(true);
    system.close();
  });

  it('guards the main namespace and leaves /system public', async () => {
    await expect(connect(url)).rejects.toThrow(SOCKET_AUTHENTICATION_REQUIRED);
    const system = await connect(`${url}/system`);
    system.close();
  });

  it('refuses everything but public namespaces when no verifier exists (fails closed)', async () => {
    const otherHttp = createServer();
    const other = new Server(otherHttp);
    new SocketAuthenticator(undefined).install(other);
    await new Promise<void>((resolve) => otherHttp.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(otherHttp.address() as AddressInfo).port}`;
    try {
      await expect(connect(otherUrl, 'good-token')).rejects.toThrow(SOCKET_TOKEN_INVALID);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
