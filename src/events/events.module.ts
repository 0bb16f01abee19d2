import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ALL_EVENT_TOPICS } from './event-topics';
import { EventPublisher } from './event-publisher';
import { EventTransport } from './event-transport';
import { InProcessEventTransport } from './in-process-event.transport';
import { KafkaEventTransport } from './kafka-event.transport';
import { OUTBOX_POLL_MS, OutboxRelay } from './outbox-relay';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxPruneProcessor } from './outbox-prune.processor';
import { OutboxRepository } from './outbox.repository';

/**
 * Domain events: EventPublisher (write through the outbox) and EventTransport (subscribe), on Kafka when
 * KAFKA_BROKERS is set, on the in-process bus otherwise.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity])],
  providers: [
    {
      provide: EventTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig): EventTransport =>
        config.events.kind === 'kafka'
          ? new KafkaEventTransport({ ...config.events, topics: ALL_EVENT_TOPICS })
          : new InProcessEventTransport(),
    },
    { provide: OUTBOX_POLL_MS, inject: [AppConfig], useFactory: (config: AppConfig) => config.events.outboxPollMs },
    OutboxRepository,
    OutboxRelay,
    EventPublisher,
    OutboxPruneProcessor,
  ],
  exports: [EventPublisher, EventTransport],
})
export class EventsModule {}
