import { tokenShape } from '@engine/command/command.parser';
import { tickerExpressionParts } from '@engine/command/ticker-expression';

/** What a stretch of the command is, for colouring. */
export type CommandTokenKind =
  | 'ticker'
  | 'side'
  | 'weight'
  | 'date'
  | 'option-name'
  | 'option-value'
  | 'modifier-name'
  | 'modifier-value'
  | 'punctuation';

export interface CommandTokenSpan {
  from: number;
  to: number;
  kind: CommandTokenKind;
}

// Tokens are classified by the parser's own rule (tokenShape; "How a token is classified" in
// docs/command-language.md): errors always come from the parser itself, this is only colouring.
const SIDE = /^[LlSs]$/;
const WEIGHT = /^[\d.]+%?$/;
/** Options whose value may be a synthetic ticker (benchmark=SPY?L=2): its modifiers are coloured as in positions. */
const TICKER_VALUED = /^(benchmark|cash|borrow|inflation)$/i;

/** A ticker as written, plain or synthetic: its tickers, modifier names and values, and the ? & = between. */
function tickerSpans(text: string, from: number, spans: CommandTokenSpan[]): void {
  if (!text.includes('?')) {
    if (text !== '') spans.push({ from, to: from + text.length, kind: 'ticker' });
    return;
  }
  for (const part of tickerExpressionParts(text, from)) spans.push(part);
}

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
  const shape = tokenShape(token);
  if (shape === 'date') {
    spans.push({ from, to, kind: 'date' });
    return;
  }
  if (shape === 'option') {
    const name = token.slice(0, token.indexOf('='));
    const equals = from + name.length;
    spans.push({ from, to: equals, kind: 'option-name' });
    spans.push({ from: equals, to: equals + 1, kind: 'punctuation' });
    const value = token.slice(name.length + 1);
    if (TICKER_VALUED.test(name) && value.includes('?')) tickerSpans(value, equals + 1, spans);
    else if (equals + 1 < to) spans.push({ from: equals + 1, to, kind: 'option-value' });
    return;
  }
  if (!token.includes('-')) {
    if (token.endsWith('%')) spans.push({ from, to, kind: 'weight' });
    else tickerSpans(token, from, spans);
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
  tickerSpans(ticker, at, spans);
  at += ticker.length;
  if (side !== '') {
    push(1, 'punctuation');
    push(side.length, SIDE.test(side) ? 'side' : null);
  }
  push(1, 'punctuation');
  // While typing "AAPL-L" the last part is the side, not yet a weight.
  push(weight.length, WEIGHT.test(weight) ? 'weight' : side === '' && SIDE.test(weight) ? 'side' : null);
}
