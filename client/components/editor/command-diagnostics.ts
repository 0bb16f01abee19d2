import type { CommandError } from '@engine/command/command.errors';
import { tickerExpressionParts } from '@engine/command/ticker-expression';
import type { ComparisonError } from '@engine/comparison/comparison.types';
import type { TickerAvailability } from './ticker-check';

/** A ticker no configured source can price: said under the token, but the command may still run. */
export interface TickerWarning extends Omit<CommandError, 'code'> {
  code: 'TICKER_UNAVAILABLE';
  severity: 'warning';
}

/** What the editor underlines and lists: the parser's errors (of a line, for a comparison), and warnings about tickers. */
export type CommandIssue = CommandError | ComparisonError | TickerWarning;

export const isWarning = (issue: CommandIssue): issue is TickerWarning =>
  'severity' in issue && issue.severity === 'warning';

const BENCHMARK = /^benchmark=(.+)$/i;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

/**
 * The plain tickers a ticker as written is read from (SPY of SPY?L=2, UPRO and SPY of UPRO?FB=SPY?L=3), located in
 * the text from `from`: each is checked with the server on its own, so a warning sits under the one that is unknown.
 */
function plainTickerSpans(ticker: string, from: number): { ticker: string; from: number; to: number }[] {
  if (!ticker.includes('?')) return [{ ticker: ticker.toUpperCase(), from, to: from + ticker.length }];
  return tickerExpressionParts(ticker, from)
    .filter((part) => part.kind === 'ticker')
    .map((part) => ({
      ticker: ticker.slice(part.from - from, part.to - from).toUpperCase(),
      from: part.from,
      to: part.to,
    }));
}

/** Every ticker of a command as written: positions (BRK-B-L-10%) and the benchmark=…, 0-based from/to. */
export function tickerSpans(text: string): { ticker: string; from: number; to: number }[] {
  const spans: { ticker: string; from: number; to: number }[] = [];
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const token = match[0];
    const benchmark = BENCHMARK.exec(token);
    if (benchmark) {
      spans.push(...plainTickerSpans(benchmark[1], match.index + token.length - benchmark[1].length));
      continue;
    }
    // A position read from the right like the parser: weight, side, and the rest is the ticker.
    const parts = token.split('-');
    const ticker = parts.slice(0, -2).join('-');
    const synthetic = ticker.includes('?');
    if (parts.length < 3 || (token.includes('=') && !synthetic) || DATE_LIKE.test(token)) continue;
    // CASH is uninvested cash, priced by nobody.
    if (ticker !== '' && ticker.toUpperCase() !== 'CASH') spans.push(...plainTickerSpans(ticker, match.index));
  }
  return spans;
}

/** A warning under each ticker the server says no configured source can price, with the nearest known ones. */
export function tickerWarnings(
  text: string,
  answers: readonly TickerAvailability[],
  spans: readonly { ticker: string; from: number; to: number }[] = tickerSpans(text),
): TickerWarning[] {
  const byTicker = new Map(answers.map((answer) => [answer.ticker, answer]));
  const warnings: TickerWarning[] = [];
  for (const span of spans) {
    const answer = byTicker.get(span.ticker);
    if (!answer || (answer.status !== 'unknown' && answer.status !== 'unverified')) continue;
    const token = text.slice(span.from, span.to);
    warnings.push({
      code: 'TICKER_UNAVAILABLE',
      severity: 'warning',
      token,
      column: span.from + 1,
      expected: 'a ticker a configured source can price',
      message: `${token}: ${answer.message ?? 'no configured source can price it'}`,
      hint:
        answer.nearest.length > 0
          ? `nearest known: ${answer.nearest.join(', ')}; or upload your own prices for ${span.ticker} under Prices`
          : `upload your own prices for ${span.ticker} under Prices, or check the spelling`,
    });
  }
  return warnings;
}

/** The text range an error is about: its token, found at its 1-based column. */
export function errorRange(text: string, error: CommandIssue): { from: number; to: number } {
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
