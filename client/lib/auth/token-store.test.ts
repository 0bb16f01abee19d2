import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { accessTokenNow, onRefreshNotice, onSessionChange, refreshSession, type RefreshNotice } from './token-store';

const TOKENS = { accessToken: 'access-2', user: { id: 'u1', email: 'ada@example.com' } };

/** What fetch resolves with: status, JSON body and headers, as the browser's Response exposes them. */
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({
    ok: status < 400,
    status,
    json: async () => body,
    headers: { get: (name: string) => headers[name] ?? headers[name.toLowerCase()] ?? null },
  }) as unknown as Response;

describe('refreshSession', () => {
  const fetchMock = jest.fn<typeof fetch>();

  beforeEach(() => {
    jest.useFakeTimers();
    global.fetch = fetchMock;
  });

  afterEach(() => {
    jest.useRealTimers();
    fetchMock.mockReset();
  });

  it('keeps the session through a 429: says so, waits Retry-After, tries again', async () => {
    const notices: (RefreshNotice | null)[] = [];
    const sessions: unknown[] = [];
    const stopNotices = onRefreshNotice((notice) => notices.push(notice));
    const stopSessions = onSessionChange((tokens) => sessions.push(tokens));
    fetchMock
      .mockResolvedValueOnce(
        answer(
          429,
          { message: 'too many invalid refresh tokens from this address: try again in 7 seconds' },
          {
            'Retry-After': '7',
          },
        ),
      )
      .mockResolvedValueOnce(answer(200, TOKENS));
    try {
      const refreshed = refreshSession();
      await jest.advanceTimersByTimeAsync(0);
      expect(notices).toEqual([
        {
          message: 'too many invalid refresh tokens from this address: try again in 7 seconds',
          retryAt: Date.now() + 7000,
        },
      ]);
      // Nobody was signed out while waiting.
      expect(sessions).toEqual([]);
      await jest.advanceTimersByTimeAsync(6999);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      await expect(refreshed).resolves.toEqual(TOKENS);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(notices.at(-1)).toBeNull();
      expect(sessions).toEqual([TOKENS]);
      expect(accessTokenNow()).toBe('access-2');
    } finally {
      stopNotices();
      stopSessions();
    }
  });

  it('signs out when the refresh token is refused (401)', async () => {
    fetchMock.mockResolvedValueOnce(answer(401, { error: 'REFRESH_TOKEN_INVALID' }));
    await expect(refreshSession()).resolves.toBeNull();
    expect(accessTokenNow()).toBeNull();
  });
});
