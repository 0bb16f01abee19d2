import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id';

const logger = new Logger('HTTP');
const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;

/** One structured line per request; probes and scrapes only at debug level. */
export function logAccess(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  // Read now: handlers (the dashboard's) may rewrite request.url before the response finishes.
  const path = request.path;
  response.on('finish', () => {
    const entry = {
      message: 'request',
      requestId: requestIdOf(request),
      method: request.method,
      path,
      status: response.statusCode,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
    };
    if (QUIET_PATHS.test(path)) logger.debug(entry);
    else if (response.statusCode >= 500) logger.error(entry);
    else logger.log(entry);
  });
  next();
}
