import { formatNumber } from './command.canonical';
import { nearestName } from './nearest-name';
import { TICKER_PATTERN } from './ticker-syntax';

/**
 * A ticker as the command language writes it (docs/command-language.md, "Synthetic tickers"): a plain symbol
 * (`SPY`), or a synthetic series built from others with testfol.io's modifiers (`SPY?L=2&E=0.95&SP=0.4`,
 * `UPRO?FB=SPY?L=3`). Numbers are kept as written, in percent a year for E and SP.
 */
export type TickerExpression = PlainTicker | SyntheticTicker;

export interface PlainTicker {
  readonly kind: 'plain';
  /** Upper case, as the price data names it. */
  readonly ticker: string;
}

export interface SyntheticTicker {
  readonly kind: 'synthetic';
  /** The plain ticker the modifiers apply to. */
  readonly base: string;
  /** Daily-reset leverage L (negative: inverse); 1 when not written. */
  readonly leverage: number;
  /** Expense ratio E in percent a year; when not written 0.5 per leverage point beyond 1 (|L| − 1). */
  readonly expensePercent: number;
  /** Financing spread SP over the base rate, percent a year; 0.4 when not written. */
  readonly spreadPercent: number;
  /** FB=: the series that fills the base's history backward, spliced on returns; null when not written. */
  readonly fallback: TickerExpression | null;
}

/** A problem inside a ticker expression, located by its offset in the expression's text. */
export interface TickerExpressionError {
  code: 'TICKER_INVALID' | 'MODIFIER_FORMAT' | 'MODIFIER_UNKNOWN' | 'MODIFIER_DUPLICATE' | 'MODIFIER_VALUE';
  /** 0-based offset of the offending part in the text given to `parseTickerExpression`. */
  offset: number;
  /** The offending part as written. */
  text: string;
  problem: string;
  expected: string;
  hint: string;
}

export type TickerExpressionResult =
  { ok: true; expression: TickerExpression; canonical: string } | { ok: false; errors: TickerExpressionError[] };

export const MODIFIER_NAMES = ['L', 'E', 'SP', 'FB'] as const;
export type ModifierName = (typeof MODIFIER_NAMES)[number];

export const TICKER_LIMITS = Object.freeze({
  /** A plain ticker (and the base of a synthetic one). */
  maxTickerLength: 20,
  /** A whole expression, modifiers and fallbacks included: it is stored as a ticker (varchar 40). */
  maxExpressionLength: 40,
  maxAbsLeverage: 10,
  maxAbsExpensePercent: 20,
  maxAbsSpreadPercent: 20,
  maxDecimals: 6,
});

/** testfol.io's defaults: a spread of 0.4 % a year, an expense ratio of 0.5 % a year per leverage point beyond 1. */
export const DEFAULT_SPREAD_PERCENT = 0.4;
export const EXPENSE_PERCENT_PER_LEVERAGE_POINT = 0.5;

/** ^GSPC, BRK-B, BRK.B, 7203.T, EURUSD=X: an optional caret, then alphanumeric runs joined by . - = */
/** A plain ticker's spelling (ticker-syntax.ts: the one the market-data API reads too), tested once upper-cased. */
export const PLAIN_TICKER = new RegExp(TICKER_PATTERN);
const MODIFIER_NUMBER = /^([+-]?\d+(?:\.(\d+))?)(%?)$/;
const CASH = 'CASH';

const MODIFIER_HELP: Record<ModifierName, string> = {
  L: 'L=2 (daily-reset leverage; negative for inverse)',
  E: 'E=0.95 (expense ratio, percent a year)',
  SP: 'SP=0.4 (financing spread over the base rate, percent a year)',
  FB: 'FB=SPY?L=3 (a series that fills the history backward)',
};

/** The expense ratio a synthetic ticker pays when E is not written: 0.5 % a year per point of |L| beyond 1. */
export function defaultExpensePercent(leverage: number): number {
  const points = Math.max(Math.abs(leverage) - 1, 0);
  // Whole billionths: L=1.1 gives 0.05, not 0.05000000000000004.
  return Math.round(points * EXPENSE_PERCENT_PER_LEVERAGE_POINT * 1e9) / 1e9;
}

/**
 * The part of the exposure financed beyond the fund's own money, on which the spread is paid: the borrowed
 * L − 1 of a leveraged fund, the shorted |L| of an inverse one, nothing for 0 ≤ L ≤ 1 (it only holds cash).
 */
export function spreadExposure(leverage: number): number {
  return leverage > 1 ? leverage - 1 : leverage < 0 ? -leverage : 0;
}

/** True when the expression's series is its base's own (no leverage, costs or fallback): nothing to compute. */
export function isIdentity(expression: SyntheticTicker): boolean {
  return expression.fallback === null && expression.leverage === 1 && expression.expensePercent === 0;
}

/**
 * Reads a ticker as written (any case) into its expression and canonical spelling; never throws. Plain tickers
 * follow today's rule; a `?` starts modifiers `KEY=VALUE` joined by `&`, and `FB=` takes the rest of the text
 * (itself a ticker, possibly synthetic), so it comes last.
 */
export function parseTickerExpression(text: string): TickerExpressionResult {
  const errors: TickerExpressionError[] = [];
  if (text.length > TICKER_LIMITS.maxExpressionLength && text.includes('?')) {
    return {
      ok: false,
      errors: [
        {
          code: 'TICKER_INVALID',
          offset: 0,
          text,
          problem: `ticker ${text.toUpperCase()} is longer than ${TICKER_LIMITS.maxExpressionLength} characters`,
          expected: `a ticker with its modifiers in at most ${TICKER_LIMITS.maxExpressionLength} characters`,
          hint: 'leave out modifiers at their defaults (E and SP) or use a shorter fallback',
        },
      ],
    };
  }
  const expression = readExpression(text, 0, errors);
  if (errors.length > 0 || expression === null) return { ok: false, errors };
  return { ok: true, expression, canonical: formatTickerExpression(expression) };
}

/** The canonical spelling of a ticker as written, or null when it is not a valid ticker. */
export function canonicalTicker(text: string): string | null {
  const result = parseTickerExpression(text);
  return result.ok ? result.canonical : null;
}

/**
 * The one spelling of an expression: upper case, modifiers in the order L, E, SP, FB, each only when it changes
 * the series (L ≠ 1, E other than its default for L, SP ≠ 0.4 when there is financing to pay it on), numbers in
 * their shortest form. Without any, the base itself (`SPY?L=1` is `SPY`).
 */
export function formatTickerExpression(expression: TickerExpression): string {
  if (expression.kind === 'plain') return expression.ticker;
  const modifiers: string[] = [];
  if (expression.leverage !== 1) modifiers.push(`L=${formatNumber(expression.leverage)}`);
  if (expression.expensePercent !== defaultExpensePercent(expression.leverage))
    modifiers.push(`E=${formatNumber(expression.expensePercent)}`);
  if (spreadExposure(expression.leverage) > 0 && expression.spreadPercent !== DEFAULT_SPREAD_PERCENT)
    modifiers.push(`SP=${formatNumber(expression.spreadPercent)}`);
  if (expression.fallback !== null) modifiers.push(`FB=${formatTickerExpression(expression.fallback)}`);
  return modifiers.length === 0 ? expression.base : `${expression.base}?${modifiers.join('&')}`;
}

/** Every plain ticker an expression reads prices from: its base, then its fallbacks' (nested FB included). */
export function underlyingTickers(expression: TickerExpression): string[] {
  if (expression.kind === 'plain') return [expression.ticker];
  const tickers = [expression.base];
  if (expression.fallback !== null) {
    for (const ticker of underlyingTickers(expression.fallback)) if (!tickers.includes(ticker)) tickers.push(ticker);
  }
  return tickers;
}

/**
 * Where each plain ticker and modifier of an expression as written sits, for the editor's colouring and its
 * ticker warnings: 0-based [from, to) offsets in `text`. Malformed parts are left out.
 */
export interface TickerExpressionPart {
  from: number;
  to: number;
  kind: 'ticker' | 'modifier-name' | 'modifier-value' | 'punctuation';
}

export function tickerExpressionParts(text: string, offset = 0): TickerExpressionPart[] {
  const parts: TickerExpressionPart[] = [];
  const question = text.indexOf('?');
  const base = question < 0 ? text : text.slice(0, question);
  if (base !== '') parts.push({ from: offset, to: offset + base.length, kind: 'ticker' });
  if (question < 0) return parts;
  parts.push({ from: offset + question, to: offset + question + 1, kind: 'punctuation' });
  let at = question + 1;
  while (at < text.length) {
    const equals = text.indexOf('=', at);
    const ampersand = text.indexOf('&', at);
    if (equals < 0 || (ampersand >= 0 && ampersand < equals)) {
      // A key without a value (being typed): colour it as a name.
      const end = ampersand < 0 ? text.length : ampersand;
      if (end > at) parts.push({ from: offset + at, to: offset + end, kind: 'modifier-name' });
      if (ampersand < 0) break;
      parts.push({ from: offset + ampersand, to: offset + ampersand + 1, kind: 'punctuation' });
      at = ampersand + 1;
      continue;
    }
    const key = text.slice(at, equals).toUpperCase();
    parts.push({ from: offset + at, to: offset + equals, kind: 'modifier-name' });
    parts.push({ from: offset + equals, to: offset + equals + 1, kind: 'punctuation' });
    if (key === 'FB') {
      parts.push(...tickerExpressionParts(text.slice(equals + 1), offset + equals + 1));
      break;
    }
    const end = text.indexOf('&', equals + 1);
    const valueEnd = end < 0 ? text.length : end;
    if (valueEnd > equals + 1) parts.push({ from: offset + equals + 1, to: offset + valueEnd, kind: 'modifier-value' });
    if (end < 0) break;
    parts.push({ from: offset + end, to: offset + end + 1, kind: 'punctuation' });
    at = end + 1;
  }
  return parts;
}

/** Reads the expression `text` that starts at `offset` of the outermost text (for error locations). */
function readExpression(text: string, offset: number, errors: TickerExpressionError[]): TickerExpression | null {
  const question = text.indexOf('?');
  const baseText = question < 0 ? text : text.slice(0, question);
  const base = checkPlainTicker(baseText, offset, errors, question >= 0);
  if (question < 0) return base === null ? null : { kind: 'plain', ticker: base };
  if (base === CASH) errors.push(cashWithModifiers(baseText, offset));
  if (question + 1 >= text.length) errors.push(nothingAfterQuestion(text, baseText, offset + question));
  const modifiers = readModifiers({ text, offset, base }, question + 1, errors);
  if (base === null) return null;
  const leverage = modifiers.values.L ?? 1;
  return {
    kind: 'synthetic',
    base,
    leverage,
    expensePercent: modifiers.values.E ?? defaultExpensePercent(leverage),
    spreadPercent: modifiers.values.SP ?? DEFAULT_SPREAD_PERCENT,
    fallback: modifiers.fallback,
  };
}

/** The synthetic expression being read: its text, where that starts in the outermost text, its base (null if bad). */
interface ExpressionText {
  text: string;
  offset: number;
  base: string | null;
}

/** The modifiers read so far: where each name was first written, the numbers, the FB= series. */
interface ReadModifiers {
  seen: Map<ModifierName, number>;
  values: Partial<Record<ModifierName, number>>;
  fallback: TickerExpression | null;
}

/** One KEY=VALUE piece: where it starts, its = and its end (the next & or the end of the text). */
interface ModifierPiece {
  at: number;
  equals: number;
  end: number;
}

/** Reads the modifiers from `start` (just after the ?): pieces joined by &, FB= taking the rest of the text. */
function readModifiers(expression: ExpressionText, start: number, errors: TickerExpressionError[]): ReadModifiers {
  const { text, offset } = expression;
  const read: ReadModifiers = { seen: new Map(), values: {}, fallback: null };
  let at = start;
  while (at < text.length) {
    const ampersand = text.indexOf('&', at);
    const equals = text.indexOf('=', at);
    const end = ampersand < 0 ? text.length : ampersand;
    if (equals < 0 || equals > end) {
      errors.push(modifierWithoutValue(text.slice(at, end), offset + at));
    } else if (readModifier(expression, { at, equals, end }, read, errors) === 'rest taken') {
      break;
    }
    if (ampersand < 0) break;
    at = ampersand + 1;
    if (at >= text.length) errors.push(trailingAmpersand(offset + ampersand));
  }
  return read;
}

/** Reads one KEY=VALUE into `read`; 'rest taken' when it was FB=, whose value is the rest of the text. */
function readModifier(
  expression: ExpressionText,
  piece: ModifierPiece,
  read: ReadModifiers,
  errors: TickerExpressionError[],
): 'rest taken' | 'read' {
  const { text, offset } = expression;
  const { at, equals, end } = piece;
  const keyText = text.slice(at, equals);
  const key = keyText.toUpperCase();
  if (!(MODIFIER_NAMES as readonly string[]).includes(key)) {
    errors.push({
      code: 'MODIFIER_UNKNOWN',
      offset: offset + at,
      text: text.slice(at, end),
      problem: `unknown modifier ${key || '(empty)'}`,
      expected: `one of ${MODIFIER_NAMES.join(', ')}`,
      hint: modifierHint(keyText),
    });
    return 'read';
  }
  const name = key as ModifierName;
  if (read.seen.has(name)) {
    errors.push({
      code: 'MODIFIER_DUPLICATE',
      offset: offset + at,
      text: name === 'FB' ? text.slice(at) : text.slice(at, end),
      problem: `modifier ${name} is already set`,
      expected: `${name} at most once`,
      hint: `keep one ${name}=`,
    });
  }
  read.seen.set(name, at);
  if (name === 'FB') {
    readFallback(expression, piece, read, errors);
    return 'rest taken';
  }
  const value = readModifierNumber(name, text.slice(equals + 1, end), offset + at, text.slice(at, end), errors);
  if (value !== null) read.values[name] = value;
  return 'read';
}

/**
 * FB=: the rest of the text is the fallback ticker, itself possibly synthetic (UPRO?FB=SPY?L=3). A fallback that
 * reads cleanly must not be built from CASH nor from the base itself.
 */
function readFallback(
  expression: ExpressionText,
  piece: ModifierPiece,
  read: ReadModifiers,
  errors: TickerExpressionError[],
): void {
  const { text, offset, base } = expression;
  const whole = text.slice(piece.at);
  const valueText = text.slice(piece.equals + 1);
  if (valueText === '') {
    errors.push(valueError('FB', offset + piece.at, whole, 'FB= names no ticker', 'FB=SPY or FB=SPY?L=3'));
    return;
  }
  const before = errors.length;
  read.fallback = readExpression(valueText, offset + piece.equals + 1, errors);
  if (errors.length !== before || read.fallback === null) return;
  const underlying = underlyingTickers(read.fallback);
  if (underlying.includes(CASH)) {
    errors.push(valueError('FB', offset + piece.at, whole, 'CASH has no prices to fill a history with', 'FB=SPY'));
  } else if (underlying.includes(base ?? '')) {
    errors.push(
      valueError(
        'FB',
        offset + piece.at,
        whole,
        `${base} cannot fill its own history`,
        'a different ticker with an older history, e.g. FB=SPY?L=3',
      ),
    );
  }
}

function cashWithModifiers(baseText: string, offset: number): TickerExpressionError {
  return {
    code: 'TICKER_INVALID',
    offset,
    text: baseText,
    problem: 'CASH cannot carry modifiers',
    expected: 'a ticker with prices before the ?',
    hint: 'write CASH-L-X% to hold cash, CASH-S-X% to borrow, and cash= / borrow= for their rates',
  };
}

function nothingAfterQuestion(text: string, baseText: string, offset: number): TickerExpressionError {
  return {
    code: 'MODIFIER_FORMAT',
    offset,
    text: '?',
    problem: `nothing after the ? of ${text.toUpperCase()}`,
    expected: 'modifiers KEY=VALUE joined by &, e.g. ?L=2&E=0.95',
    hint: `write ${baseText.toUpperCase()}?L=2 for twice the daily return, or remove the ?`,
  };
}

/** A piece without `=`: a name alone (L) or nothing between two & (an empty modifier). */
function modifierWithoutValue(piece: string, offset: number): TickerExpressionError {
  return {
    code: 'MODIFIER_FORMAT',
    offset,
    text: piece === '' ? '&' : piece,
    problem: piece === '' ? 'an empty modifier' : `modifier ${piece.toUpperCase()} has no value`,
    expected: `KEY=VALUE with KEY one of ${MODIFIER_NAMES.join(', ')}`,
    hint: piece === '' ? 'remove the extra &' : modifierHint(piece),
  };
}

function trailingAmpersand(offset: number): TickerExpressionError {
  return {
    code: 'MODIFIER_FORMAT',
    offset,
    text: '&',
    problem: 'an empty modifier',
    expected: `KEY=VALUE with KEY one of ${MODIFIER_NAMES.join(', ')}`,
    hint: 'remove the trailing &',
  };
}

function checkPlainTicker(
  text: string,
  offset: number,
  errors: TickerExpressionError[],
  synthetic: boolean,
): string | null {
  const ticker = text.toUpperCase();
  if (PLAIN_TICKER.test(ticker) && ticker.length <= TICKER_LIMITS.maxTickerLength) return ticker;
  const tooLong = ticker.length > TICKER_LIMITS.maxTickerLength;
  errors.push({
    code: 'TICKER_INVALID',
    offset,
    text: text === '' ? '?' : text,
    problem: tooLong
      ? `ticker ${ticker} is longer than ${TICKER_LIMITS.maxTickerLength} characters`
      : ticker === ''
        ? synthetic
          ? 'missing ticker before the ?'
          : 'missing ticker before the side'
        : `ticker ${ticker} has characters a ticker cannot have`,
    expected: synthetic
      ? 'a ticker, then ? and modifiers, e.g. SPY?L=2'
      : 'a ticker of letters and digits, optionally with ^ in front and . - = inside (BRK-B, ^GSPC, 7203.T)',
    hint:
      ticker === ''
        ? synthetic
          ? 'write the ticker the modifiers apply to first, e.g. SPY?L=2'
          : 'write the ticker first, e.g. AAPL-L-50%'
        : 'check the ticker symbol as your data provider spells it',
  });
  return null;
}

function readModifierNumber(
  name: Exclude<ModifierName, 'FB'>,
  valueText: string,
  offset: number,
  piece: string,
  errors: TickerExpressionError[],
): number | null {
  const match = MODIFIER_NUMBER.exec(valueText);
  const percentSign = match?.[3] === '%';
  if (!match || (name === 'L' && percentSign)) {
    errors.push(
      valueError(
        name,
        offset,
        piece,
        `${name}=${valueText || '(empty)'} is not a number`,
        name === 'L' ? 'L=2, L=3 or L=-1 (no % sign, no x)' : `${name}=0.95 (percent a year)`,
      ),
    );
    return null;
  }
  if ((match[2]?.length ?? 0) > TICKER_LIMITS.maxDecimals) {
    errors.push(
      valueError(
        name,
        offset,
        piece,
        `${name}=${valueText} has more than ${TICKER_LIMITS.maxDecimals} decimals`,
        'round it',
      ),
    );
    return null;
  }
  // -0 is 0: the canonical spelling and the defaults compare with ===.
  const value = Number(match[1]) + 0;
  const limit =
    name === 'L'
      ? TICKER_LIMITS.maxAbsLeverage
      : name === 'E'
        ? TICKER_LIMITS.maxAbsExpensePercent
        : TICKER_LIMITS.maxAbsSpreadPercent;
  if (Math.abs(value) > limit || (name === 'L' && value === 0)) {
    errors.push(
      valueError(
        name,
        offset,
        piece,
        name === 'L' && value === 0
          ? 'L=0 holds nothing'
          : `${name}=${valueText} is outside −${limit} to ${limit}${name === 'L' ? '' : ' % a year'}`,
        name === 'L' ? `a leverage between −${limit} and ${limit}, not 0` : `between −${limit} and ${limit}`,
      ),
    );
    return null;
  }
  return value;
}

function valueError(name: ModifierName, offset: number, piece: string, problem: string, expected: string) {
  return {
    code: 'MODIFIER_VALUE' as const,
    offset,
    text: piece,
    problem,
    expected,
    hint: `write ${MODIFIER_HELP[name]}`,
  };
}

function modifierHint(keyText: string): string {
  const nearest = MODIFIER_NAMES.find((name) => name === nearestName(keyText, MODIFIER_NAMES));
  const list = MODIFIER_NAMES.map((name) => MODIFIER_HELP[name]).join('; ');
  return nearest ? `did you mean ${MODIFIER_HELP[nearest]}?` : `modifiers are ${list}`;
}
