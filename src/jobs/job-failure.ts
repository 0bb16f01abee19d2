import { DomainError } from '../common/domain-error';

/**
 * The failure policy every job kind shares. Each failure is classified explicitly as retryable or not:
 * - a JobInputError (the job cannot run on what it was given: unknown ticker, no result to report) is final;
 * - a DomainError says itself whether trying again can help (`retryable`: an outage is, a refusal is not);
 * - anything else (a bug, a driver error, a timeout) is transient: tried again until the tries run out.
 * A failure that is not retried, or the last try of a retryable one, ends the record as failed with a reason
 * a person understands and a stable code.
 */

/** What the metrics count a final failure as. */
export type FailureKind = 'input' | 'data' | 'transient';

/**
 * The job cannot run on what it was given: reported to the user as is and never retried. Not an HTTP error:
 * it ends a job, not a request.
 */
export class JobInputError extends Error {
  readonly retryable = false;

  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Whether trying the job again can help with `error` (see the policy above). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof JobInputError) return false;
  if (error instanceof DomainError) return error.retryable;
  return true;
}

export interface JobFailureWording {
  /** Code of a failure that is not ours (TRANSIENT, BUILD_FAILED). */
  unknownCode: string;
  /** The reason a person reads when the tries ran out on a failure that is not ours. */
  afterTries(attempts: number, message: string): string;
}

export type FailureDecision =
  /** Transient and tries are left: the queue tries again (the error is rethrown as is). */
  | { retry: true }
  /** The record is failed with `reason` and `code`; the job then fails (at once when not retryable). */
  | { retry: false; retryable: boolean; kind: FailureKind; reason: string; code: string };

/** Decides what a failed try of a job does (the policy above); `attemptsMade` counts the tries before this one. */
export function decideFailure(
  error: unknown,
  job: { attemptsMade: number; attempts: number },
  wording: JobFailureWording,
): FailureDecision {
  const retryable = isRetryable(error);
  const lastTry = job.attemptsMade + 1 >= job.attempts;
  if (retryable && !lastTry) return { retry: true };
  if (error instanceof JobInputError) {
    return { retry: false, retryable, kind: 'input', reason: error.message, code: error.code };
  }
  // Our own errors already speak to people (a provider outage says when to retry); others get context.
  if (error instanceof DomainError) {
    return { retry: false, retryable, kind: 'data', reason: error.message, code: error.code };
  }
  // Not `instanceof Error`: errors from another realm (Node's own, under Jest's sandbox) are errors too.
  const message =
    typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as Error).message : String(error);
  return {
    retry: false,
    retryable,
    kind: 'transient',
    reason: wording.afterTries(job.attempts, message),
    code: wording.unknownCode,
  };
}
