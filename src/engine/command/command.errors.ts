/** Stable codes for every problem the command parser reports. */
export type CommandErrorCode =
  | 'INPUT_TOO_LONG'
  | 'EMPTY_COMMAND'
  | 'UNKNOWN_TOKEN'
  | 'POSITION_FORMAT'
  | 'TICKER_INVALID'
  | 'SIDE_INVALID'
  | 'WEIGHT_INVALID'
  | 'WEIGHT_OUT_OF_RANGE'
  | 'MODIFIER_FORMAT'
  | 'MODIFIER_UNKNOWN'
  | 'MODIFIER_DUPLICATE'
  | 'MODIFIER_VALUE'
  | 'DUPLICATE_TICKER'
  | 'TOO_MANY_POSITIONS'
  | 'NO_POSITIONS'
  | 'WEIGHT_SUM'
  | 'DATE_INVALID'
  | 'DATE_OUT_OF_RANGE'
  | 'MISSING_DATE'
  | 'EXTRA_DATE'
  | 'DATE_ORDER'
  | 'OPTION_UNKNOWN'
  | 'OPTION_DUPLICATE'
  | 'OPTION_VALUE';

/** One problem in a command, located like a compiler diagnostic. */
export interface CommandError {
  code: CommandErrorCode;
  /** The offending token as written (or the whole command for problems that span it). */
  token: string;
  /** 1-based column of the token's first character. */
  column: number;
  /** What the parser expected at that place. */
  expected: string;
  /** How to fix it, naming the nearest valid spelling when there is one. */
  hint: string;
  /** One-line message: `MSFT-X-50%: side must be L or S (column 12)`. */
  message: string;
}

/** Thrown by `parseCommandOrThrow`: carries every error found, never only the first. */
export class CommandParseError extends Error {
  readonly errors: readonly CommandError[];

  constructor(errors: readonly CommandError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'CommandParseError';
    this.errors = errors;
  }
}

/**
 * Renders errors the way a compiler does: the message, the command with a caret under the
 * token, then what was expected and the hint.
 */
export function formatCommandErrors(input: string, errors: readonly CommandError[]): string {
  const lines: string[] = [];
  for (const error of errors) {
    lines.push(`error[${error.code}]: ${error.message}`);
    lines.push(`  ${input}`);
    const width = Math.max(1, Math.min(error.token.length, input.length - error.column + 1));
    lines.push(`  ${' '.repeat(Math.max(0, error.column - 1))}${'^'.repeat(width)}`);
    lines.push(`  expected: ${error.expected}`);
    lines.push(`  hint: ${error.hint}`);
  }
  lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'}`);
  return lines.join('\n');
}
