import type { Request, Response } from 'express';
import { MemoryRateLimitStore } from '../rate-limit.store';
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_MS, SignedCookieStateStore } from './oauth-state.store';

interface Captured {
  cookies: Record<string, { value: string; options: Record<string, unknown> }>;
  cleared: string[];
}

function fakeRequest(cookies: Record<string, string> = {}): { request: Request; captured: Captured } {
  const captured: Captured = { cookies: {}, cleared: [] };
  const response = {
    cookie: (name: string, value: string, options: Record<string, unknown>) => {
      captured.cookies[name] = { value, options };
    },
    clearCookie: (name: string) => captured.cleared.push(name),
  } as unknown as Response;
  return { request: { cookies, res: response } as unknown as Request, captured };
}

function store(
  storeInstance: SignedCookieStateStore,
  verifier = 'verifier-123',
): Promise<{ state: string; cookie: string }> {
  const { request, captured } = fakeRequest();
  return new Promise((resolve, reject) => {
    storeInstance.store(request, verifier, undefined, {}, (error, state) => {
      if (error || !state) return reject(error ?? new Error('no state'));
      resolve({ state, cookie: captured.cookies[OAUTH_STATE_COOKIE].value });
    });
  });
}

function verify(
  storeInstance: SignedCookieStateStore,
  cookie: string | undefined,
  state: unknown,
): Promise<{ ok: string | false; message?: string; cleared: string[] }> {
  const { request, captured } = fakeRequest(cookie === undefined ? {} : { [OAUTH_STATE_COOKIE]: cookie });
  return new Promise((resolve) => {
    storeInstance.verify(request, state, {}, (_error, ok, info) =>
      resolve({ ok, message: info?.message, cleared: captured.cleared }),
    );
  });
}

describe('SignedCookieStateStore', () => {
  const key = Buffer.alloc(32, 7);
  const states = new SignedCookieStateStore(key, new MemoryRateLimitStore());

  it('has the arities passport-oauth2 needs to hand it the PKCE verifier and meta', () => {
    expect(states.store.length).toBe(5);
    expect(states.verify.length).toBe(4);
  });

  it('sets an httpOnly, Secure, SameSite=Lax cookie on /auth/google and returns the verifier for the matching state', async () => {
    const { request, captured } = fakeRequest();
    await new Promise<void>((resolve) => states.store(request, 'v', undefined, {}, () => resolve()));
    expect(captured.cookies[OAUTH_STATE_COOKIE].options).toEqual({
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/auth/google',
      maxAge: OAUTH_STATE_TTL_MS,
    });
    const { state, cookie } = await store(states, 'the-verifier');
    expect(await verify(states, cookie, state)).toEqual({
      ok: 'the-verifier',
      message: undefined,
      cleared: [OAUTH_STATE_COOKIE],
    });
  });

  it('accepts a state once: the same cookie and state replayed are refused, even by another process', async () => {
    const shared = new MemoryRateLimitStore();
    const { state, cookie } = await store(new SignedCookieStateStore(key, shared));
    expect((await verify(new SignedCookieStateStore(key, shared), cookie, state)).ok).toBe('verifier-123');
    expect((await verify(new SignedCookieStateStore(key, shared), cookie, state)).message).toBe(
      'this sign-in was already completed (a state is used once)',
    );
  });

  it('refuses another state, a missing cookie, a cookie signed with another key, a tampered or expired one', async () => {
    const { state, cookie } = await store(states);
    expect((await verify(states, cookie, 'other')).message).toBe(
      'the state returned by Google does not match this browser',
    );
    expect((await verify(states, cookie, undefined)).ok).toBe(false);
    expect((await verify(states, undefined, state)).message).toBe(
      'this browser did not start a sign-in (no state cookie)',
    );
    const other = await store(new SignedCookieStateStore(Buffer.alloc(32, 8), new MemoryRateLimitStore()));
    expect((await verify(states, other.cookie, other.state)).message).toBe('the state cookie is not valid');
    const [body, mac] = cookie.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, v: 'attacker' })).toString('base64url')}.${mac}`;
    expect((await verify(states, forged, state)).message).toBe('the state cookie is not valid');

    jest.useFakeTimers({ now: Date.now() + OAUTH_STATE_TTL_MS + 1 });
    try {
      expect((await verify(states, cookie, state)).message).toBe('the sign-in took too long (state expired)');
    } finally {
      jest.useRealTimers();
    }
  });
});
