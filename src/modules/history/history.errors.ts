import { DomainError } from '../../common/domain-error';

/** Unknown id, or another user's: the same answer, so ids reveal nothing. */
export class SimulationNotFoundError extends DomainError {
  readonly code = 'SIMULATION_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`simulation ${id} not found`);
  }
}

/** An analysis option the engine refuses (a window or a drawdown threshold out of range): names the option. */
export class InvalidAnalysisOptionError extends DomainError {
  readonly code = 'INVALID_ANALYSIS_OPTION';
  readonly httpStatus = 400;

  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

/** The analysis of a simulation needs its result: it is still queued or running, or it failed. */
export class SimulationNotCompletedError extends DomainError {
  readonly code = 'SIMULATION_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(id: string, status: string) {
    super(`simulation ${id} is ${status}: only a completed simulation has an analysis`);
  }
}
