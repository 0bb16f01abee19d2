import type { DependencyState } from '../common/dependency-state';
import type { JobData, JobName, QueueName } from './job-catalogue';

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface EnqueueOptions {
  /** Deduplicates: adding a job whose id exists returns the existing job. */
  jobId?: string;
  /** Total tries, including the first (default 1). */
  attempts?: number;
  /** First retry delay; doubles each retry (default 1000 ms). */
  backoffMs?: number;
  /** A try that runs longer fails (default: none). */
  timeoutMs?: number;
  delayMs?: number;
  /** Repeats the job at this interval (maintenance); with jobId, one schedule however often it is added. */
  repeatEveryMs?: number;
}

export interface JobSnapshot<TData = unknown> {
  id: string;
  queue: QueueName;
  name: string;
  data: TData;
  state: JobState;
  attemptsMade: number;
  progress: unknown;
  returnValue: unknown;
  failedReason: string | null;
  /**
   * A failed job whose handler never decided: the workers running it stopped (crashed, were killed) more often
   * than the queue allows, so it was failed without running to the end. Its record still says queued or running.
   */
  workerLost: boolean;
  enqueuedAt: Date;
  startedAt: Date | null;
}

export interface JobContext<TData> {
  id: string;
  name: string;
  data: TData;
  /** Tries made before this one. */
  attemptsMade: number;
  /** Tries allowed in all (EnqueueOptions.attempts): the last try is attemptsMade + 1 === attempts. */
  attempts: number;
  enqueuedAt: Date;
  reportProgress(progress: number | object): Promise<void>;
}

export type JobHandler<TData = unknown> = (job: JobContext<TData>) => Promise<unknown>;

export type QueueCounts = Record<JobState, number>;

/** Thrown by a handler when trying again cannot help (bad input, missing data): the job fails at once. */
export class NonRetryableJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableJobError';
  }
}

/**
 * The queue did not store a job in time (Redis unreachable or too slow): the producer goes on without it. The
 * record of the work is durable in the database, so the recovery sweep (JobRecovery) enqueues it later; should
 * the late store still land, job ids keep it from running twice.
 */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}

/**
 * The queues: Bull on Redis when REDIS_URL is set, an in-process queue with the same behaviour otherwise.
 * Producers call add(); workers register handlers through @JobProcessor/@HandlesJob (see job-worker.ts).
 */
export abstract class JobQueues {
  abstract add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options?: EnqueueOptions,
  ): Promise<JobSnapshot<JobData<Q, J>>>;

  /**
   * add() for producers that only need the job stored: resolves with its id, without reading its state back
   * (on Bull that read is several Redis round trips, on the hot path of POST /simulate). Bounded: rejects with
   * QueueUnavailableError when the queue does not answer within QUEUE_ENQUEUE_TIMEOUT_MS.
   */
  async enqueue<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options?: EnqueueOptions,
  ): Promise<string> {
    return (await this.add(queue, name, data, options)).id;
  }

  abstract getJob(queue: QueueName, id: string): Promise<JobSnapshot | null>;

  /**
   * Runs a failed job once more, with its id and data (its tries are used up, so this try is its last);
   * false when there is no such failed job (gone, or no longer failed: someone retried it first).
   */
  abstract retry(queue: QueueName, id: string): Promise<boolean>;

  /** Removes a finished job, so that its id can be enqueued again; false when there is none (or it runs). */
  abstract remove(queue: QueueName, id: string): Promise<boolean>;

  abstract counts(queue: QueueName): Promise<QueueCounts>;

  /** Starts consuming `name` jobs of `queue` (worker role only). */
  abstract process(queue: QueueName, name: string, handler: JobHandler, concurrency: number): void;

  abstract health(): Promise<DependencyState>;
}
