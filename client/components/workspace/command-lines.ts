import { parseCommand } from '@engine/command/command.parser';
import type { parseComparisonInput } from '@engine/comparison/comparison.input';
import type { ComparisonError, ComparisonMemberInput } from '@engine/comparison/comparison.types';
import { isCommandError, type CommandIssue } from '../editor/command-diagnostics';

/**
 * The editor's text read as the workspace reads it: one portfolio per line. One written line (blank lines aside)
 * is a single run, exactly as before; two or more are the members of a comparison, each `name: <command>` or just
 * `<command>` (the engine's parseComparisonInput, which the server's comparison API shares). Every error is
 * located in the editor's text (a 0-based offset, as `column - 1`), so the editor underlines it on its line.
 */

/** The engine's reader of several lines; loaded when a second line is written (not part of the page's first load). */
export type ComparisonParser = typeof parseComparisonInput;

export const loadComparisonParser = async (): Promise<ComparisonParser> =>
  (await import('@engine/comparison/comparison.input')).parseComparisonInput;

/** One non-blank line of the editor, located in its text (0-based offsets). */
export interface WrittenLine {
  /** 1-based line number in the editor. */
  line: number;
  /** Offset of the line's first character. */
  from: number;
  /** The name before the first colon (trimmed), or undefined when the line has none. */
  name: string | undefined;
  /** Offset of the name's first character (the line's start when there is none). */
  nameFrom: number;
  /** The command (trimmed) and the offset of its first character. */
  command: string;
  commandFrom: number;
}

export type WorkspaceReading =
  | { kind: 'empty' }
  /** One portfolio: today's single run. `command` is the text with its line breaks as spaces (same columns). */
  | { kind: 'single'; command: string; ok: boolean; errors: CommandIssue[] }
  /**
   * Several portfolios: a comparison's members, ok when every line parses and there are 2 to 10 of them (not ok,
   * without errors, while the comparison parser is loading: `checking`).
   */
  | {
      kind: 'comparison';
      lines: WrittenLine[];
      members: ComparisonMemberInput[];
      ok: boolean;
      checking: boolean;
      errors: CommandIssue[];
    };

/** The editor's non-blank lines, split as parseComparisonInput splits them (the name is before the first colon). */
export function writtenLines(text: string): WrittenLine[] {
  const lines: WrittenLine[] = [];
  let from = 0;
  text.split('\n').forEach((raw, index) => {
    const start = from;
    from += raw.length + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    const colon = content.indexOf(':');
    const commandPart = colon < 0 ? content : content.slice(colon + 1);
    const namePart = colon < 0 ? '' : content.slice(0, colon);
    const lead = (part: string) => part.length - part.trimStart().length;
    lines.push({
      line: index + 1,
      from: start,
      name: colon < 0 ? undefined : namePart.trim(),
      nameFrom: start + lead(namePart),
      command: commandPart.trim(),
      commandFrom: start + (colon < 0 ? 0 : colon + 1) + lead(commandPart),
    });
  });
  return lines;
}

/** The members a comparison of these lines sends to POST /comparisons: one per line, named when the line is. */
export function membersOf(lines: readonly WrittenLine[]): ComparisonMemberInput[] {
  return lines.map((one) =>
    one.name === undefined ? { command: one.command } : { name: one.name, command: one.command },
  );
}

/** A comparison error at its place in the editor's text: its line's start plus its column in that line. */
function inEditor(text: string, error: ComparisonError): CommandIssue {
  if (error.line === null) return { ...error, column: 1 };
  let lineStart = 0;
  for (let line = 1; line < error.line; line++) lineStart = text.indexOf('\n', lineStart) + 1;
  return { ...error, column: lineStart + error.column };
}

/**
 * Reads the editor's text: nothing, one portfolio (a single run) or several (a comparison, read by
 * `parseComparison` once it is loaded), with located errors.
 */
export function readWorkspace(text: string, parseComparison: ComparisonParser | null): WorkspaceReading {
  const lines = writtenLines(text);
  if (lines.length === 0) return { kind: 'empty' };
  if (lines.length === 1) {
    // The parser reads a line break as whitespace; a space in its place keeps every column where it was.
    const command = text.replace(/[\r\n]/g, ' ');
    const parsed = parseCommand(command);
    return { kind: 'single', command, ok: parsed.ok, errors: parsed.ok ? [] : parsed.errors };
  }
  if (parseComparison === null)
    return { kind: 'comparison', lines, members: membersOf(lines), ok: false, checking: true, errors: [] };
  const parsed = parseComparison(text);
  return {
    kind: 'comparison',
    lines,
    members: membersOf(lines),
    ok: parsed.ok,
    checking: false,
    errors: parsed.ok ? [] : parsed.errors.map((error) => inEditor(text, error)),
  };
}

const NAME_CODES = new Set(['MEMBER_NAME_EMPTY', 'MEMBER_NAME_TOO_LONG', 'MEMBER_NAME_DUPLICATE']);

/** One entry of a 422 INVALID_COMPARISON's `details`: a parser error with the member (0-based) it is about. */
function isMemberError(value: unknown): value is ComparisonError {
  if (!isCommandError(value)) return false;
  const member = (value as unknown as Record<string, unknown>).member;
  return member === null || (typeof member === 'number' && Number.isInteger(member));
}

/**
 * The server's answer to a comparison (422 INVALID_COMPARISON: each error with its member index and its column in
 * that member's command, or in its name) placed on the editor's line that member came from.
 */
export function locateMemberErrors(lines: readonly WrittenLine[], details: readonly unknown[]): CommandIssue[] {
  return details.filter(isMemberError).map((error) => {
    const line = error.member === null ? undefined : lines[error.member];
    if (!line) return { ...error, column: 1 };
    const from = NAME_CODES.has(error.code) ? line.nameFrom : line.commandFrom;
    return { ...error, column: from + error.column };
  });
}

/** Tickers of each line's command, located in the editor's text (the names are not tickers). */
export function commandSpans<T extends { from: number; to: number }>(
  text: string,
  spansOf: (command: string) => T[],
): T[] {
  const lines = writtenLines(text);
  if (lines.length <= 1) return spansOf(text);
  return lines.flatMap((line) =>
    spansOf(line.command).map((span) => ({
      ...span,
      from: span.from + line.commandFrom,
      to: span.to + line.commandFrom,
    })),
  );
}
