import type { NextFunction, Request, Response } from 'express';
import { gzip } from 'node:zlib';

/** Below this a JSON answer is sent as it is: compressing it saves less than it costs. */
export const GZIP_MIN_BYTES = 64 * 1024;
/** zlib level 1: most of the gain on JSON numbers (about 2.6×) for the least CPU. */
const GZIP_LEVEL = 1;

/** Whether the request's Accept-Encoding allows gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

/**
 * Compresses large JSON answers (a 33-year result with its daily series and rolling metrics is several MB of
 * decimal numbers) with gzip when the client accepts it: the bytes change, never the JSON. The compression runs on
 * libuv's thread pool (zlib's asynchronous API), so the event loop is not held; small answers, files and streams
 * (StreamableFile never goes through res.json) are untouched.
 */
export function compressLargeJson(request: Request, response: Response, next: NextFunction): void {
  if (!acceptsGzip(request.headers['accept-encoding'])) return next();
  const json = response.json.bind(response);
  response.json = (body?: unknown) => {
    const text = JSON.stringify(body);
    if (text === undefined || text.length < GZIP_MIN_BYTES) return json(body);
    gzip(text, { level: GZIP_LEVEL }, (error, zipped) => {
      if (response.headersSent) return;
      if (error) {
        json(body);
        return;
      }
      response.setHeader('Content-Encoding', 'gzip');
      response.vary('Accept-Encoding');
      response.type('application/json; charset=utf-8');
      response.setHeader('Content-Length', zipped.length);
      response.end(zipped);
    });
    return response;
  };
  next();
}
