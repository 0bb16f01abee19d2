import { ApiProperty, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Response } from 'express';

/** The one JSON shape of every 4xx and 5xx answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400, description: 'HTTP status, repeated for clients that only see the body' })
  status!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable machine-readable code' })
  error!: string;

  @ApiProperty({ example: 'command must be a string', description: 'what went wrong, in words' })
  message!: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'per-field or per-token problems' })
  details!: unknown[];

  @ApiProperty({ example: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', description: 'quote it when reporting a problem' })
  requestId!: string;
}

/** An `:id` path parameter read with ParseUUIDPipe, as OpenAPI describes it (anything else is a 400). */
export const UUID_PARAM = { name: 'id', schema: { type: 'string', format: 'uuid' } } as const;

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export function errorCodeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}

export function sendError(response: Response, body: ErrorResponse): void {
  if (response.headersSent) return;
  response.status(body.status).json(body);
}

/**
 * OpenAPI: the 503 of an operation that needs the database (on a controller: all of its operations). The error
 * filter answers it, with Retry-After, when PostgreSQL cannot be reached.
 */
export const ApiDatabaseUnavailableResponse = (): MethodDecorator & ClassDecorator =>
  ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description:
      'DATABASE_UNAVAILABLE: the database cannot be reached right now; nothing was changed. Retry after the ' +
      'Retry-After header (seconds).',
  });
