import { Injectable, NestMiddleware } from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { errorCodeForStatus, sendError } from '../../http/error-response';
import { requestIdOf } from '../../http/request-id';

/** Reads a text/csv request body (up to MARKET_DATA_UPLOAD_LIMIT) as a string, for price uploads. */
@Injectable()
export class CsvBodyMiddleware implements NestMiddleware {
  private readonly parser: RequestHandler;

  constructor(config: AppConfig) {
    this.parser = express.text({ type: ['text/csv', 'text/plain'], limit: config.marketData.uploadLimit });
  }

  use(request: Request, response: Response, next: NextFunction): void {
    this.parser(request, response, (error?: unknown) => {
      if (!error) return next();
      const failure = error as Error & { status?: number; type?: string; limit?: number };
      const status = failure.status && failure.status < 500 ? failure.status : 400;
      sendError(response, {
        status,
        error: errorCodeForStatus(status),
        message:
          failure.type === 'entity.too.large'
            ? `the CSV is larger than the limit (${failure.limit ?? '?'} bytes, MARKET_DATA_UPLOAD_LIMIT)`
            : failure.message,
        details: [],
        requestId: requestIdOf(request),
      });
    });
  }
}
