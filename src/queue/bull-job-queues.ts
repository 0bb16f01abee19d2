import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import type { DependencyState } from '../common/dependency-state';
import type { JobData, JobName, QueueName } from './job-catalogue';
import {
  EnqueueOptions,
  JobHandler,
  JobQueues,
  JobSnapshot,
  JobState,
  NonRetryableJobError,
  QueueCounts,
  QueueUnavailableError,
} from './job-queues';

/** Bull's reason for a job it failed because its workers kept stopping (moveStalledJobsToWait). */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

export interface BullJobQueuesOptions {
  /** Longest wait for enqueue() (QUEUE_ENQUEUE_TIMEOUT_MS). */
  enqueueTimeoutMs: number;
  /** Longest wait for the health check's PING. */
  healthTimeoutMs: number;
}

/** Rejects with `error()` when `work` has not settled after `ms`; the work itself goes on. */
function within<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const BULL_STATE: Record<string, JobState> = {
  waiting: 'waiting',
  paused: 'waiting',
  delayed: 'delayed',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
};

/** Bull on Redis: jobs cross processes and survive restarts; stalled jobs of a crashed worker are retried. */
@Injectable()
export class BullJobQueues extends JobQueues implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BullJobQueues.name);

  constructor(
    private readonly queues: ReadonlyMap<QueueName, Queue>,
    private readonly options: BullJobQueuesOptions = { enqueueTimeoutMs: 500, healthTimeoutMs: 500 },
  ) {
    super();
  }

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options: EnqueueOptions = {},
  ): Promise<JobSnapshot<JobData<Q, J>>> {
    const job = await this.queue(queue).add(name, data, this.bullOptions(options));
    return (await this.snapshot(queue, job)) as JobSnapshot<JobData<Q, J>>;
  }

  /**
   * One script call (Bull's addJob); the state is not read back. While Redis is unreachable ioredis holds the
   * command and retries it for about 13 s: the caller waits QUEUE_ENQUEUE_TIMEOUT_MS at most.
   */
  override async enqueue<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const adding = this.queue(queue).add(name, data, this.bullOptions(options));
    // A late rejection (Redis stayed away) must not surface as an unhandled one.
    adding.catch(() => undefined);
    const job = await within(
      adding,
      this.options.enqueueTimeoutMs,
      () => new QueueUnavailableError(`Redis did not store the job within ${this.options.enqueueTimeoutMs} ms`),
    );
    return String(job.id);
  }

  async getJob(queue: QueueName, id: string): Promise<JobSnapshot | null> {
    const job = await this.queue(queue).getJob(id);
    return job ? this.snapshot(queue, job) : null;
  }

  async retry(queue: QueueName, id: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(id);
    if (!job) return false;
    try {
      await job.retry();
      return true;
    } catch {
      // Not failed (any more), or locked by a worker that took it meanwhile.
      return false;
    }
  }

  async remove(queue: QueueName, id: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(id);
    const state = job ? await job.getState() : undefined;
    if (!job || (state !== 'completed' && state !== 'failed')) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts = await this.queue(queue).getJobCounts();
    return {
      waiting: counts.waiting,
      delayed: counts.delayed,
      active: counts.active,
      completed: counts.completed,
      failed: counts.failed,
    };
  }

  process(queue: QueueName, name: string, handler: JobHandler, concurrency: number): void {
    void this.queue(queue).process(name, concurrency, async (job: Job) => {
      try {
        return await handler({
          id: String(job.id),
          name: job.name,
          data: job.data as unknown,
          attemptsMade: job.attemptsMade,
          attempts: job.opts.attempts ?? 1,
          enqueuedAt: new Date(job.timestamp),
          reportProgress: async (progress) => {
            await job.progress(progress);
          },
        });
      } catch (error) {
        // Retrying cannot help: tell Bull to skip the remaining attempts.
        if (error instanceof NonRetryableJobError) job.discard();
        throw error;
      }
    });
  }

  async health(): Promise<DependencyState> {
    const [first] = this.queues.values();
    const ms = this.options.healthTimeoutMs;
    try {
      const pinging = first.client.ping();
      pinging.catch(() => undefined);
      const reply = await within(pinging, ms, () => new Error(`no reply within ${ms} ms`));
      return { up: reply === 'PONG', kind: 'redis', detail: `bull queues: ${[...this.queues.keys()].join(', ')}` };
    } catch (error) {
      return { up: false, kind: 'redis', detail: (error as Error).message };
    }
  }

  /** Before the database closes: waits for active jobs to finish; a job cut off by a crash is recovered as stalled. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.logger.log('queues closed');
  }

  private bullOptions(options: EnqueueOptions): JobOptions {
    return {
      jobId: options.jobId,
      attempts: options.attempts ?? 1,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
      timeout: options.timeoutMs,
      delay: options.delayMs,
      repeat: options.repeatEveryMs ? { every: options.repeatEveryMs } : undefined,
      // Keep recent results for status look-ups without letting Redis grow forever.
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
    };
  }

  private queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`queue "${name}" is not registered`);
    return queue;
  }

  private async snapshot(queue: QueueName, fetched: Job): Promise<JobSnapshot> {
    const state = BULL_STATE[await fetched.getState()] ?? 'waiting';
    // The job may have finished between reading it and reading its state: read a finished one again,
    // so that its state and its result agree.
    const job =
      state === 'completed' || state === 'failed' ? ((await this.queue(queue).getJob(fetched.id)) ?? fetched) : fetched;
    return {
      id: String(job.id),
      queue,
      name: job.name,
      data: job.data as unknown,
      state,
      // Bull counts failed tries only; a completed job also made its successful one.
      attemptsMade: job.attemptsMade + (state === 'completed' ? 1 : 0),
      progress: job.progress(),
      returnValue: job.returnvalue ?? null,
      failedReason: job.failedReason ?? null,
      workerLost: state === 'failed' && job.failedReason === STALLED_TOO_OFTEN,
      enqueuedAt: new Date(job.timestamp),
      startedAt: job.processedOn ? new Date(job.processedOn) : null,
    };
  }
}
