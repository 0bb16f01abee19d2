import type { ComparisonError } from '../../engine';
import { DomainError } from '../../common/domain-error';
import { JobInputError } from '../../jobs/job-failure';

/** Unknown id, or another user's comparison: the same answer, so ids reveal nothing. */
export class ComparisonNotFoundError extends DomainError {
  readonly code = 'COMPARISON_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`comparison ${id} not found`);
  }
}

/** Members that do not parse: 422 with every error located (member index, line, column). */
export class InvalidComparisonError extends DomainError {
  readonly code = 'INVALID_COMPARISON';
  readonly httpStatus = 422;

  constructor(errors: readonly ComparisonError[]) {
    super(
      `the comparison has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.message).join('; ')}`,
      [...errors],
    );
  }
}

/** Neither members nor simulationIds, or both. */
export class ComparisonRequestError extends DomainError {
  readonly code = 'INVALID_COMPARISON';
  readonly httpStatus = 422;
}

/** A comparison cannot run on its data (a member the engine refuses, no common period): final, with the member. */
export class ComparisonInputError extends JobInputError {
  constructor(
    message: string,
    code: string,
    readonly member: number | null,
  ) {
    super(message, code);
  }
}
