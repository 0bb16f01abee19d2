import { DomainError } from '../../common/domain-error';
import type { DateRange, PriceSource } from './market-data.types';

export class TickerNotFoundError extends DomainError {
  readonly code = 'TICKER_NOT_FOUND';
  readonly httpStatus = 404;

  constructor(
    readonly ticker: string,
    sources: readonly string[],
  ) {
    super(`ticker ${ticker} is not known to ${sources.length > 0 ? sources.join(', ') : 'any price source'}`, [
      { ticker, sources },
    ]);
  }
}

export class InvalidTickerError extends DomainError {
  readonly code = 'TICKER_INVALID';
  readonly httpStatus = 400;

  constructor(ticker: string) {
    super(
      `ticker "${ticker}" is not a ticker: letters, digits and . - = (an index may start with ^), at most 20 characters`,
      [{ ticker }],
    );
  }
}

/** Well-formed days that make no range (start after end, start in the future): the request cannot be served. */
export class InvalidDateRangeError extends DomainError {
  readonly code = 'DATE_RANGE_INVALID';
  readonly httpStatus = 422;

  constructor(message: string, range: Partial<DateRange>) {
    super(message, [range]);
  }
}

export class PriceRangeUnavailableError extends DomainError {
  readonly code = 'PRICE_RANGE_UNAVAILABLE';
  readonly httpStatus = 422;

  constructor(ticker: string, source: PriceSource, requested: DateRange, available: DateRange | null, note = '') {
    super(
      `${ticker} has no prices from ${requested.start} to ${requested.end} (${source}): ${
        available ? `available from ${available.start} to ${available.end}` : 'no prices at all'
      }${note}`,
      [{ ticker, source, requested, available }],
    );
  }
}

/**
 * No source could serve the ticker and at least one is down: retry later. Sent with Retry-After. The message names
 * every source tried with its answer, and what a fixed source (the offline sample) holds.
 */
export class MarketDataUnavailableError extends DomainError {
  readonly code = 'MARKET_DATA_UNAVAILABLE';
  readonly httpStatus = 503;
  override readonly retryable = true;

  constructor(
    ticker: string,
    readonly retryAfterSeconds: number,
    problems: { source: string; problem: string }[],
    catalogues: string[] = [],
  ) {
    super(
      `prices of ${ticker} are unavailable right now (tried ${problems.map((p) => `${p.source}: ${p.problem}`).join('; ')}); ` +
        `retry in ${retryAfterSeconds} s${catalogues.length > 0 ? ` (${catalogues.join('; ')})` : ''}`,
      [{ ticker, retryAfterSeconds, problems }],
    );
  }
}

export interface UploadProblem {
  line: number;
  message: string;
}

export class InvalidUploadError extends DomainError {
  readonly code = 'UPLOAD_INVALID';
  readonly httpStatus = 400;

  constructor(problems: UploadProblem[], total = problems.length) {
    super(
      `the CSV has ${total} bad line${total === 1 ? '' : 's'}; nothing was stored: ${problems
        .slice(0, 5)
        .map((p) => (p.line > 0 ? `line ${p.line}: ${p.message}` : p.message))
        .join('; ')}${total > 5 ? '; …' : ''}`,
      problems,
    );
  }
}
