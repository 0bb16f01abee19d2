/** Stable codes for the problems the analysis functions report about their options. */
export type AnalysisErrorCode = 'INVALID_OPTION' | 'INSUFFICIENT_HISTORY';

/**
 * An analysis option is out of range, or the series cannot support the analysis. Names the
 * option (`field`, as the caller spelled it in the options object) so an API can answer 4xx.
 */
export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  readonly field: string;

  constructor(code: AnalysisErrorCode, field: string, message: string) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
    this.field = field;
  }
}

export function requireInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AnalysisError(
      'INVALID_OPTION',
      field,
      `${field} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

export function requireNumber(field: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new AnalysisError('INVALID_OPTION', field, `${field} must be a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}
