import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { JobData } from '../queue/job-catalogue';
import { JobContext, JobQueues } from '../queue/job-queues';
import { JobRecovery } from '../queue/job-recovery';
import { HandlesJob, JobProcessor } from '../queue/job-processor.decorators';
import { OutboxRepository } from './outbox.repository';

type PruneJob = JobData<'maintenance', 'outbox.prune'>;

/**
 * Keeps the outbox small: published events are kept a week for inspection, then deleted hourly. The schedule is
 * a repeatable job stored in Redis: the recovery sweep adds it again (a no-op while it exists) in case Redis lost it.
 */
@Injectable()
@JobProcessor('maintenance')
export class OutboxPruneProcessor implements OnModuleInit, OnApplicationBootstrap {
  static readonly KEEP_HOURS = 7 * 24;
  static readonly EVERY_MS = 3600_000;

  constructor(
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly outbox: OutboxRepository,
    private readonly recovery: JobRecovery,
  ) {}

  onModuleInit(): void {
    this.recovery.register('outbox prune schedule', () => this.schedule());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runsWorker) await this.schedule();
  }

  private async schedule(): Promise<void> {
    await this.queues.add(
      'maintenance',
      'outbox.prune',
      { olderThanHours: OutboxPruneProcessor.KEEP_HOURS },
      { jobId: 'outbox-prune', repeatEveryMs: OutboxPruneProcessor.EVERY_MS },
    );
  }

  @HandlesJob<'maintenance'>('outbox.prune')
  async prune(job: JobContext<PruneJob>): Promise<{ deleted: number }> {
    const before = new Date(Date.now() - job.data.olderThanHours * 3600_000);
    return { deleted: await this.outbox.deletePublishedBefore(before) };
  }
}
