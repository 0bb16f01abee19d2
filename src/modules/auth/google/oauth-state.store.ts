import type { Request, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RateLimitStore } from '../rate-limit.store';
import { constantTimeEqual } from '../refresh-token';

export const OAUTH_STATE_COOKIE = 'portofino_oauth_state';
export const OAUTH_STATE_COOKIE_PATH = '/auth/google';
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

/** Why verification failed; the Google guard turns it into OAuthStateInvalidError. */
export interface OAuthStateFailure {
  code: 'OAUTH_STATE_INVALID';
  message: string;
}

interface StatePayload {
  /** The `state` sent to Google. */
  h: string;
  /** PKCE code verifier. */
  v: string;
  /** Expiry, ms since the epoch. */
  e: number;
}

type StoreCallback = (error: Error | null, state?: string) => void;
type VerifyCallback = (error: Error | null, ok: string | false, info?: OAuthStateFailure) => void;

/**
 * passport-oauth2 state store without server sessions: binds the `state` and the PKCE verifier to the browser that
 * started the sign-in, in a short-lived, HMAC-signed, httpOnly cookie (Secure; SameSite=Lax because the callback
 * is a top-level navigation coming from Google; path /auth/google). The callback is accepted only when the `state`
 * Google sends back matches the one in this browser's cookie. A state is single-use on the server, not only
 * because the browser drops the cookie: its first use is recorded (RateLimitStore: Redis when configured, so across
 * processes) until it expires, and a replayed callback — cookie and state captured together — is refused. Method
 * arities matter: passport-oauth2 passes the PKCE verifier to a 5-argument `store` and `meta` to a 4-argument `verify`.
 */
export class SignedCookieStateStore {
  constructor(
    private readonly key: Buffer,
    private readonly used: RateLimitStore,
  ) {}

  store(request: Request, verifier: string, _state: unknown, _meta: unknown, callback: StoreCallback): void {
    const payload: StatePayload = {
      h: randomBytes(24).toString('base64url'),
      v: verifier,
      e: Date.now() + OAUTH_STATE_TTL_MS,
    };
    const response = request.res as Response;
    response.cookie(OAUTH_STATE_COOKIE, this.sign(payload), {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: OAUTH_STATE_COOKIE_PATH,
      maxAge: OAUTH_STATE_TTL_MS,
    });
    callback(null, payload.h);
  }

  verify(request: Request, providedState: unknown, _meta: unknown, callback: VerifyCallback): void {
    const cookie = (request.cookies as Record<string, unknown> | undefined)?.[OAUTH_STATE_COOKIE];
    (request.res as Response).clearCookie(OAUTH_STATE_COOKIE, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: OAUTH_STATE_COOKIE_PATH,
    });
    const fail = (message: string) => callback(null, false, { code: 'OAUTH_STATE_INVALID', message });
    if (typeof cookie !== 'string') return fail('this browser did not start a sign-in (no state cookie)');
    const payload = this.unsign(cookie);
    if (!payload) return fail('the state cookie is not valid');
    if (payload.e <= Date.now()) return fail('the sign-in took too long (state expired)');
    if (typeof providedState !== 'string' || !constantTimeEqual(providedState, payload.h)) {
      return fail('the state returned by Google does not match this browser');
    }
    this.used.claimOnce(`oauth-state:${payload.h}`, payload.e - Date.now()).then(
      (first) =>
        first ? callback(null, payload.v) : fail('this sign-in was already completed (a state is used once)'),
      (error: Error) => callback(error, false),
    );
  }

  private sign(payload: StatePayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  private unsign(value: string): StatePayload | null {
    const [body, signature, ...rest] = value.split('.');
    if (!body || !signature || rest.length > 0) return null;
    const expected = this.mac(body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<StatePayload>;
      if (typeof payload.h !== 'string' || typeof payload.v !== 'string' || typeof payload.e !== 'number') return null;
      return payload as StatePayload;
    } catch {
      return null;
    }
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body).digest();
  }
}
