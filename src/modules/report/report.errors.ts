import { DomainError } from '../../common/domain-error';

/** Unknown id, or another user's report: the same answer, so ids reveal nothing. */
export class ReportNotFoundError extends DomainError {
  readonly code = 'REPORT_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`report ${id} not found`);
  }
}

/** The simulation has not finished yet: there is nothing to report until it completes. */
export class SimulationNotCompletedError extends DomainError {
  readonly code = 'SIMULATION_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(simulationId: string, status: string) {
    super(`simulation ${simulationId} is ${status}: a report can be made once it has completed`, [
      { simulationId, status },
    ]);
  }
}

/** The simulation failed: it has no result to put in a workbook. */
export class SimulationFailedError extends DomainError {
  readonly code = 'SIMULATION_FAILED';
  readonly httpStatus = 422;

  constructor(simulationId: string, reason: string | null) {
    super(
      `simulation ${simulationId} failed${reason ? ` (${reason})` : ''}: it has no results to report; fix the command and run it again`,
      [{ simulationId, reason }],
    );
  }
}

/** Download asked for before the workbook exists (or of a failed report). */
export class ReportNotReadyError extends DomainError {
  readonly code = 'REPORT_NOT_READY';
  readonly httpStatus = 409;

  constructor(id: string, status: string, reason: string | null) {
    super(
      status === 'failed'
        ? `report ${id} failed: ${reason ?? 'unknown reason'}; request it again with force=true`
        : `report ${id} is ${status}: download it once it has completed`,
      [{ reportId: id, status }],
    );
  }
}

/** A comparison's workbook exists once it has completed (queued, running or failed: nothing to write). */
export class ComparisonNotCompletedError extends DomainError {
  readonly code = 'COMPARISON_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(comparisonId: string, status: string) {
    super(`comparison ${comparisonId} is ${status}: its workbook can be made once it has completed`, [
      { comparisonId, status },
    ]);
  }
}
