import { COMMAND_LIMITS } from './command.types';

/**
 * What a ticker looks like, everywhere PortoFino reads one (the command parser, the market-data API, its OpenAPI
 * document): Yahoo's spelling — ASCII letters and digits in runs joined by `.`, `-` or `=`, an index's leading
 * `^` (^GSPC, BRK-B, BRK.B, 7203.T, EURUSD=X) — at most TICKER_MAX_LENGTH characters. Either case is read and
 * upper-cased once read.
 */
export const TICKER_PATTERN = '^\\^?[A-Za-z0-9]+(?:[.=-][A-Za-z0-9]+)*$';
export const TICKER_MAX_LENGTH = COMMAND_LIMITS.maxTickerLength;

const TICKER = new RegExp(TICKER_PATTERN);

/** True when `text`, as written, is a ticker's spelling within the length limit. */
export function isTickerSyntax(text: string): boolean {
  return text.length <= TICKER_MAX_LENGTH && TICKER.test(text);
}
