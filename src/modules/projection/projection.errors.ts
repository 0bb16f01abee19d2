import { DomainError } from '../../common/domain-error';

/** Unknown id, or another user's projection: the same answer, so ids reveal nothing. */
export class ProjectionNotFoundError extends DomainError {
  readonly code = 'PROJECTION_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`projection ${id} not found`);
  }
}

/** The simulation has not finished yet: there is nothing to project from until it completes. */
export class ProjectionSimulationNotCompletedError extends DomainError {
  readonly code = 'SIMULATION_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(simulationId: string, status: string) {
    super(`simulation ${simulationId} is ${status}: it can be projected once it has completed`, [
      { simulationId, status },
    ]);
  }
}

/** The simulation failed: it has no returns to resample. */
export class ProjectionSimulationFailedError extends DomainError {
  readonly code = 'SIMULATION_FAILED';
  readonly httpStatus = 422;

  constructor(simulationId: string, reason: string | null) {
    super(
      `simulation ${simulationId} failed${reason ? ` (${reason})` : ''}: it has no returns to project from; fix the command and run it again`,
      [{ simulationId, reason }],
    );
  }
}

/** An option the engine refuses (out of range for this history, e.g. a block longer than the history). */
export class ProjectionOptionInvalidError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly httpStatus = 400;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`, [{ field, problems: [message] }]);
  }
}

/** Too short a history (fewer than 12 complete months) to resample. */
export class InsufficientHistoryError extends DomainError {
  readonly code = 'INSUFFICIENT_HISTORY';
  readonly httpStatus = 422;

  constructor(simulationId: string, message: string) {
    super(`simulation ${simulationId} cannot be projected: ${message}`, [{ simulationId }]);
  }
}

/** The projection's outputs do not exist yet (queued or running), or never will (failed): nothing to export. */
export class ProjectionNotCompletedError extends DomainError {
  readonly code = 'PROJECTION_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(id: string, status: string, reason: string | null) {
    super(
      status === 'failed'
        ? `projection ${id} failed${reason ? ` (${reason})` : ''}: it has no outputs to export; run it again`
        : `projection ${id} is ${status}: its workbook can be downloaded once it has completed`,
      [{ projectionId: id, status }],
    );
  }
}
