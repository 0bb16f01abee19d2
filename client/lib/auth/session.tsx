'use client';

import { useRouter, usePathname } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap, type User } from '../api/client';
import { onRefreshNotice, onSessionChange, refreshSession, setSession, type RefreshNotice } from './token-store';

type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

export interface Session {
  status: SessionStatus;
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  register(email: string, password: string, displayName?: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Restores the session from the refresh cookie on load and keeps the signed-in user for every page. While the
 * server rate-limits refreshing, says so (and the token store tries again): the person stays signed in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [notice, setNotice] = useState<RefreshNotice | null>(null);

  useEffect(() => {
    const stop = onSessionChange((tokens) => {
      setUser(tokens?.user ?? null);
      setStatus(tokens ? 'signed-in' : 'signed-out');
    });
    const stopNotices = onRefreshNotice(setNotice);
    void refreshSession().catch(() => setSession(null));
    return () => {
      stop();
      stopNotices();
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    setSession(unwrap(await api.POST('/auth/login', { body: { email, password } })));
  }, []);

  const register = useCallback(async (email: string, password: string, displayName?: string) => {
    setSession(unwrap(await api.POST('/auth/register', { body: { email, password, displayName } })));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.POST('/auth/logout', { body: {} });
    } finally {
      setSession(null);
    }
  }, []);

  const value = useMemo(() => ({ status, user, signIn, register, signOut }), [status, user, signIn, register, signOut]);
  return (
    <SessionContext.Provider value={value}>
      {notice && <RefreshNoticeBanner notice={notice} />}
      {children}
    </SessionContext.Provider>
  );
}

/** "Too many attempts… trying again in 42 s", counting down to the next try. */
function RefreshNoticeBanner({ notice }: { notice: RefreshNotice }) {
  const secondsLeft = () => Math.max(0, Math.ceil((notice.retryAt - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(secondsLeft);
  useEffect(() => {
    setSeconds(secondsLeft());
    const timer = setInterval(() => setSeconds(secondsLeft()), 1000);
    return () => clearInterval(timer);
    // secondsLeft reads only `notice`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notice]);
  return (
    <p className="notice" role="status">
      The server is limiting sign-in requests from your network ({notice.message}). Your session is kept: PortoFino
      tries again {seconds > 0 ? `in ${seconds} s` : 'now'}.
    </p>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}

/** Renders its children for a signed-in person; otherwise sends them to sign in and back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    // The query string too, so a filtered history link survives signing in.
    if (status === 'signed-out')
      router.replace(`/sign-in?next=${encodeURIComponent(pathname + window.location.search)}`);
  }, [status, router, pathname]);
  if (status !== 'signed-in')
    return (
      <p className="muted" role="status">
        {status === 'loading' ? 'Loading your session…' : 'Redirecting to sign in…'}
      </p>
    );
  return <>{children}</>;
}
