'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage, unwrap } from '../lib/api/client';
import { useSession } from '../lib/auth/session';
import { setSession } from '../lib/auth/token-store';

type Mode = 'sign-in' | 'register';

/** Only same-site paths are followed after signing in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Per-field messages from a 400's details, when the server sent them. */
function fieldProblems(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .map((detail) => (detail as { message?: unknown }).message)
    .filter((message): message is string => typeof message === 'string');
}

/** Email and password form for signing in or creating an account, plus Google when the server offers it. */
export function AuthForm({ mode }: { mode: Mode }) {
  const { status, signIn, register } = useSession();
  const router = useRouter();
  const searchParams = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const accountDeleted = mode === 'sign-in' && searchParams.get('deleted') === '1';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorId = useId();
  const policyId = useId();
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: async () => unwrap(await api.GET('/auth/providers')),
    staleTime: Infinity,
  });
  // The rules come from the server that enforces them, never copied here.
  const policy = useQuery({
    queryKey: ['password-policy'],
    queryFn: async () => unwrap(await api.GET('/auth/password-policy')),
    staleTime: Infinity,
    enabled: mode === 'register',
  });

  // After deleting the account: its tokens are dead on the server, forget them here (and stay on this page).
  useEffect(() => {
    if (accountDeleted) setSession(null);
  }, [accountDeleted]);

  useEffect(() => {
    if (status === 'signed-in' && !accountDeleted) router.replace(next);
  }, [status, router, next, accountDeleted]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (mode === 'register') await register(email, password, displayName.trim() || undefined);
      else await signIn(email, password);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const title = mode === 'register' ? 'Create your account' : 'Sign in';
  const problems = fieldProblems(error);
  return (
    <section className="card auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {accountDeleted && (
        <p role="status" className="notice">
          Your account and everything it held were deleted.
        </p>
      )}
      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        {mode === 'register' && (
          <label className="field">
            <span>Name (optional)</span>
            <input
              name="displayName"
              autoComplete="name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span>Email</span>
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
            required
            minLength={mode === 'register' ? policy.data?.minLength : undefined}
            maxLength={mode === 'register' ? policy.data?.maxLength : undefined}
            aria-describedby={mode === 'register' && policy.data ? policyId : undefined}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {mode === 'register' && policy.data && (
          <p id={policyId} className="muted field-hint" data-testid="password-policy">
            {policy.data.summary}
          </p>
        )}
        {error !== null && (
          <div id={errorId} role="alert" className="error-box">
            <p>{errorMessage(error)}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Please wait…' : mode === 'register' ? 'Create account' : 'Sign in'}
        </button>
      </form>
      {providers.data?.google && providers.data.googleLoginUrl && (
        <p>
          <a className="button secondary google" href={providers.data.googleLoginUrl}>
            Continue with Google
          </a>
        </p>
      )}
      <p className="muted">
        {mode === 'register' ? (
          <>
            Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New to PortoFino? <Link href={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        )}
      </p>
    </section>
  );
}
