import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { MetricsRecorder } from '../common/metrics-recorder';
import { AppConfig } from '../config/app-config';
import type { QueueName } from './job-catalogue';
import { JobQueues, JobSnapshot } from './job-queues';

/** What a domain does for the recovery of one record whose job is missing or ended without deciding. */
export interface RecoveryActions {
  /** Enqueues the record's job again (its job id is the record id, so this never runs it twice). */
  enqueue(id: string): Promise<void>;
  /**
   * Ends the record as failed, with its events, because the workers running its job kept stopping (see
   * workerLostReason); a record already finished is left alone.
   */
  failWorkerLost(id: string): Promise<void>;
}

export interface RecoveryCounts {
  /** Jobs enqueued again: Redis had lost them (or they had completed without finishing their record). */
  enqueued: number;
  /** Failed jobs run once more: their handler could not record the failure (the database was away). */
  retried: number;
  /** Records failed: the workers running their job stopped more often than allowed. */
  failed: number;
}

export type RecoveryAction = keyof RecoveryCounts;

/** A record still queued or running, as a domain lists them: oldest first, by (createdAt, id). */
export interface UnfinishedWork {
  id: string;
  createdAt: Date;
}

/** Reads this many jobs at once (one Redis round trip each). */
const READ_CONCURRENCY = 50;
/** Records a sweep asks its domain for at a time. */
const PAGE_SIZE = 500;

/** The reason a person reads when the workers running their work kept stopping. */
export function workerLostReason(what: string): string {
  return (
    `the worker running this ${what} stopped (crashed or was killed) twice before it could finish, so it was ` +
    `not tried again; run it again, and if it stops again report it`
  );
}

/**
 * The database is the source of truth of what was asked for; Redis only carries the work. Every worker
 * process runs each registered sweep every QUEUE_RECOVERY_MS (not as a job stored in Redis, which an emptied
 * Redis would lose with the rest): a sweep lists its records still queued or running and hands them to
 * recover(), which looks at each one's job —
 * - missing (Redis was emptied, or the enqueue after the commit failed): enqueued again;
 * - waiting, delayed or running: left alone;
 * - failed because its workers kept stopping (Bull's stalled limit): the record is failed with a reason;
 * - failed otherwise (its handler could not write the failure: the database was down): run once more;
 * - completed while its record is not (the record's write was lost): removed and enqueued again.
 * Several workers may sweep at once: job ids deduplicate enqueues, a retry succeeds once, and a record's
 * final state is written only while it is unfinished.
 */
@Injectable()
export class JobRecovery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRecovery.name);
  private readonly sweeps = new Map<string, () => Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly lastProblem = new Map<string, string>();

  constructor(
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    @Optional() private readonly metrics?: MetricsRecorder,
  ) {}

  /**
   * Records younger than this (one sweep interval) are left to their producer, whose own enqueue may still be
   * on its way.
   */
  get graceSeconds(): number {
    return this.config.queue.recoveryMs / 1000;
  }

  /** Adds a sweep, run in worker processes at start-up and every QUEUE_RECOVERY_MS. */
  register(name: string, sweep: () => Promise<unknown>): void {
    this.sweeps.set(name, sweep);
  }

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    this.timer = setInterval(() => void this.sweepAll(), this.config.queue.recoveryMs);
    this.timer.unref();
    // At once too: a worker starting after Redis lost its data puts the waiting work back.
    setImmediate(() => void this.sweepAll());
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs every sweep once (never two rounds at once); a failing sweep is logged, the others still run. */
  sweepAll(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const [name, sweep] of this.sweeps) {
        try {
          await sweep();
          if (this.lastProblem.delete(name)) this.logger.log({ message: 'recovery sweep works again', sweep: name });
        } catch (error) {
          // Redis or the database is away: the next round tries again. Said once, not every round.
          const problem = (error as Error).message;
          if (this.lastProblem.get(name) !== problem) {
            this.logger.warn({ message: 'recovery sweep failed, trying again next round', sweep: name, problem });
          }
          this.lastProblem.set(name, problem);
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Recovers every record `list` gives — page after page of `limit` records after the last one — whose jobs live in
   * `queue`.
   */
  async recoverAll(
    queue: QueueName,
    list: (limit: number, after?: UnfinishedWork) => Promise<UnfinishedWork[]>,
    actions: RecoveryActions,
  ): Promise<RecoveryCounts> {
    const total: RecoveryCounts = { enqueued: 0, retried: 0, failed: 0 };
    for (let page = await list(PAGE_SIZE); page.length > 0; page = await list(PAGE_SIZE, page[page.length - 1])) {
      const counts = await this.recover(
        queue,
        page.map((record) => record.id),
        actions,
      );
      total.enqueued += counts.enqueued;
      total.retried += counts.retried;
      total.failed += counts.failed;
      if (page.length < PAGE_SIZE) break;
    }
    return total;
  }

  /** Recovers the records `ids` (queued or running in the database) whose jobs live in `queue`. */
  async recover(queue: QueueName, ids: readonly string[], actions: RecoveryActions): Promise<RecoveryCounts> {
    const counts: RecoveryCounts = { enqueued: 0, retried: 0, failed: 0 };
    for (let start = 0; start < ids.length; start += READ_CONCURRENCY) {
      const slice = ids.slice(start, start + READ_CONCURRENCY);
      const jobs = await Promise.all(slice.map((id) => this.queues.getJob(queue, id)));
      for (const [index, id] of slice.entries()) {
        const action = await this.recoverOne(queue, id, jobs[index], actions);
        if (!action) continue;
        counts[action] += 1;
        this.metrics?.jobRecovered(queue, action);
        if (action === 'failed')
          this.logger.warn({ message: 'stranded job failed: its workers kept stopping', queue, jobId: id });
      }
    }
    if (counts.enqueued + counts.retried > 0) {
      this.logger.warn({
        message: 'stranded jobs recovered',
        queue,
        enqueued: counts.enqueued,
        retried: counts.retried,
      });
    }
    return counts;
  }

  private async recoverOne(
    queue: QueueName,
    id: string,
    job: JobSnapshot | null,
    actions: RecoveryActions,
  ): Promise<RecoveryAction | undefined> {
    if (!job) {
      await actions.enqueue(id);
      return 'enqueued';
    }
    switch (job.state) {
      case 'waiting':
      case 'delayed':
      case 'active':
        return undefined;
      case 'failed':
        if (job.workerLost) {
          await actions.failWorkerLost(id);
          return 'failed';
        }
        return (await this.queues.retry(queue, id)) ? 'retried' : undefined;
      case 'completed':
        if (!(await this.queues.remove(queue, id))) return undefined;
        await actions.enqueue(id);
        return 'enqueued';
    }
  }
}
