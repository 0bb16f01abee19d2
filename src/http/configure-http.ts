import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { logAccess } from './access-log';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { errorCodeForStatus, sendError } from './error-response';
import { verifyJsonBody } from './json-body-limits';
import { compressLargeJson } from './json-compression';
import { assignRequestId, requestIdOf } from './request-id';
import { createValidationPipe } from './validation.pipe';

/** Paths a worker process answers: probes and metrics; everything else belongs to the API. */
const WORKER_PATHS = /^\/(health|metrics)(\/|$)/;

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

/** Runs a body parser and turns its failures (too large, malformed JSON) into the JSON error shape. */
function guardedParser(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    parser(request, response, (error?: unknown) => {
      if (!error) return next();
      const failure = error as BodyParserError;
      const status = failure.status && failure.status < 500 ? failure.status : 400;
      const message =
        failure.type === 'entity.too.large'
          ? `request body is larger than the limit (${(failure as BodyParserError & { limit?: number }).limit ?? '?'} bytes)`
          : failure.type === 'entity.parse.failed'
            ? `request body is not valid JSON: ${failure.message}`
            : failure.message;
      sendError(response, {
        status,
        error: errorCodeForStatus(status),
        message,
        details: [],
        requestId: requestIdOf(request),
      });
    });
  };
}

/**
 * Everything HTTP-wide: request ids, access log, helmet, gzip of large JSON answers, body limits, CORS, validation, the error filter, and
 * in the worker role a fence that leaves only /health and /metrics.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const server = app as NestExpressApplication;
  if (config.http.trustProxy) server.set('trust proxy', true);
  server.disable('x-powered-by');
  server.use(assignRequestId);
  server.use(logAccess);
  server.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The dashboard (Next.js) and Swagger UI need inline bootstrap scripts and styles.
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // Self-hosted on plain http (localhost) is normal; TLS is the reverse proxy's business.
          'upgrade-insecure-requests': null,
        },
      },
      // HSTS on http://localhost would pin every local port to https in the browser: the proxy sets it.
      strictTransportSecurity: false,
    }),
  );
  if (!config.runsApi) {
    server.use((request: Request, response: Response, next: NextFunction) => {
      if (WORKER_PATHS.test(request.path)) return next();
      sendError(response, {
        status: 404,
        error: 'NOT_FOUND',
        message: `this process runs as a worker: only /health and /metrics are served here`,
        details: [],
        requestId: requestIdOf(request),
      });
    });
  }
  // A long result's JSON is megabytes of decimal numbers: gzip when the client accepts it (json-compression.ts).
  server.use(compressLargeJson);
  // Nesting is bounded before parsing: validation recurses once per level (see json-body-limits.ts).
  server.use(guardedParser(express.json({ limit: config.http.bodyLimit, verify: verifyJsonBody })));
  server.use(guardedParser(express.urlencoded({ extended: false, limit: config.http.bodyLimit })));
  server.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
  });
  server.useGlobalPipes(createValidationPipe());
  server.useGlobalFilters(new AllExceptionsFilter());
}
