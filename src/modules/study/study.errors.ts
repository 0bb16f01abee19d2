import { DomainError } from '../../common/domain-error';
import { JobInputError } from '../../jobs/job-failure';

/** Unknown id, or another user's study: the same answer, so ids reveal nothing. */
export class StudyNotFoundError extends DomainError {
  readonly code = 'STUDY_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(id: string) {
    super(`study ${id} not found`);
  }
}

/** One located problem of a study request (the engine's StudyProblem, or a price refusal with its own code). */
export interface StudyProblemDetail {
  field: string;
  code: string;
  message: string;
}

/** A specification the engine refuses: 422 with every problem located (`details: [{ field, code, message }]`). */
export class InvalidStudyError extends DomainError {
  readonly code = 'INVALID_STUDY';
  readonly httpStatus = 422;

  constructor(problems: readonly StudyProblemDetail[]) {
    super(
      `the study has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .map((problem) => `${problem.field}: ${problem.message}`)
        .join('; ')}`,
      problems.map(({ field, code, message }) => ({ field, code, message })),
    );
  }
}

/** The scatter is stored with the result: there is none before the study completes. */
export class StudyNotCompletedError extends DomainError {
  readonly code = 'STUDY_NOT_COMPLETED';
  readonly httpStatus = 409;

  constructor(id: string, status: string) {
    super(`study ${id} is ${status}: its results exist once it has completed`);
  }
}

/** A chunk cannot run on its data (the prices changed since the study was accepted, a ticker vanished): final. */
export class StudyInputError extends JobInputError {}
