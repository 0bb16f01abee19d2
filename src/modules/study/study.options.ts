import { parseCommand, type CommandError, type CommandOptions, type StudyProblem } from '../../engine';
import type { StudyRequestOptions } from './study.types';

/** The options a study takes, in the command language's order and spelling. */
export const STUDY_OPTION_NAMES = ['capital', 'rebalance', 'fee', 'rf', 'benchmark', 'contribute'] as const;
export type StudyOptionName = (typeof STUDY_OPTION_NAMES)[number];

/** Options whose bare number means percent (`fee: 0.1` is `fee=0.1%`). */
const PERCENT_OPTIONS: ReadonlySet<string> = new Set(['fee', 'rf']);

/**
 * A study's options as a command reads them: each is written `name=value` into a one-position probe command
 * and parsed, so every value a command refuses is refused here with the parser's own message and hint, located
 * at `options.<name>`. Returns the parsed options, or the problems.
 */
export function parseStudyOptions(
  options: StudyRequestOptions | undefined,
): { ok: true; options: Partial<CommandOptions> } | { ok: false; problems: StudyProblem[] } {
  if (!options) return { ok: true, options: {} };
  const problems: StudyProblem[] = [];
  const tokens: { name: string; text: string; column: number }[] = [];
  let command = 'PROBE-L-100% 2000-01-03 2000-01-04';
  for (const name of STUDY_OPTION_NAMES) {
    const value: unknown = options[name];
    if (value === undefined || value === null) continue;
    let text: string;
    if (typeof value === 'number' && Number.isFinite(value))
      text = PERCENT_OPTIONS.has(name) ? `${value}%` : `${value}`;
    else if (typeof value === 'string' && /^\S+$/.test(value)) text = value;
    else {
      problems.push({
        code: 'INVALID_FIELD',
        field: `options.${name}`,
        message: `${name} must be one word, as in a command (${name}=...)`,
      });
      continue;
    }
    const token = `${name}=${text}`;
    tokens.push({ name, text: token, column: command.length + 2 });
    command += ` ${token}`;
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseCommand(command);
  if (parsed.ok) return { ok: true, options: parsed.command.options };
  for (const error of parsed.errors) {
    const option = [...tokens].reverse().find((token) => error.column >= token.column);
    problems.push({
      code: 'INVALID_COMMAND',
      field: option ? `options.${option.name}` : 'options',
      message: commandMessage(error),
    });
  }
  return { ok: false, problems };
}

/** The parser's message without its column (which points into the probe), with its hint. */
function commandMessage(error: CommandError): string {
  const message = error.message.replace(/ \(column \d+\)$/, '');
  return error.hint ? `${message} (${error.hint})` : message;
}
