import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { EventEnvelope } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';
import { EventTransport, ReceivedMessage, Subscription } from '../../events/event-transport';
import { ReportService } from './report.service';

const HISTORY_DELETED = 'history.deleted';

/**
 * Removes a simulation's reports (files and rows) when its history entry is deleted, by listening to
 * history.deleted on the event stream: the history module knows nothing about reports. Runs where the
 * workers run (they write the files); one consumer group per deployment, so one instance handles each
 * event, and handling it twice is harmless (nothing is left the second time).
 */
@Injectable()
export class ReportCleanupListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private static readonly BATCH_WITHIN_MS = 1000;
  private readonly logger = new Logger(ReportCleanupListener.name);
  private subscription: Subscription | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly reports: ReportService,
    private readonly transport: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorker) return;
    const prefix = this.config.events.kind === 'kafka' ? this.config.events.clientId : 'portofino';
    try {
      this.subscription = await this.transport.subscribe(
        // From the beginning for a new group: a deletion made before the first start is not missed.
        // It needs only history.deleted but reads every history event: fetched a second's worth at a time.
        {
          groupId: `${prefix}-report-cleanup`,
          topics: [EVENT_TOPICS.history],
          fromBeginning: true,
          batchWithinMs: ReportCleanupListener.BATCH_WITHIN_MS,
        },
        (message) => this.handle(message),
      );
    } catch (error) {
      this.logger.error({ message: 'report clean-up unavailable', error: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  private async handle(message: ReceivedMessage): Promise<void> {
    const envelope = JSON.parse(message.value) as EventEnvelope;
    if (envelope.type !== HISTORY_DELETED || typeof envelope.simulationId !== 'string') return;
    await this.reports.removeForSimulation(envelope.simulationId);
  }
}
