import { Module } from '@nestjs/common';
import { SystemGateway } from './system.gateway';

/** Socket.IO gateways that are not a domain's own (the adapter is installed in main.ts / createApp). */
@Module({ providers: [SystemGateway] })
export class RealtimeModule {}
