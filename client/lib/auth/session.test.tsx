import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import { SessionProvider, useSession } from './session';

jest.mock('next/navigation', () => ({ useRouter: () => ({ replace: jest.fn() }), usePathname: () => '/' }));

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ({
    ok: status < 400,
    status,
    json: async () => body,
    headers: { get: (name: string) => headers[name] ?? null },
  }) as unknown as Response;

function Status() {
  const { status, user } = useSession();
  return <p>{`${status} ${user?.email ?? ''}`}</p>;
}

describe('SessionProvider', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('tells the person a rate-limited refresh will be retried, counts down, and restores the session', async () => {
    global.fetch = jest
      .fn<typeof fetch>()
      .mockResolvedValueOnce(
        answer(429, { message: 'too many invalid refresh tokens from this address' }, { 'Retry-After': '3' }),
      )
      .mockResolvedValueOnce(answer(200, { accessToken: 'a', user: { email: 'ada@example.com' } }));
    render(
      <SessionProvider>
        <Status />
      </SessionProvider>,
    );
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The server is limiting sign-in requests from your network (too many invalid refresh tokens from this address). Your session is kept: PortoFino tries again in 3 s.',
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(1000));
    expect(screen.getByRole('status')).toHaveTextContent('tries again in 2 s');
    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('signed-in ada@example.com')).toBeInTheDocument();
  });
});
