import { DomainError } from '../../common/domain-error';

/**
 * No active link with this token: never created, revoked, or its result or account deleted. One answer for all,
 * so a token reveals nothing.
 */
export class ShareLinkNotFoundError extends DomainError {
  readonly code = 'SHARE_LINK_NOT_FOUND';
  readonly httpStatus = 404;

  constructor() {
    super('this shared link does not exist: it may have been revoked, or the result deleted');
  }
}

/** Only a completed simulation has a result to share. */
export class SimulationNotShareableError extends DomainError {
  readonly code = 'SIMULATION_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(simulationId: string, status: string) {
    super(`simulation ${simulationId} is ${status}: it can be shared once it has completed`, [
      { simulationId, status },
    ]);
  }
}

/** The shared result's workbook is being built: the answer carries Retry-After. */
export class SharedReportNotReadyError extends DomainError {
  readonly code = 'REPORT_NOT_READY';
  readonly httpStatus = 409;
  readonly retryAfterSeconds = 2;

  constructor() {
    super('the workbook of this shared result is being built: try again in a few seconds');
  }
}

/** The public routes' rate limit is spent: the answer carries Retry-After. */
export class SharedReadsLimitedError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly httpStatus = 429;
  readonly retryAfterSeconds: number;

  constructor(resetMs: number) {
    const seconds = Math.max(1, Math.ceil(resetMs / 1000));
    super(`too many shared-link requests from this address: try again in ${seconds} second${seconds === 1 ? '' : 's'}`);
    this.retryAfterSeconds = seconds;
  }
}

/** Only a completed comparison has a result to share. */
export class ComparisonNotShareableError extends DomainError {
  readonly code = 'COMPARISON_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(comparisonId: string, status: string) {
    super(`comparison ${comparisonId} is ${status}: it can be shared once it has completed`, [
      { comparisonId, status },
    ]);
  }
}
