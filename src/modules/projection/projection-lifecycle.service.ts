import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../events/event-envelope';
import { PROJECTION_EVENTS, projectionEvent } from './projection.events';
import { ProjectionRepository } from './projection.repository';
import type { ProjectionChange, ProjectionOutputs, ProjectionRecord } from './projection.types';

type Subject = Pick<ProjectionRecord, 'id' | 'userId' | 'simulationId'>;

/**
 * Every state change of a projection with its event (docs/jobs.md): nothing else writes the row. Each is written
 * only while the projection is unfinished, so a final state is never overwritten; false when it had finished
 * (another run of the job got there first) or was deleted with its simulation.
 */
@Injectable()
export class ProjectionLifecycle {
  constructor(private readonly repository: ProjectionRepository) {}

  submit(projection: Pick<ProjectionRecord, 'id' | 'userId' | 'simulationId' | 'inputs' | 'createdAt'>): Promise<void> {
    const { id, userId, simulationId, inputs } = projection;
    return this.repository.insert(projection, [
      projectionEvent(PROJECTION_EVENTS.requested, userId, id, {
        simulationId,
        taskId: id,
        paths: inputs.paths,
        years: inputs.years,
        method: inputs.method,
        blockMonths: inputs.blockMonths,
        seed: inputs.seed,
      }),
    ]);
  }

  markRunning(projection: Subject, attempt: number): Promise<boolean> {
    return this.change(
      projection.id,
      { status: 'running', startedAt: new Date(), progressPhase: 'starting', progressPercent: 0, failureReason: null },
      [
        projectionEvent(PROJECTION_EVENTS.started, projection.userId, projection.id, {
          simulationId: projection.simulationId,
          attempt,
        }),
      ],
    );
  }

  recordProgress(projection: Subject, phase: string, percent: number): Promise<boolean> {
    return this.change(projection.id, { progressPhase: phase, progressPercent: percent }, [
      projectionEvent(PROJECTION_EVENTS.progress, projection.userId, projection.id, {
        simulationId: projection.simulationId,
        phase,
        percent,
      }),
    ]);
  }

  complete(projection: Subject, outputs: ProjectionOutputs, durationMs: number): Promise<boolean> {
    const median = outputs.finalValue.percentiles[outputs.percentiles.indexOf(50)];
    return this.change(
      projection.id,
      {
        status: 'completed',
        progressPhase: 'done',
        progressPercent: 100,
        outputs: JSON.stringify(outputs),
        finishedAt: new Date(),
      },
      [
        projectionEvent(PROJECTION_EVENTS.completed, projection.userId, projection.id, {
          simulationId: projection.simulationId,
          durationMs,
          medianFinalValue: median,
          probabilityPositive: outputs.probabilityPositive,
          probabilityAboveTarget: outputs.probabilityAboveTarget,
        }),
      ],
    );
  }

  fail(projection: Subject, reason: string, code: string): Promise<boolean> {
    return this.change(
      projection.id,
      { status: 'failed', failureReason: reason, failureCode: code, finishedAt: new Date() },
      [
        projectionEvent(PROJECTION_EVENTS.failed, projection.userId, projection.id, {
          simulationId: projection.simulationId,
          reason,
          code,
        }),
      ],
    );
  }

  private change(id: string, change: ProjectionChange, events: DomainEvent[]): Promise<boolean> {
    return this.repository.changeUnfinished(id, change, events);
  }
}
