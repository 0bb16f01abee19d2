import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { MetricsRecorder } from '../common/metrics-recorder';
import { EventTransport } from './event-transport';
import { OutboxRepository } from './outbox.repository';

export const OUTBOX_POLL_MS = Symbol('OUTBOX_POLL_MS');

/**
 * Publishes outbox rows in order: immediately when kicked (after a commit that wrote some) — waiting, if another
 * process's relay is publishing, until it is done — and on a timer to pick up anything else and to retry after
 * a broker outage. Each batch is marked published only after the transport acknowledged it, so delivery is
 * at-least-once and nothing is lost. After a failure the relay backs off (doubling up to 30 s), so a process
 * that cannot reach the broker does not hog the publishing lock that relays in other processes need.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private static readonly BATCH_SIZE = 500;
  private static readonly MAX_BACKOFF_MS = 30_000;
  private static readonly GATHER_MS = 3;
  /** First wait before trying again when another relay kept the publishing lock too long (doubles, up to the poll). */
  private static readonly BUSY_RETRY_MS = 10;
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private kickedWhileRunning = false;
  private stopped = false;
  private lastFailure: string | undefined;
  private backoffMs = 0;
  private pausedUntil = 0;
  private busyRetry: NodeJS.Timeout | undefined;
  private busyRetryMs = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: EventTransport,
    @Inject(OUTBOX_POLL_MS) private readonly pollMs: number,
    @Optional() private readonly metrics?: MetricsRecorder,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Before the database and the broker connections close: let the running batch finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.busyRetry) clearTimeout(this.busyRetry);
    await this.running;
  }

  /** Asks for a flush soon; calls while a flush runs coalesce into one more pass. */
  kick(): void {
    if (this.stopped || Date.now() < this.pausedUntil) return;
    if (this.running) {
      this.kickedWhileRunning = true;
      return;
    }
    // A few milliseconds of patience turn a burst of commits into one batch (one transaction, one send).
    this.running = new Promise((resolve) => setTimeout(resolve, OutboxRelay.GATHER_MS))
      .then(() => this.flush())
      .then(() => {
        this.running = undefined;
        if (this.kickedWhileRunning) {
          this.kickedWhileRunning = false;
          this.kick();
        }
      });
  }

  /**
   * Another process's relay kept the publishing lock longer than this one waits (a slow or unreachable broker):
   * it may have read its batch before this process's last commit, so try again soon, backing off.
   */
  private retryWhenFree(): void {
    if (this.busyRetry || this.stopped) return;
    this.busyRetryMs = Math.min(Math.max(this.busyRetryMs * 2, OutboxRelay.BUSY_RETRY_MS), this.pollMs);
    this.busyRetry = setTimeout(() => {
      this.busyRetry = undefined;
      this.kick();
    }, this.busyRetryMs);
    this.busyRetry.unref();
  }

  /** Sends a batch; a refused batch counts its events as publication failures. */
  private async sendCounted(messages: Parameters<EventTransport['send']>[0]): Promise<void> {
    try {
      await this.transport.send(messages);
    } catch (error) {
      this.metrics?.eventPublishFailed(messages.length);
      throw error;
    }
  }

  /** Publishes until the outbox is empty or the transport fails; returns how many were published. */
  async flush(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const { published, busy } = await this.outbox.publishBatch(OutboxRelay.BATCH_SIZE, (events) =>
          this.sendCounted(
            events.map((event) => ({
              topic: event.topic,
              key: event.key,
              value: event.payload,
              headers: event.headers,
            })),
          ),
        );
        total += published;
        if (busy) {
          this.retryWhenFree();
          break;
        }
        this.busyRetryMs = 0;
        if (published < OutboxRelay.BATCH_SIZE || this.stopped) break;
      }
      if (this.lastFailure) this.logger.log('event publication resumed');
      this.lastFailure = undefined;
      this.backoffMs = 0;
    } catch (error) {
      const message = (error as Error).message;
      // Log a failure once, not on every poll while the broker stays down.
      if (message !== this.lastFailure) this.logger.warn(`events kept in the outbox, publication failed: ${message}`);
      this.lastFailure = message;
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, this.pollMs), OutboxRelay.MAX_BACKOFF_MS);
      this.pausedUntil = Date.now() + this.backoffMs;
    }
    return total;
  }
}
