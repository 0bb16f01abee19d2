/**
 * An error a person can act on, with a stable machine-readable code. The HTTP layer maps it to its status
 * in one place (AllExceptionsFilter); domains never throw HTTP exceptions themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;

  constructor(
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
