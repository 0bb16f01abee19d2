import { CASH_TICKER, PortfolioCommand } from './command.types';
import { parseTickerExpression, TickerExpression, underlyingTickers } from './ticker-expression';

/**
 * The series a command needs, in one place (the server's price loading and history, the CLI, the browser preview):
 * what it holds and compares with as written, and every plain ticker whose prices must be loaded for that.
 */
export interface CommandSeriesNeeds {
  /** Position tickers as the command writes them (canonical; synthetic ones included), CASH left out. */
  positions: string[];
  /** The benchmark as written, or null. */
  benchmark: string | null;
  /** Plain tickers the positions and the benchmark are built from: their own, their bases and fallbacks. */
  underlying: string[];
  /** Rate series of cash= and borrow= (annual percentages). */
  rates: string[];
  /** The price index of inflation=, or null. */
  inflation: string | null;
  /** Every plain ticker to load prices for, once each: underlying, then rates, then the inflation index. */
  load: string[];
  /**
   * Tickers of `load` that may have no price in the range: used only as the base of an `FB=` expression, whose
   * fallback then gives the whole period (UPRO?FB=SPY?L=3 before UPRO existed). Every other ticker must have prices.
   */
  mayBeEmpty: string[];
  /**
   * What a history filter finds the command by: positions and benchmark as written, and the plain tickers they
   * are built from (a filter on SPY finds SPY?L=2).
   */
  held: string[];
}

/**
 * What a command holds and compares with, as written: position tickers (CASH left out) then the benchmark, so a
 * benchmark that is also a position appears twice. The tickers a history entry shows; it never parses them, so a
 * command stored by any earlier version reads back as it was listed.
 */
export function commandTickers(command: PortfolioCommand): string[] {
  const { positions, benchmark } = heldAsWritten(command);
  return benchmark === null ? positions : [...positions, benchmark];
}

function heldAsWritten(command: PortfolioCommand): { positions: string[]; benchmark: string | null } {
  return {
    positions: command.positions.map((position) => position.ticker).filter((ticker) => ticker !== CASH_TICKER),
    benchmark: command.options.benchmark,
  };
}

export function commandSeriesNeeds(command: PortfolioCommand): CommandSeriesNeeds {
  const { positions, benchmark } = heldAsWritten(command);
  const underlying = unique([...positions, ...(benchmark === null ? [] : [benchmark])].flatMap(plainTickersOf));
  const { cashRate, borrowRate, inflation } = command.options;
  const rates = unique(
    [cashRate, borrowRate].flatMap((rate) => (rate !== undefined && rate.kind === 'series' ? [rate.ticker] : [])),
  );
  const index = inflation !== undefined && inflation !== null && inflation.kind === 'index' ? inflation.ticker : null;
  return {
    positions,
    benchmark,
    underlying,
    rates,
    inflation: index,
    load: unique([...underlying, ...rates, ...(index === null ? [] : [index])]),
    mayBeEmpty: spliceOnlyBases([...positions, ...(benchmark === null ? [] : [benchmark])].map(tickerExpressionOf), [
      ...rates,
      ...(index === null ? [] : [index]),
    ]),
    held: unique([...positions, ...(benchmark === null ? [] : [benchmark]), ...underlying]),
  };
}

/** A ticker of a parsed command as an expression (commands hold canonical spellings, so this cannot fail). */
export function tickerExpressionOf(ticker: string): TickerExpression {
  if (!ticker.includes('?')) return { kind: 'plain', ticker };
  const parsed = parseTickerExpression(ticker);
  if (!parsed.ok) throw new RangeError(`${ticker} is not a ticker expression: ${parsed.errors[0].problem}`);
  return parsed.expression;
}

function plainTickersOf(ticker: string): string[] {
  return underlyingTickers(tickerExpressionOf(ticker));
}

/** Bases of FB= expressions that no other part of the command needs prices of (a plain use, a base without FB=, a rate). */
function spliceOnlyBases(expressions: readonly TickerExpression[], required: readonly string[]): string[] {
  const needed = new Set(required);
  const spliceBases = new Set<string>();
  const visit = (expression: TickerExpression): void => {
    if (expression.kind === 'plain') {
      needed.add(expression.ticker);
      return;
    }
    if (expression.fallback === null) {
      needed.add(expression.base);
      return;
    }
    spliceBases.add(expression.base);
    visit(expression.fallback);
  };
  expressions.forEach(visit);
  return [...spliceBases].filter((ticker) => !needed.has(ticker));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
