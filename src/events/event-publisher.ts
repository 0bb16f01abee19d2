import { Injectable } from '@nestjs/common';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { DomainEvent, envelopeHeaders, EventEnvelope, toEnvelope } from './event-envelope';
import { OutboxRelay } from './outbox-relay';
import { NewOutboxEvent, OutboxRepository } from './outbox.repository';

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
    const { rows, envelopes } = this.outboxRows(events);
    await this.outbox.add(rows, transaction);
    // Inside a transaction the rows become visible at commit: publish right after it.
    if (transaction) this.outbox.whenCommitted(transaction, () => this.relay.kick());
    else this.relay.kick();
    return envelopes;
  }

  /**
   * publish() for a state change written as one SQL statement (a WITH … on PostgreSQL: one round trip, no
   * transaction to open and commit): the outbox INSERT that ends that statement, and `committed()` to call once
   * it has run, which publishes the events at once. The events exist exactly when the state change does, as
   * with publish() in a transaction. `onlyIfAny` names a part of that WITH (PostgreSQL): the events are written
   * only if it returned a row, for a state change that may find nothing to change.
   */
  inStatement(events: DomainEvent[], options: { onlyIfAny?: string } = {}): EventsInStatement {
    const { rows, envelopes } = this.outboxRows(events);
    return { ...this.outbox.insertStatement(rows, options.onlyIfAny), envelopes, committed: () => this.relay.kick() };
  }

  private outboxRows(events: DomainEvent[]): { rows: NewOutboxEvent[]; envelopes: EventEnvelope[] } {
    const now = new Date();
    const envelopes = events.map((event) => toEnvelope(event, now));
    const rows = envelopes.map((envelope, index) => ({
      id: envelope.id,
      topic: events[index].topic,
      key: events[index].key,
      type: envelope.type,
      payload: JSON.stringify(envelope),
      headers: envelopeHeaders(envelope),
      createdAt: now,
    }));
    return { rows, envelopes };
  }
}

/** See EventPublisher.inStatement. */
export interface EventsInStatement {
  /** INSERT INTO event_outbox …, with :outbox… parameters. */
  sql: string;
  parameters: ObjectLiteral;
  envelopes: EventEnvelope[];
  committed(): void;
}
