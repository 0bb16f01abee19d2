/**
 * A ticker as the API reads it from a path: Yahoo's spelling — ASCII letters and digits, joined by `.`, `-` or
 * `=`, an index's leading `^` — at most 20 characters, upper-cased once read. The service checks exactly this, and
 * the OpenAPI document says exactly this (Schemathesis holds the two together).
 */
export const TICKER_SCHEMA = {
  type: 'string',
  pattern: '^\\^?[A-Za-z0-9]+(?:[.=-][A-Za-z0-9]+)*$',
  maxLength: 20,
} as const;
