/** Stable codes for every problem a study reports. */
export type StudyErrorCode =
  /** A field is missing, of the wrong type or out of range. */
  | 'INVALID_FIELD'
  /** The tickers, dates or options are not what a command accepts (the command parser's rules). */
  | 'INVALID_COMMAND'
  /** No portfolio satisfies the constraints. */
  | 'INFEASIBLE_CONSTRAINTS'
  /** Random sampling would reject almost every draw under these constraints. */
  | 'CONSTRAINTS_TOO_TIGHT'
  /** More candidates than a study may evaluate. */
  | 'TOO_MANY_CANDIDATES'
  /** Chunk results that cannot be merged or finalised together. */
  | 'RESULTS_MISMATCH';

/** One problem, located by the field of the study's specification that causes it (`constraints.bounds.AAPL.max`). */
export interface StudyProblem {
  code: StudyErrorCode;
  field: string;
  message: string;
}

/**
 * A study specification or result set that cannot be used; carries every problem found. `code` and `field`
 * are the first problem's, for callers that answer with one.
 */
export class StudyError extends Error {
  readonly problems: readonly StudyProblem[];
  readonly code: StudyErrorCode;
  readonly field: string;

  constructor(problems: readonly StudyProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n'));
    this.name = 'StudyError';
    this.problems = problems;
    this.code = problems[0]?.code ?? 'INVALID_FIELD';
    this.field = problems[0]?.field ?? '';
  }
}

export function studyError(code: StudyErrorCode, field: string, message: string): StudyError {
  return new StudyError([{ code, field, message }]);
}
