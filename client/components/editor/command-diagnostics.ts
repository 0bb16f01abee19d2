import type { CommandError } from '@engine/command/command.errors';

/** The text range an error is about: its token, found at its 1-based column. */
export function errorRange(text: string, error: CommandError): { from: number; to: number } {
  const from = Math.min(Math.max(error.column - 1, 0), text.length);
  // WEIGHT_SUM names every position joined by single spaces: underline from the first to the end of the last.
  const parts = error.token.split(' ').filter((part) => part !== '');
  let to = from;
  let searchFrom = from;
  for (const part of parts) {
    const at = text.indexOf(part, searchFrom);
    if (at < 0) break;
    to = at + part.length;
    searchFrom = to;
  }
  if (to === from) to = Math.min(text.length, from + error.token.length);
  return { from, to };
}

/** "did you mean …" → "Did you mean …". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Narrows one entry of an API error's `details` to a parser error (422 INVALID_COMMAND sends them). */
export function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.code === 'string' &&
    typeof entry.token === 'string' &&
    typeof entry.column === 'number' &&
    typeof entry.message === 'string' &&
    typeof entry.hint === 'string' &&
    typeof entry.expected === 'string'
  );
}
