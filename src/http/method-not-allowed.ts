import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from './error-response';
import { HTTP_METHODS } from './openapi-completion';
import { requestIdOf } from './request-id';

interface Resource {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/history/{id}/rerun` → /^\/history\/[^/]+\/rerun\/?$/ (one segment per parameter, as the router matches). */
function patternOf(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * 405 Method Not Allowed, with `Allow`, for a method the document does not list on a path it does (`TRACE /health`,
 * `PUT /history`), instead of the router's 404: RFC 9110, and what the OpenAPI document promises. Paths the document
 * does not describe (the dashboard, /docs) are left alone; HEAD goes with GET and OPTIONS to CORS.
 */
export function methodNotAllowed(document: OpenAPIObject): RequestHandler {
  const resources: Resource[] = Object.entries(document.paths).map(([template, item]) => ({
    pattern: patternOf(template),
    methods: new Set(HTTP_METHODS.filter((method) => item[method]).map((method) => method.toUpperCase())),
  }));
  return (request: Request, response: Response, next: NextFunction) => {
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') return next();
    const allowed = new Set<string>();
    for (const resource of resources) {
      if (resource.pattern.test(request.path)) resource.methods.forEach((one) => allowed.add(one));
    }
    if (allowed.size === 0 || allowed.has(method) || (method === 'HEAD' && allowed.has('GET'))) return next();
    if (allowed.has('GET')) allowed.add('HEAD');
    const allow = [...allowed].sort().join(', ');
    response.setHeader('Allow', allow);
    sendError(response, {
      status: 405,
      error: 'METHOD_NOT_ALLOWED',
      message: `${method} is not allowed on ${request.path}: use ${allow}`,
      details: [],
      requestId: requestIdOf(request),
    });
  };
}
