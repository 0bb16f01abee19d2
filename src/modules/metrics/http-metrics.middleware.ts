import { Injectable, NestMiddleware } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';

export const HTTP_REQUEST_DURATION = 'http_request_duration_seconds';

/**
 * Times every request. The route label is the matched route template (`/history/:id`), never the raw URL,
 * so unknown URLs all land in one `unmatched` series and label cardinality stays bounded.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_REQUEST_DURATION) private readonly duration: Histogram<string>) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = this.duration.startTimer();
    response.on('finish', () => {
      const template = (request.route as { path?: string } | undefined)?.path;
      stopTimer({
        method: request.method,
        route: template ? `${request.baseUrl}${template}` : 'unmatched',
        status_class: `${Math.floor(response.statusCode / 100)}xx`,
      });
    });
    next();
  }
}
