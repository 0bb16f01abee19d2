import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bull';
import type { AppConfig } from '../config/app-config';
import { BullJobQueues } from './bull-job-queues';
import { InMemoryJobQueues } from './in-memory-job-queues';
import { QUEUE_NAMES } from './job-catalogue';
import { JobQueues } from './job-queues';
import { JobRecovery } from './job-recovery';
import { JobWorker } from './job-worker';

/** JobQueues on Bull (@nestjs/bull registers the Redis-backed queues) or in process, decided at start-up. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const base = { module: QueueModule, global: true, exports: [JobQueues, JobRecovery] };
    if (config.queue.kind === 'memory') {
      return {
        ...base,
        imports: [DiscoveryModule],
        providers: [{ provide: JobQueues, useClass: InMemoryJobQueues }, JobWorker, JobRecovery],
      };
    }
    const { enqueueTimeoutMs } = config.queue;
    return {
      ...base,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({
          redis: config.queue.redisUrl,
          prefix: config.queue.prefix,
          // A job whose worker died is "stalled" once its lock expires, then run again (once) by another worker.
          settings: {
            lockDuration: config.queue.lockMs,
            stalledInterval: config.queue.stalledCheckMs,
            maxStalledCount: 1,
          },
        }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [
        {
          provide: JobQueues,
          inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
          useFactory: (...queues: Queue[]) =>
            new BullJobQueues(new Map(QUEUE_NAMES.map((name, index) => [name, queues[index]])), {
              enqueueTimeoutMs,
              // /health answers within a second whatever is down: each check is bounded below that.
              healthTimeoutMs: 500,
            }),
        },
        JobWorker,
        JobRecovery,
      ],
    };
  }
}
