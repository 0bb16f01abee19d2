import type { CommandError } from '../../engine';
import { DomainError } from '../../common/domain-error';
import { JobInputError } from '../../jobs/job-failure';

/** The command does not parse: 422 with every parser error (token, column, expected, hint). */
export class InvalidCommandError extends DomainError {
  readonly code = 'INVALID_COMMAND';
  readonly httpStatus = 422;

  constructor(errors: readonly CommandError[]) {
    super(
      `the command has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors.map((e) => e.message).join('; ')}`,
      [...errors],
    );
  }
}

/**
 * A simulation cannot run on the data it got (unknown ticker, no price at the start, no trading days):
 * reported to the user as is and never retried (the failure policy: src/jobs/job-failure.ts).
 */
export class SimulationInputError extends JobInputError {}
