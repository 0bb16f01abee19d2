import type { components } from '../api/schema';

type Tokens = components['schemas']['AuthTokensResponse'];

/** Shown while the server asks us to wait before refreshing again (429): the session is kept, not signed out. */
export interface RefreshNotice {
  message: string;
  /** When the next try happens (ms since the epoch). */
  retryAt: number;
}

/** Longest wait between two tries, whatever Retry-After says. */
const MAX_RETRY_WAIT_SECONDS = 300;

/**
 * The access token lives in memory only (never in storage a script could read); the refresh token is the
 * server's httpOnly cookie. Refresh tokens rotate and a replayed one revokes the whole sign-in, so refreshes
 * are serialised: one in flight per tab, and one at a time across tabs (Web Locks).
 */
let accessToken: string | null = null;
let inFlight: Promise<Tokens | null> | null = null;
const listeners = new Set<(tokens: Tokens | null) => void>();
const noticeListeners = new Set<(notice: RefreshNotice | null) => void>();

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

/** Called with a notice when a refresh is rate-limited and will be tried again, and with null once it went through. */
export function onRefreshNotice(listener: (notice: RefreshNotice | null) => void): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

type RefreshAnswer = { tokens: Tokens | null } | { waitSeconds: number; message: string };

async function postRefresh(): Promise<RefreshAnswer> {
  const response = await fetch(`${window.location.origin}/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  if (response.status === 429) {
    const body = (await response.json().catch(() => ({}))) as { message?: unknown };
    const header = Number(response.headers.get('Retry-After'));
    const waitSeconds = Math.min(
      Math.max(Number.isFinite(header) && header > 0 ? header : 5, 1),
      MAX_RETRY_WAIT_SECONDS,
    );
    return { waitSeconds, message: typeof body.message === 'string' ? body.message : 'Too many attempts.' };
  }
  return { tokens: response.ok ? ((await response.json()) as Tokens) : null };
}

const notify = (notice: RefreshNotice | null) => noticeListeners.forEach((listener) => listener(notice));

/**
 * Trades the refresh cookie for new tokens; null (and signed out) when there is no valid session. When the server
 * answers 429, the person is told and the refresh is tried again after Retry-After: being rate-limited never signs
 * anyone out.
 */
export function refreshSession(): Promise<Tokens | null> {
  inFlight ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      for (;;) {
        const answer = locks ? await locks.request('portofino-refresh', postRefresh) : await postRefresh();
        if ('tokens' in answer) {
          notify(null);
          setSession(answer.tokens);
          return answer.tokens;
        }
        const retryAt = Date.now() + answer.waitSeconds * 1000;
        notify({ message: answer.message, retryAt });
        await new Promise((resolve) => setTimeout(resolve, answer.waitSeconds * 1000));
      }
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}
