import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
} from './job-queues';

interface StoredJob {
  snapshot: JobSnapshot;
  options: Required<Pick<EnqueueOptions, 'attempts' | 'backoffMs'>> & EnqueueOptions;
}

interface Registration {
  handler: JobHandler;
  concurrency: number;
  active: number;
}

/**
 * The embedded queue (no Redis): Bull's semantics that PortoFino relies on — job ids that deduplicate,
 * attempts with exponential back-off, timeouts, non-retryable failures, repeat, per-handler concurrency —
 * inside one process. Jobs do not survive a restart; that is what Redis is for.
 */
@Injectable()
export class InMemoryJobQueues extends JobQueues implements BeforeApplicationShutdown {
  private static readonly KEEP_FINISHED = 1000;
  private readonly logger = new Logger(InMemoryJobQueues.name);
  private readonly jobs = new Map<string, StoredJob>();
  private readonly waiting = new Map<QueueName, string[]>();
  private readonly finished: string[] = [];
  private readonly registrations = new Map<string, Registration>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The latest job of each repeating schedule (queue:job id or name). */
  private readonly schedules = new Map<string, JobSnapshot>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    name: J,
    data: JobData<Q, J>,
    options: EnqueueOptions = {},
  ): Promise<JobSnapshot<JobData<Q, J>>> {
    if (options.repeatEveryMs) {
      // One schedule per job id (or name), however often it is added, as on Bull.
      const schedule = `${queue}:${options.jobId ?? name}`;
      const latest = this.schedules.get(schedule);
      if (latest) return { ...latest } as JobSnapshot<JobData<Q, J>>;
      return this.store(queue, name, data, options, schedule) as JobSnapshot<JobData<Q, J>>;
    }
    return this.store(queue, name, data, options) as JobSnapshot<JobData<Q, J>>;
  }

  private store(
    queue: QueueName,
    name: string,
    data: unknown,
    options: EnqueueOptions,
    schedule?: string,
  ): JobSnapshot {
    const id = options.jobId ?? randomUUID();
    const existing = this.jobs.get(this.storeKey(queue, id));
    if (existing) return { ...existing.snapshot };
    const snapshot: JobSnapshot = {
      id,
      queue,
      name,
      data,
      state: 'waiting',
      attemptsMade: 0,
      progress: 0,
      returnValue: null,
      failedReason: null,
      workerLost: false,
      enqueuedAt: new Date(),
      startedAt: null,
    };
    this.jobs.set(this.storeKey(queue, id), {
      snapshot,
      options: { attempts: 1, backoffMs: 1000, ...options },
    });
    if (options.repeatEveryMs && schedule) {
      this.schedules.set(schedule, snapshot);
      this.scheduleRepeat(queue, name, data, options.repeatEveryMs, schedule);
    }
    if (options.delayMs) this.delay(snapshot, options.delayMs);
    else this.makeWaiting(snapshot);
    return { ...snapshot };
  }

  async getJob(queue: QueueName, id: string): Promise<JobSnapshot | null> {
    const stored = this.jobs.get(this.storeKey(queue, id));
    return stored ? { ...stored.snapshot } : null;
  }

  async retry(queue: QueueName, id: string): Promise<boolean> {
    const stored = this.jobs.get(this.storeKey(queue, id));
    if (!stored || stored.snapshot.state !== 'failed' || this.closed) return false;
    this.unfinish(stored.snapshot);
    stored.snapshot.failedReason = null;
    this.makeWaiting(stored.snapshot);
    return true;
  }

  async remove(queue: QueueName, id: string): Promise<boolean> {
    const key = this.storeKey(queue, id);
    const stored = this.jobs.get(key);
    if (!stored || (stored.snapshot.state !== 'completed' && stored.snapshot.state !== 'failed')) return false;
    this.unfinish(stored.snapshot);
    this.jobs.delete(key);
    return true;
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts: QueueCounts = { waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 };
    for (const { snapshot } of this.jobs.values()) if (snapshot.queue === queue) counts[snapshot.state] += 1;
    return counts;
  }

  process(queue: QueueName, name: string, handler: JobHandler, concurrency: number): void {
    this.registrations.set(`${queue}:${name}`, { handler, concurrency, active: 0 });
    this.pump(queue);
  }

  async health(): Promise<DependencyState> {
    return { up: !this.closed, kind: 'in-process' };
  }

  /** Before the database closes: running jobs finish, waiting ones are dropped (they live in memory only). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private storeKey(queue: QueueName, id: string): string {
    return `${queue}:${id}`;
  }

  private makeWaiting(snapshot: JobSnapshot): void {
    snapshot.state = 'waiting';
    const list = this.waiting.get(snapshot.queue) ?? [];
    list.push(snapshot.id);
    this.waiting.set(snapshot.queue, list);
    this.pump(snapshot.queue);
  }

  private delay(snapshot: JobSnapshot, ms: number): void {
    snapshot.state = 'delayed';
    this.later(ms, () => this.makeWaiting(snapshot));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(timer);
  }

  private scheduleRepeat(queue: QueueName, name: string, data: unknown, everyMs: number, schedule: string): void {
    this.later(everyMs, () => {
      this.store(queue, name, data, { repeatEveryMs: everyMs }, schedule);
    });
  }

  /** Starts every waiting job of the queue whose handler has a free slot, oldest first. */
  private pump(queue: QueueName): void {
    if (this.closed) return;
    const list = this.waiting.get(queue) ?? [];
    for (let index = 0; index < list.length;) {
      const stored = this.jobs.get(this.storeKey(queue, list[index]));
      const registration = stored && this.registrations.get(`${queue}:${stored.snapshot.name}`);
      if (!stored || !registration || registration.active >= registration.concurrency) {
        index += 1;
        continue;
      }
      list.splice(index, 1);
      const run = this.run(stored, registration);
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }
  }

  private async run(stored: StoredJob, registration: Registration): Promise<void> {
    const { snapshot, options } = stored;
    registration.active += 1;
    snapshot.state = 'active';
    snapshot.startedAt = new Date();
    try {
      const work = registration.handler({
        id: snapshot.id,
        name: snapshot.name,
        data: snapshot.data,
        attemptsMade: snapshot.attemptsMade,
        attempts: options.attempts,
        enqueuedAt: snapshot.enqueuedAt,
        reportProgress: async (progress) => {
          snapshot.progress = progress;
        },
      });
      snapshot.returnValue = (await this.withTimeout(work, options.timeoutMs)) ?? null;
      snapshot.attemptsMade += 1;
      this.finish(snapshot, 'completed');
    } catch (error) {
      snapshot.attemptsMade += 1;
      snapshot.failedReason = (error as Error).message;
      const retryable = !(error instanceof NonRetryableJobError);
      if (retryable && snapshot.attemptsMade < options.attempts && !this.closed) {
        this.delay(snapshot, options.backoffMs * 2 ** (snapshot.attemptsMade - 1));
      } else {
        this.logger.warn(`job ${snapshot.queue}/${snapshot.name} ${snapshot.id} failed: ${snapshot.failedReason}`);
        this.finish(snapshot, 'failed');
      }
    } finally {
      registration.active -= 1;
      this.pump(snapshot.queue);
    }
  }

  private withTimeout<T>(work: Promise<T>, timeoutMs: number | undefined): Promise<T> {
    if (!timeoutMs) return work;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`job timed out after ${timeoutMs} ms`)), timeoutMs);
      work.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  /** Takes a finished job off the list of finished ones (it is retried or removed). */
  private unfinish(snapshot: JobSnapshot): void {
    const index = this.finished.indexOf(this.storeKey(snapshot.queue, snapshot.id));
    if (index >= 0) this.finished.splice(index, 1);
  }

  private finish(snapshot: JobSnapshot, state: Extract<JobState, 'completed' | 'failed'>): void {
    snapshot.state = state;
    this.finished.push(this.storeKey(snapshot.queue, snapshot.id));
    while (this.finished.length > InMemoryJobQueues.KEEP_FINISHED) {
      this.jobs.delete(this.finished.shift() as string);
    }
  }
}
