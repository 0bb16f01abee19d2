import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';

/**
 * Socket.IO on the HTTP server's port (path /socket.io). Browsers from other origins are refused unless
 * listed in CORS_ORIGINS; messages from clients are small, so the buffer is capped.
 */
export class SocketIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 64 * 1024,
      cors: {
        origin: this.config.http.corsOrigins.length > 0 ? this.config.http.corsOrigins : false,
        credentials: true,
      },
    });
  }
}
