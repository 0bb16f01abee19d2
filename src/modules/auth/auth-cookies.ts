import type { CookieOptions, Request, Response } from 'express';

/** The refresh token's cookie: httpOnly (no script reads it), Secure, SameSite=Strict, sent only to /auth. */
export const REFRESH_COOKIE = 'portofino_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

/**
 * `Secure` stays on even for http://localhost: browsers treat localhost as a secure context and accept it; on any
 * other plain-http host the browser drops the cookie, and API clients use the token in the JSON body instead.
 */
function refreshCookieOptions(): CookieOptions {
  return { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH };
}

export function setRefreshCookie(response: Response, token: string, expiresAt: Date): void {
  response.cookie(REFRESH_COOKIE, token, { ...refreshCookieOptions(), expires: expiresAt });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(REFRESH_COOKIE, refreshCookieOptions());
}

export function refreshCookieOf(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
