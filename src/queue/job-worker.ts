import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { MetricsRecorder } from '../common/metrics-recorder';
import { AppConfig } from '../config/app-config';
import { JOB_NAMES, QUEUE_CONCURRENCY, QueueName, QUEUE_NAMES } from './job-catalogue';
import { JobContext, JobQueues } from './job-queues';
import { HANDLES_JOB, JOB_PROCESSOR } from './job-processor.decorators';

/**
 * In the worker role, finds every @JobProcessor provider, wires its @HandlesJob methods to the queues and
 * refuses to start if a catalogued job has no handler (or a handler names no catalogued job).
 * Each job is logged at start and end with its id.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobWorker.name);

  constructor(
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Optional() private readonly metrics?: MetricsRecorder,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    const handled = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) continue;
      const queue = this.reflector.get<QueueName | undefined>(JOB_PROCESSOR, wrapper.metatype as object as never);
      if (!queue) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[methodName] as (job: JobContext<unknown>) => Promise<unknown>;
        const jobName = this.reflector.get<string | undefined>(HANDLES_JOB, method);
        if (!jobName) continue;
        if (!(JOB_NAMES[queue] as readonly string[]).includes(jobName)) {
          throw new Error(`${wrapper.name}.${methodName} handles "${queue}/${jobName}", which the job catalogue lacks`);
        }
        this.queues.process(
          queue,
          jobName,
          (job) => this.run(queue, job, () => method.call(instance, job)),
          QUEUE_CONCURRENCY[queue] ?? this.config.queue.concurrency,
        );
        handled.add(`${queue}/${jobName}`);
      }
    }
    const missing = QUEUE_NAMES.flatMap((queue) => JOB_NAMES[queue].map((name) => `${queue}/${name}`)).filter(
      (job) => !handled.has(job),
    );
    if (missing.length > 0) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
    this.logger.log(`processing ${[...handled].join(', ')}`);
  }

  private async run(queue: QueueName, job: JobContext<unknown>, work: () => Promise<unknown>): Promise<unknown> {
    const started = Date.now();
    if (job.attemptsMade === 0) this.metrics?.jobStarted(queue, (started - job.enqueuedAt.getTime()) / 1000);
    this.logger.log({ message: 'job started', queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
    try {
      const result = await work();
      this.logger.log({ message: 'job completed', queue, job: job.name, jobId: job.id, ms: Date.now() - started });
      return result;
    } catch (error) {
      this.logger.warn({
        message: 'job failed',
        queue,
        job: job.name,
        jobId: job.id,
        ms: Date.now() - started,
        error: (error as Error).message,
      });
      throw error;
    }
  }
}
