import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import type { DependencyState } from '../common/dependency-state';
import { EventTransport } from '../events/event-transport';
import { JobQueues } from '../queue/job-queues';

/** The queue and event transport as terminus indicators, named with their kind (redis, kafka, in-process). */
@Injectable()
export class DependencyHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly transport: EventTransport,
  ) {}

  async queue(): Promise<HealthIndicatorResult> {
    return this.report('queue', await this.queues.health());
  }

  async events(): Promise<HealthIndicatorResult> {
    return this.report('events', await this.transport.health());
  }

  private report(key: string, state: DependencyState): HealthIndicatorResult {
    const indicator = this.indicators.check(key);
    const details = { kind: state.kind, role: this.config.role, ...(state.detail ? { detail: state.detail } : {}) };
    return state.up ? indicator.up(details) : indicator.down(details);
  }
}
