import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { JobData } from '../../queue/job-catalogue';
import { JobContext, JobQueues } from '../../queue/job-queues';
import { HandlesJob, JobProcessor } from '../../queue/job-processor.decorators';
import { PortfolioService } from './portfolio.service';

/**
 * Nothing submitted is lost: if Redis refused a job after its simulation row was committed, this sweep
 * (every minute, in the worker) enqueues it again. Job ids are simulation ids, so nothing runs twice.
 */
@Injectable()
@JobProcessor('maintenance')
export class SimulationRequeueProcessor implements OnApplicationBootstrap {
  static readonly EVERY_MS = 60_000;
  static readonly OLDER_THAN_SECONDS = 60;

  constructor(
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly portfolio: PortfolioService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorker) return;
    await this.queues.add(
      'maintenance',
      'simulations.requeue',
      { olderThanSeconds: SimulationRequeueProcessor.OLDER_THAN_SECONDS },
      { jobId: 'simulations-requeue', repeatEveryMs: SimulationRequeueProcessor.EVERY_MS },
    );
  }

  @HandlesJob<'maintenance'>('simulations.requeue')
  async requeue(job: JobContext<JobData<'maintenance', 'simulations.requeue'>>): Promise<{ requeued: number }> {
    return { requeued: await this.portfolio.requeueStuck(job.data.olderThanSeconds) };
  }
}
