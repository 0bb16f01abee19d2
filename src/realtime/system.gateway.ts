import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { APP_VERSION } from '../common/app-version';
import { AppConfig } from '../config/app-config';

export interface ServerHello {
  service: 'portofino';
  version: string;
  role: string;
  serverTime: string;
}

/**
 * Namespace /system: greets each client with the server's identity, answers `ping` with the server time.
 * The dashboard uses it to show whether its live connection is up; domain gateways sit beside it.
 */
@WebSocketGateway({ namespace: '/system' })
export class SystemGateway implements OnGatewayConnection {
  private readonly logger = new Logger(SystemGateway.name);

  constructor(private readonly config: AppConfig) {}

  handleConnection(client: Socket): void {
    this.logger.debug({ message: 'socket connected', namespace: '/system', socketId: client.id });
    client.emit('hello', this.hello());
  }

  @SubscribeMessage('ping')
  ping(): { serverTime: string } {
    return { serverTime: new Date().toISOString() };
  }

  private hello(): ServerHello {
    return {
      service: 'portofino',
      version: APP_VERSION,
      role: this.config.role,
      serverTime: new Date().toISOString(),
    };
  }
}
