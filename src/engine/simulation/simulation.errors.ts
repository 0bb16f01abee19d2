export type SimulationErrorCode =
  | 'UNKNOWN_TICKER'
  | 'NO_PRICE_AT_START'
  | 'INVALID_PRICE'
  | 'NO_TRADING_DAYS'
  | 'INVALID_INPUT'
  /** A synthetic ticker's daily return reached −100 % or worse (a leveraged fund wiped out). */
  | 'SYNTHETIC_WIPED_OUT';

export interface SimulationProblem {
  code: SimulationErrorCode;
  ticker: string | null;
  message: string;
}

/** The command is valid but cannot run on this market data; carries every problem found. */
export class SimulationError extends Error {
  readonly problems: readonly SimulationProblem[];

  constructor(problems: readonly SimulationProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'SimulationError';
    this.problems = problems;
  }
}
