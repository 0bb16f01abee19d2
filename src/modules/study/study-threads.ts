import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { ParallelBatchRunner } from '../../engine';
import { AppConfig } from '../../config/app-config';

/**
 * The process's one ParallelBatchRunner for study chunks, on STUDY_THREADS worker threads, created at the first
 * chunk. The calling thread does not compute (callerComputes: false), so a chunk's backtest never blocks the
 * event loop: HTTP requests, Bull's lock renewals and progress writes go on while it runs.
 */
@Injectable()
export class StudyThreads implements OnApplicationShutdown {
  private runner: ParallelBatchRunner | undefined;

  constructor(private readonly config: AppConfig) {}

  get(): ParallelBatchRunner {
    this.runner ??= new ParallelBatchRunner((source) => new Worker(source, { eval: true }), this.config.study.threads, {
      callerComputes: false,
    });
    return this.runner;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.close();
    this.runner = undefined;
  }
}
