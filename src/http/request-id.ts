import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{8,100}$/;

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
  }
}

/** Gives every request an id (the caller's X-Request-ID when sane), echoed in the response and in logs. */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header(HEADER);
  request.requestId = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(HEADER, request.requestId);
  next();
}

export function requestIdOf(request: Request): string {
  return request.requestId ?? 'unknown';
}
