import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, retryAfterSecondsOf } from '../common/domain-error';
import { asDatabaseUnavailable } from '../database/database-unavailable';
import { isForeignKeyViolation } from '../database/sql';
import { loggedPath } from './access-log';
import { ErrorResponse, errorCodeForStatus, sendError } from './error-response';
import { requestIdOf } from './request-id';

interface HttpExceptionBody {
  message?: string | string[];
  error?: string;
  code?: string;
  details?: unknown[];
}

/**
 * Maps every error to the one JSON error shape. Domain errors carry their code and status (and Retry-After when
 * they say when to try again); Nest's HTTP exceptions keep their status; a database that cannot be reached is a
 * 503 with Retry-After; anything else is a logged 500 whose body says nothing about internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const requestId = requestIdOf(request);
    const unavailable = asDatabaseUnavailable(exception);
    if (unavailable) {
      this.logger.warn({
        message: 'database unavailable',
        requestId,
        method: request.method,
        url: loggedPath(request.originalUrl),
      });
    }
    const error = unavailable ?? exception;
    const retryAfter = retryAfterSecondsOf(error);
    if (retryAfter !== undefined && !response.headersSent) response.setHeader('Retry-After', String(retryAfter));
    sendError(response, { ...this.describe(error, request), requestId });
  }

  private describe(exception: unknown, request: Request): Omit<ErrorResponse, 'requestId'> {
    if (exception instanceof DomainError) {
      return {
        status: exception.httpStatus,
        error: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const parsed: HttpExceptionBody = typeof body === 'string' ? { message: body } : (body as HttpExceptionBody);
      const messages = Array.isArray(parsed.message) ? parsed.message : [parsed.message ?? exception.message];
      return {
        status,
        error: parsed.code ?? errorCodeForStatus(status),
        message: messages.join('; '),
        details: parsed.details ?? (messages.length > 1 ? messages : []),
      };
    }
    if (isForeignKeyViolation(exception)) {
      this.logger.warn({
        message: 'write refers to a deleted row',
        requestId: requestIdOf(request),
        url: loggedPath(request.originalUrl),
      });
      return {
        status: HttpStatus.CONFLICT,
        error: 'CONFLICT',
        message: 'something this request refers to (your account, a simulation) was deleted meanwhile',
        details: [],
      };
    }
    this.logger.error({
      message: 'unhandled error',
      requestId: requestIdOf(request),
      method: request.method,
      url: loggedPath(request.originalUrl),
      error: exception instanceof Error ? exception.stack : String(exception),
    });
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Quote the request id if you report it.',
      details: [],
    };
  }
}
