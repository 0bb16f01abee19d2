import type { DependencyState } from '../common/dependency-state';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Consumer, Kafka, logLevel, LogEntry, Producer } from 'kafkajs';
import { EventTransport, MessageHandler, Subscription, SubscriptionOptions, TransportMessage } from './event-transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Created (if absent) before the first send or subscription. */
  topics: readonly string[];
  topicPartitions: number;
  replicationFactor: number;
}

const KAFKA_TO_NEST_LEVEL: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Kafka through kafkajs: an idempotent producer (acks from all replicas, one request in flight so a key's
 * events keep their order), topics created at start-up, consumers per group, clean shutdown.
 * Connection is lazy and retried: a broker outage delays delivery (the outbox keeps the events) but never
 * stops the application from starting.
 */
@Injectable()
export class KafkaEventTransport extends EventTransport implements OnApplicationShutdown {
  private static readonly COMMIT_INTERVAL_MS = 1000;
  /** What a batching subscription (batchWithinMs) waits for, at most, before its fetch is answered. */
  private static readonly BATCH_MIN_BYTES = 256 * 1024;
  /** /health answers within a second while the brokers are down: each of its checks is bounded below that. */
  private static readonly HEALTH_TIMEOUT_MS = 500;
  /** The longest a health probe that sees no connection error is awaited. */
  private static readonly HEALTH_LIMIT_MS = 5000;
  /** A connection error this recent means the brokers are unreachable now. */
  private static readonly RECENT_PROBLEM_MS = 10_000;
  /** kafkajs's words for a broker it cannot reach. */
  private static readonly CONNECTION_PROBLEM =
    /Connection (error|timeout)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|No broker available|Failed to connect/i;
  private readonly logger = new Logger(KafkaEventTransport.name);
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer>();
  private ready: Promise<void> | undefined;
  /** The health probe in flight, if any. */
  private probe: Promise<DependencyState> | undefined;
  private lastConnectionProblem: { at: number; message: string } | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logKafka(entry),
    });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Bounded retries: a send that fails is retried by the outbox relay later, so it must not hang forever.
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
    });
    this.admin = this.kafka.admin();
  }

  async send(messages: TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, TransportMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
        topic,
        messages: topicMessages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
    await this.connect();
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      // The broker answers a fetch once it holds minBytes or after maxWaitTimeInMs, whichever comes first.
      ...(options.batchWithinMs
        ? { maxWaitTimeInMs: options.batchWithinMs, minBytes: KafkaEventTransport.BATCH_MIN_BYTES }
        : {}),
    });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
    // Offsets are committed at most once a second, not after every batch (kafkajs's auto-commit sends an
    // OffsetCommit, an append to the broker's offsets log, per batch), and when the subscription closes: a
    // crash may hand a consumer up to a second of events again, which at-least-once delivery allows anyway.
    const handled = new Map<string, { topic: string; partition: number; offset: string }>();
    await consumer.run({
      autoCommit: false,
      autoCommitInterval: KafkaEventTransport.COMMIT_INTERVAL_MS,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, isRunning, isStale }) => {
        const { topic, partition } = batch;
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? '']),
          );
          try {
            await handler({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              headers,
            });
          } catch (error) {
            this.logger.error(
              `handler failed for ${topic}[${partition}]@${message.offset}: ${(error as Error).message}`,
            );
          }
          resolveOffset(message.offset);
          handled.set(`${topic}:${partition}`, { topic, partition, offset: message.offset });
        }
        await commitOffsetsIfNecessary();
      },
    });
    return {
      close: async () => {
        this.consumers.delete(consumer);
        // The next offset to read is the one after the last handled.
        const offsets = [...handled.values()].map(({ topic, partition, offset }) => ({
          topic,
          partition,
          offset: (BigInt(offset) + 1n).toString(),
        }));
        if (offsets.length > 0) await consumer.commitOffsets(offsets).catch(() => undefined);
        await consumer.disconnect();
      },
    };
  }

  /**
   * While the brokers cannot be reached kafkajs retries for seconds before a request fails: once a probe has run
   * HEALTH_TIMEOUT_MS and kafkajs has just reported a connection error (at once when connections are refused,
   * after its connection timeout when they are swallowed), the check says down, naming the error, and the probe
   * goes on in the background (one at a time: later checks wait for the same one). A probe that is merely slow
   * (the first one creates the topics) is awaited, up to HEALTH_LIMIT_MS.
   */
  async health(): Promise<DependencyState> {
    const probe = (this.probe ??= this.describe().finally(() => {
      this.probe = undefined;
    }));
    const started = Date.now();
    for (;;) {
      const settled = await Promise.race([
        probe,
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100).unref()),
      ]);
      if (settled) return settled;
      const elapsed = Date.now() - started;
      const problem = elapsed >= KafkaEventTransport.HEALTH_TIMEOUT_MS ? this.recentConnectionProblem() : undefined;
      if (problem) return this.unreachable(`after ${elapsed} ms (${problem})`);
      if (elapsed >= KafkaEventTransport.HEALTH_LIMIT_MS) return this.unreachable(`after ${elapsed} ms`);
    }
  }

  private unreachable(after: string): DependencyState {
    return { up: false, kind: 'kafka', detail: `no answer from the brokers ${after}` };
  }

  /** The last connection error kafkajs reported, if it is recent. */
  private recentConnectionProblem(): string | undefined {
    const last = this.lastConnectionProblem;
    return last && Date.now() - last.at < KafkaEventTransport.RECENT_PROBLEM_MS ? last.message : undefined;
  }

  private async describe(): Promise<DependencyState> {
    try {
      await this.connect();
      const cluster = await this.admin.describeCluster();
      return { up: true, kind: 'kafka', detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      return { up: false, kind: 'kafka', detail: (error as Error).message };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  /** Connects and creates the topics once; a failure is forgotten so the next call tries again. */
  private connect(): Promise<void> {
    this.ready ??= this.doConnect().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async doConnect(): Promise<void> {
    await this.admin.connect();
    const existing = new Set(await this.admin.listTopics());
    const missing = this.options.topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.topicPartitions,
          replicationFactor: this.options.replicationFactor,
        })),
      });
      this.logger.log(`created topics ${missing.join(', ')}`);
    }
    await this.producer.connect();
  }

  private logKafka(entry: LogEntry): void {
    const level = KAFKA_TO_NEST_LEVEL[entry.level] ?? 'debug';
    const { message, ...extra } = entry.log;
    if (entry.level === logLevel.ERROR && KafkaEventTransport.CONNECTION_PROBLEM.test(message)) {
      this.lastConnectionProblem = { at: Date.now(), message };
    }
    this.logger[level](`${message} ${JSON.stringify(extra)}`);
  }
}
