import type { DependencyState } from '../common/dependency-state';

/** A message as it travels: the key keeps one aggregate's events in order (one Kafka partition). */
export interface TransportMessage {
  topic: string;
  key: string;
  /** The serialized event envelope (JSON). */
  value: string;
  headers: Record<string, string>;
}

export interface ReceivedMessage extends TransportMessage {
  partition: number;
  offset: string;
}

export interface SubscriptionOptions {
  /** Consumers sharing a group id share the work; each group sees every message once. */
  groupId: string;
  topics: string[];
  /** Read topics from their start instead of only new messages. */
  fromBeginning?: boolean;
  /**
   * For handlers that are not in a hurry: messages may wait up to this long to be fetched together, so a busy
   * topic costs a few large fetches instead of many small ones. Default: fetched as soon as they arrive.
   */
  batchWithinMs?: number;
}

export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface Subscription {
  close(): Promise<void>;
}

/**
 * Moves serialized events between processes: Kafka when KAFKA_BROKERS is set, an in-process bus otherwise.
 * Domains do not use it directly: they publish through EventPublisher (the outbox) and read through
 * subscribe().
 */
export abstract class EventTransport {
  /** Sends in order; resolves once every message is acknowledged. */
  abstract send(messages: TransportMessage[]): Promise<void>;
  abstract subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription>;
  abstract health(): Promise<DependencyState>;
}
