import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvent, envelopeHeaders, EventEnvelope, toEnvelope } from './event-envelope';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/**
 * The one way domains emit events. Events are written to the outbox — inside the caller's transaction when
 * it passes its EntityManager, so an event exists exactly when the state change it describes does — and the
 * relay publishes them to Kafka (or the in-process bus) right after.
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async publish(events: DomainEvent[], transaction?: EntityManager): Promise<EventEnvelope[]> {
    const now = new Date();
    const envelopes = events.map((event) => toEnvelope(event, now));
    await this.outbox.add(
      envelopes.map((envelope, index) => ({
        id: envelope.id,
        topic: events[index].topic,
        key: events[index].key,
        type: envelope.type,
        payload: JSON.stringify(envelope),
        headers: envelopeHeaders(envelope),
        createdAt: now,
      })),
      transaction,
    );
    // Inside a transaction the rows become visible at commit: publish right after it.
    if (transaction) this.outbox.whenCommitted(transaction, () => this.relay.kick());
    else this.relay.kick();
    return envelopes;
  }
}
