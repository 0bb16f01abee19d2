import createClient, { type Middleware } from 'openapi-fetch';
import { accessTokenNow, refreshSession } from '../auth/token-store';
import type { components, paths } from './schema';

/** The API's schemas, by name, as generated from its OpenAPI document. */
export type Schemas = components['schemas'];
export type SimulationDetail = Schemas['SimulationDetailDto'];
export type SimulationSummary = Schemas['SimulationSummaryDto'];
export type PerformanceMetrics = Schemas['PerformanceMetricsDto'];
export type User = Schemas['UserResponse'];
export type ErrorBody = Schemas['ErrorResponse'];

/** An answer of the API that is not a success, carrying its error shape (status, code, message, details). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const shaped = body as Partial<ErrorBody> | undefined;
    if (shaped && typeof shaped.message === 'string')
      return new ApiError(status, shaped.error ?? 'ERROR', shaped.message, shaped.details ?? [], shaped.requestId);
    return new ApiError(status, 'ERROR', `The server answered ${status}.`);
  }
}

/** What to show a person for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}

const PUBLIC_AUTH_PATHS = /\/auth\/(login|register|refresh|logout|providers)$/;

/**
 * Adds the access token; on a 401 from a protected path it refreshes the session once (the refresh cookie) and
 * replays the request, so an expired 15-minute token never surfaces as an error.
 */
export const authentication: Middleware = {
  async onRequest({ request }) {
    const token = accessTokenNow();
    if (token && !PUBLIC_AUTH_PATHS.test(new URL(request.url).pathname))
      request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || PUBLIC_AUTH_PATHS.test(new URL(request.url).pathname)) return response;
    const session = await refreshSession().catch(() => null);
    if (!session) return response;
    const retry = request.clone();
    retry.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return fetch(retry);
  },
};

/** The one typed client of the dashboard: every call's path, parameters and answer come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: apiBaseUrl(), credentials: 'same-origin' });
api.use(authentication);

/** The API is served on the dashboard's own origin (see src/dashboard/dashboard.ts). */
export function apiBaseUrl(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

/** Returns `data`, or throws the API's error as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as T;
}
