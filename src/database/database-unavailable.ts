import { DomainError } from '../common/domain-error';

/** Seconds a client is told to wait (Retry-After) before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database could not be reached (down, restarting, failing over, out of connections): 503 with Retry-After.
 * The request's own write did not happen — it is safe to send it again (with the same Idempotency-Key).
 */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  readonly httpStatus = 503;
  override readonly retryable = true;
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;

  constructor(cause: string) {
    super(
      `the database is unavailable right now (${cause}); nothing was changed, try again in ${DATABASE_RETRY_AFTER_SECONDS} s`,
    );
  }
}

/** Connection failures of the socket to the server (the `code` Node sets). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean "not now" rather than "wrong": connection exceptions (class 08), the server shutting down
 * or starting up (57P01-57P03), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;

/** What node-postgres says when a connection dies or cannot be made in time. */
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * The error as a DatabaseUnavailableError when it says that PostgreSQL could not be reached or dropped the
 * connection (not when a statement was wrong), else undefined. TypeORM wraps statement errors (driverError);
 * the pool's connection errors come as they are.
 */
export function asDatabaseUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { driverError?: unknown }).driverError ?? error;
  if (!(cause instanceof Error)) return undefined;
  const code = (cause as { code?: unknown }).code;
  const unavailable =
    (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) ||
    UNAVAILABLE_MESSAGES.test(cause.message);
  return unavailable ? new DatabaseUnavailableError(describe(cause, code)) : undefined;
}

function describe(cause: Error, code: unknown): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (typeof code === 'string' && code.startsWith('57P')) return 'the server is shutting down or starting up';
  if (/^Connection terminated/.test(cause.message)) return 'the connection was closed';
  return typeof code === 'string' ? code : cause.message;
}
