import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { QUEUE_NAMES } from '../../queue/job-catalogue';
import { JobQueues } from '../../queue/job-queues';
import { MetricsRepository } from './metrics.repository';
import { MetricsService, QUEUE_STATES, ScrapeTimeSource } from './metrics.service';

/**
 * Refreshes the gauges that are read at scrape time: jobs per queue and state, and the outbox lag (how many
 * events wait and the age of the oldest). A failing read keeps the previous values and is logged once.
 */
@Injectable()
export class MetricsCollector implements ScrapeTimeSource, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsCollector.name);
  private lastProblem: string | undefined;

  constructor(
    private readonly queues: JobQueues,
    private readonly repository: MetricsRepository,
  ) {}

  onModuleInit(): void {
    MetricsService.useScrapeTimeSource(this);
  }

  onApplicationShutdown(): void {
    if (MetricsService.isScrapeTimeSource(this)) MetricsService.useScrapeTimeSource(undefined);
  }

  async refresh(metrics: MetricsService): Promise<void> {
    try {
      const [counts, lag] = await Promise.all([
        Promise.all(QUEUE_NAMES.map(async (queue) => ({ queue, counts: await this.queues.counts(queue) }))),
        this.repository.outboxLag(),
      ]);
      for (const { queue, counts: byState } of counts) {
        for (const state of QUEUE_STATES) metrics.queueJobs.set({ queue, state }, byState[state]);
      }
      metrics.outboxUnpublished.set(lag.unpublished);
      metrics.outboxOldestAge.set(
        lag.oldestCreatedAt ? Math.max(0, (Date.now() - lag.oldestCreatedAt.getTime()) / 1000) : 0,
      );
      this.lastProblem = undefined;
    } catch (error) {
      const problem = (error as Error).message;
      if (problem !== this.lastProblem)
        this.logger.warn({ message: 'metrics: queue or outbox figures unavailable', problem });
      this.lastProblem = problem;
    }
  }
}
