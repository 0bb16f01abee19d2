import { TICKER_MAX_LENGTH, TICKER_PATTERN } from '../../engine';

/**
 * A ticker as the API reads it from a path: the command parser's syntax (src/engine/command/ticker-syntax.ts) —
 * Yahoo's spelling, at most 20 characters — upper-cased once read. The service checks exactly this, and the
 * OpenAPI document says exactly this (Schemathesis holds the two together).
 */
export const TICKER_SCHEMA = {
  type: 'string',
  pattern: TICKER_PATTERN,
  maxLength: TICKER_MAX_LENGTH,
} as const;
