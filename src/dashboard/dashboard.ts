import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sendError } from '../http/error-response';
import { requestIdOf } from '../http/request-id';

export const DASHBOARD_BASE_PATH = '/app';
const CLIENT_DIR = join(__dirname, '..', '..', 'client');

const isDashboardPath = (path: string) => path === DASHBOARD_BASE_PATH || path.startsWith(`${DASHBOARD_BASE_PATH}/`);

/**
 * Serves the built Next.js dashboard (client/) under /app on the API's port, so a person has one URL.
 * `/` redirects there. When the dashboard was not built, /app answers 503 saying how to build it.
 */
export async function mountDashboard(app: NestExpressApplication): Promise<void> {
  const logger = new Logger('Dashboard');
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && request.path === '/' ? response.redirect(302, DASHBOARD_BASE_PATH) : next(),
  );

  if (!existsSync(join(CLIENT_DIR, '.next', 'BUILD_ID'))) {
    logger.warn('the dashboard is not built (run `npm run build:client`); serving the API only');
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (!isDashboardPath(request.path)) return next();
      sendError(response, {
        status: 503,
        error: 'DASHBOARD_NOT_BUILT',
        message: 'The dashboard is not built: run `npm run build:client` (npm start does it for you).',
        details: [],
        requestId: requestIdOf(request),
      });
    });
    return;
  }

  const nativeDate = globalThis.Date;
  const { default: createNextServer } = await import('next');
  const nextApp = createNextServer({ dev: false, dir: CLIENT_DIR, quiet: true });
  await nextApp.prepare();
  restoreNativeDate(nativeDate);
  const handle = nextApp.getRequestHandler();
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isDashboardPath(request.path)) return next();
    void handle(request, response);
  });
  logger.log(`dashboard served at ${DASHBOARD_BASE_PATH}`);
}

/**
 * Loading Next's server replaces the global `Date` with a subclass that watches clock reads (for its
 * `cacheComponents` prerendering, which the dashboard does not use). TypeORM recognises `type: Date` columns by
 * identity with the global `Date`, so after the swap SQLite dates came back as strings (`POST /auth/refresh` failed
 * with a 500 whenever the dashboard was served). The API process keeps the native one.
 */
function restoreNativeDate(nativeDate: DateConstructor): void {
  if (globalThis.Date === nativeDate) return;
  globalThis.Date = nativeDate;
  Object.defineProperty(nativeDate.prototype, 'constructor', { value: nativeDate, writable: true, configurable: true });
}
