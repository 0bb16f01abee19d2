import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { AccessTokenVerifier } from '../common/authenticated-user';
import { MetricsRecorder } from '../common/metrics-recorder';
import type { AppConfig } from '../config/app-config';
import { SocketAuthenticator } from './socket-authenticator';

/**
 * Socket.IO on the HTTP server's port (path /socket.io). Browsers from other origins are refused unless
 * listed in CORS_ORIGINS; messages from clients are small, so the buffer is capped. Every namespace but /system
 * requires an access token in the handshake (SocketAuthenticator).
 */
export class SocketIoAdapter extends IoAdapter {
  constructor(
    private readonly appContext: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(appContext);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 64 * 1024,
      cors: {
        origin: this.config.http.corsOrigins.length > 0 ? this.config.http.corsOrigins : false,
        credentials: true,
      },
    }) as Server;
    new SocketAuthenticator(this.verifier()).install(server);
    this.optional(MetricsRecorder)?.watchSocketServer(server);
    return server;
  }

  /** The auth module's verifier, if the module graph has one (a graph without it refuses every guarded socket). */
  private verifier(): AccessTokenVerifier | undefined {
    return this.optional(AccessTokenVerifier);
  }

  private optional<T>(type: abstract new (...args: never[]) => T): T | undefined {
    try {
      return this.appContext.get(type, { strict: false });
    } catch {
      return undefined;
    }
  }
}
