import type { DependencyState } from '../common/dependency-state';
import { Injectable, Logger } from '@nestjs/common';
import {
  EventTransport,
  MessageHandler,
  ReceivedMessage,
  Subscription,
  SubscriptionOptions,
  TransportMessage,
} from './event-transport';

interface GroupSubscriber {
  topics: Set<string>;
  handler: MessageHandler;
  queue: ReceivedMessage[];
  draining: boolean;
}

/**
 * The embedded event bus: same contract as Kafka inside one process. Each topic keeps its log in memory
 * (bounded), so `fromBeginning` subscribers replay what was sent before they joined; each group receives
 * every message once, in send order.
 */
@Injectable()
export class InProcessEventTransport extends EventTransport {
  private static readonly RETAINED_PER_TOPIC = 10_000;
  private readonly logger = new Logger(InProcessEventTransport.name);
  private readonly logs = new Map<string, ReceivedMessage[]>();
  private readonly offsets = new Map<string, number>();
  private readonly groups = new Map<string, GroupSubscriber>();

  async send(messages: TransportMessage[]): Promise<void> {
    for (const message of messages) {
      const offset = this.offsets.get(message.topic) ?? 0;
      this.offsets.set(message.topic, offset + 1);
      const received: ReceivedMessage = {
        ...message,
        headers: { ...message.headers },
        partition: 0,
        offset: String(offset),
      };
      const log = this.logs.get(message.topic) ?? [];
      log.push(received);
      if (log.length > InProcessEventTransport.RETAINED_PER_TOPIC) log.shift();
      this.logs.set(message.topic, log);
      for (const subscriber of this.groups.values()) {
        if (subscriber.topics.has(message.topic)) this.enqueue(subscriber, received);
      }
    }
  }

  async subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
    if (this.groups.has(options.groupId)) {
      throw new Error(`event consumer group "${options.groupId}" is already subscribed in this process`);
    }
    const subscriber: GroupSubscriber = { topics: new Set(options.topics), handler, queue: [], draining: false };
    this.groups.set(options.groupId, subscriber);
    if (options.fromBeginning) {
      const history = options.topics.flatMap((topic) => this.logs.get(topic) ?? []);
      for (const message of history) this.enqueue(subscriber, message);
    }
    return {
      close: async () => {
        this.groups.delete(options.groupId);
        subscriber.queue.length = 0;
      },
    };
  }

  async health(): Promise<DependencyState> {
    return { up: true, kind: 'in-process' };
  }

  private enqueue(subscriber: GroupSubscriber, message: ReceivedMessage): void {
    subscriber.queue.push(message);
    if (!subscriber.draining) void this.drain(subscriber);
  }

  /** One message at a time per group, like a single-partition consumer; a failing handler is logged, not retried forever. */
  private async drain(subscriber: GroupSubscriber): Promise<void> {
    subscriber.draining = true;
    await Promise.resolve();
    while (subscriber.queue.length > 0) {
      const message = subscriber.queue.shift() as ReceivedMessage;
      try {
        await subscriber.handler(message);
      } catch (error) {
        this.logger.error(`handler failed for ${message.topic}@${message.offset}: ${(error as Error).message}`);
      }
    }
    subscriber.draining = false;
  }
}
