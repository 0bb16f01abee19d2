import { OPTION_NAMES } from '@engine/command/command.parser';

/** What a stretch of the command is, for colouring. */
export type CommandTokenKind = 'ticker' | 'side' | 'weight' | 'date' | 'option-name' | 'option-value' | 'punctuation';

export interface CommandTokenSpan {
  from: number;
  to: number;
  kind: CommandTokenKind;
}

// The parser's own classification (src/engine/command/command.parser.ts, "How a token is classified" in
// docs/command-language.md), repeated here only for colouring: errors always come from the parser itself.
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const OPTION_LIKE = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const SIDE = /^[LlSs]$/;
const WEIGHT = /^[\d.]+%?$/;

const isOptionName = (name: string): boolean => (OPTION_NAMES as readonly string[]).includes(name.toLowerCase());

/** Splits a command into coloured spans: tickers, sides, weights, dates, option names and values. */
export function commandTokenSpans(text: string): CommandTokenSpan[] {
  const spans: CommandTokenSpan[] = [];
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) spanToken(match[0], match.index, spans);
  return spans;
}

function spanToken(token: string, from: number, spans: CommandTokenSpan[]): void {
  const to = from + token.length;
  if (DATE_LIKE.test(token)) {
    spans.push({ from, to, kind: 'date' });
    return;
  }
  const option = OPTION_LIKE.exec(token);
  const dashCount = token.split('-').length - 1;
  if (option && (dashCount < 2 || isOptionName(option[1]))) {
    const equals = from + option[1].length;
    spans.push({ from, to: equals, kind: 'option-name' });
    spans.push({ from: equals, to: equals + 1, kind: 'punctuation' });
    if (equals + 1 < to) spans.push({ from: equals + 1, to, kind: 'option-value' });
    return;
  }
  if (!token.includes('-')) {
    spans.push({ from, to, kind: token.endsWith('%') ? 'weight' : 'ticker' });
    return;
  }
  // A position, read from the right like the parser does: weight, side, and the rest is the ticker (BRK-B-L-10%).
  const parts = token.split('-');
  const weight = parts.pop() ?? '';
  const side = parts.length >= 2 ? (parts.pop() ?? '') : '';
  const ticker = parts.join('-');
  let at = from;
  // Parts that fit nowhere stay uncoloured; the parser's diagnostics say what is wrong with them.
  const push = (length: number, kind: CommandTokenKind | null) => {
    if (length > 0 && kind) spans.push({ from: at, to: at + length, kind });
    at += length;
  };
  push(ticker.length, 'ticker');
  if (side !== '') {
    push(1, 'punctuation');
    push(side.length, SIDE.test(side) ? 'side' : null);
  }
  push(1, 'punctuation');
  // While typing "AAPL-L" the last part is the side, not yet a weight.
  push(weight.length, WEIGHT.test(weight) ? 'weight' : side === '' && SIDE.test(weight) ? 'side' : null);
}
