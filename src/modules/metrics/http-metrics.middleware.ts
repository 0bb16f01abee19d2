import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times every request. The route label is the matched route template (`/history/:id`), never the raw URL,
 * so unknown URLs all land in one `unmatched` series and label cardinality stays bounded.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = this.metrics.httpDuration.startTimer();
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
