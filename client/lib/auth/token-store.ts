import type { components } from '../api/schema';

type Tokens = components['schemas']['AuthTokensResponse'];

/**
 * The access token lives in memory only (never in storage a script could read); the refresh token is the
 * server's httpOnly cookie. Refresh tokens rotate and a replayed one revokes the whole sign-in, so refreshes
 * are serialised: one in flight per tab, and one at a time across tabs (Web Locks).
 */
let accessToken: string | null = null;
let inFlight: Promise<Tokens | null> | null = null;
const listeners = new Set<(tokens: Tokens | null) => void>();

export const accessTokenNow = (): string | null => accessToken;

export function setSession(tokens: Tokens | null): void {
  accessToken = tokens?.accessToken ?? null;
  listeners.forEach((listener) => listener(tokens));
}

/** Called with the new tokens on every sign-in, refresh and sign-out (null). */
export function onSessionChange(listener: (tokens: Tokens | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function postRefresh(): Promise<Tokens | null> {
  const response = await fetch(`${window.location.origin}/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return response.ok ? ((await response.json()) as Tokens) : null;
}

/** Trades the refresh cookie for new tokens; null (and signed out) when there is no valid session. */
export function refreshSession(): Promise<Tokens | null> {
  inFlight ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const tokens = locks ? await locks.request('portofino-refresh', postRefresh) : await postRefresh();
      setSession(tokens);
      return tokens;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
