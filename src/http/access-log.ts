import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id';

const logger = new Logger('HTTP');
const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;
/** Share-link tokens are secrets (whoever has one reads the result): never written to the logs. */
const SHARE_TOKEN_SEGMENT = /(\/(?:app\/)?shared\/|\/share\/)[^/]+/g;

/** The path as it is logged: share-link tokens replaced by `…`. */
export function loggedPath(path: string): string {
  return path.replace(SHARE_TOKEN_SEGMENT, '$1…');
}

/** One structured line per request; probes and scrapes only at debug level. */
export function logAccess(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  // Read now: handlers (the dashboard's) may rewrite request.url before the response finishes.
  const path = loggedPath(request.path);
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
