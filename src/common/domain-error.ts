/**
 * An error a person can act on, with a stable machine-readable code. The HTTP layer maps it to its status
 * in one place (AllExceptionsFilter); domains never throw HTTP exceptions themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  /**
   * Whether trying the same thing again later can help (an outage), as opposed to a refusal that stays one
   * (bad input, missing data). The job failure policy retries on it (src/jobs/job-failure.ts); an error that is
   * retryable says so, every other one is not.
   */
  readonly retryable: boolean = false;

  constructor(
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Seconds after which a client should try again, for errors that carry them (a 503 for an outage): the error
 * filter sends them as the Retry-After header.
 */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof DomainError) || !('retryAfterSeconds' in error)) return undefined;
  const seconds = error.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
