import { Logger } from '@nestjs/common';
import type { Namespace, Server, Socket } from 'socket.io';
import type { AccessTokenVerifier, AuthenticatedUser } from '../common/authenticated-user';

/** Namespaces anyone may join: /system only says whether the live connection is up. */
export const PUBLIC_NAMESPACES: ReadonlySet<string> = new Set(['/system']);

export const SOCKET_AUTHENTICATION_REQUIRED =
  'authentication required: connect with auth: { token: "<access token>" } (POST /auth/login or /auth/refresh gives one)';
export const SOCKET_TOKEN_INVALID = 'invalid or expired access token: refresh it at POST /auth/refresh and reconnect';

/** Sent to a socket just before it is disconnected because its access token expired. */
export const SOCKET_TOKEN_EXPIRED_EVENT = 'token_expired';
export const SOCKET_TOKEN_EXPIRED =
  'your access token expired: refresh it at POST /auth/refresh and connect again with the new one';

/** setTimeout's longest delay (about 24.8 days); access tokens live a day at most. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The user a socket authenticated as (set on connection for every namespace except the public ones). */
export function socketUser(socket: Socket): AuthenticatedUser {
  const user = (socket.data as { user?: AuthenticatedUser }).user;
  if (!user) throw new Error(`socket ${socket.id} on ${socket.nsp.name} has no authenticated user`);
  return user;
}

/**
 * Socket.IO's counterpart of the HTTP guard: every namespace except PUBLIC_NAMESPACES, including ones created
 * later by domain gateways (/simulations, /reports), refuses a connection whose handshake has no valid access
 * token (`io(url, { auth: { token } })`). The client sees `connect_error` with the message. The verified user is
 * in `socket.data.user` (see socketUser). Fails closed when no verifier is registered. A socket lives no longer
 * than its token: when the token expires the socket receives `token_expired` and is disconnected (the client
 * refreshes its token and connects again).
 */
export class SocketAuthenticator {
  private readonly logger = new Logger(SocketAuthenticator.name);

  constructor(private readonly verifier: AccessTokenVerifier | undefined) {}

  /** Guards the namespaces that exist now and every one created afterwards. */
  install(server: Server): void {
    server.on('new_namespace', (namespace: Namespace) => this.guard(namespace));
    this.guard(server.of('/'));
  }

  private guard(namespace: Namespace): void {
    if (PUBLIC_NAMESPACES.has(namespace.name)) return;
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        (user) => {
          (socket.data as { user?: AuthenticatedUser }).user = user;
          this.disconnectAtExpiry(socket, user.expiresAt);
          next();
        },
        (error: Error) => {
          this.logger.debug({ message: 'socket refused', namespace: namespace.name, reason: error.message });
          next(error);
        },
      );
    });
  }

  /** Only this namespace's socket: the client's other namespaces share the connection and keep their own tokens. */
  private disconnectAtExpiry(socket: Socket, expiresAt: Date): void {
    const timer = setTimeout(
      () => {
        this.logger.debug({ message: 'socket token expired', namespace: socket.nsp.name, socketId: socket.id });
        socket.emit(SOCKET_TOKEN_EXPIRED_EVENT, { message: SOCKET_TOKEN_EXPIRED });
        socket.disconnect();
      },
      Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS),
    );
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }

  private async authenticate(socket: Socket): Promise<AuthenticatedUser> {
    const raw = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof raw !== 'string' || raw.trim() === '') throw new Error(SOCKET_AUTHENTICATION_REQUIRED);
    const token = raw.replace(/^Bearer\s+/i, '').trim();
    if (!this.verifier) throw new Error(SOCKET_TOKEN_INVALID);
    try {
      return await this.verifier.verify(token);
    } catch {
      throw new Error(SOCKET_TOKEN_INVALID);
    }
  }
}
