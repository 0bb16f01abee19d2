'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { api, errorMessage, unwrap, type User } from '../../lib/api/client';

/** The word a person types to confirm: deleting cannot be undone, so a single click must not do it. */
export const CONFIRMATION_WORD = 'delete';

/**
 * Deletes the signed-in account and everything it holds (DELETE /auth/me). An account with a password confirms
 * with it; one that signs in only with Google confirms by having signed in within the last 5 minutes (the server
 * says so with FRESH_SIGN_IN_REQUIRED, shown as it comes).
 */
export function DeleteAccount({ user }: { user: User }) {
  const router = useRouter();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorId = useId();
  const confirmed = confirmation.trim().toLowerCase() === CONFIRMATION_WORD && (!user.hasPassword || password !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    setPending(true);
    setError(null);
    try {
      unwrap(await api.DELETE('/auth/me', { body: user.hasPassword ? { password } : {} }));
      // The server revoked every session; the sign-in page forgets the tokens (forgetting them here first would let
      // this page's RequireSession redirect to a plain sign-in before the navigation).
      router.replace('/sign-in?deleted=1');
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <section className="card" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete your account</h2>
      <p>
        This deletes <strong>{user.email}</strong> and everything it holds: your simulations and their results, your
        reports, your uploaded prices and every session. It cannot be undone.
      </p>
      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        {user.hasPassword ? (
          <label className="field">
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
        ) : (
          <p className="muted field-hint">
            Your account signs in with Google: sign in again first if your last sign-in was more than 5 minutes ago.
          </p>
        )}
        <label className="field">
          <span>Type “{CONFIRMATION_WORD}” to confirm</span>
          <input
            name="confirmation"
            autoComplete="off"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        </label>
        {error !== null && (
          <div id={errorId} role="alert" className="error-box">
            <p>{errorMessage(error)}</p>
          </div>
        )}
        <button type="submit" className="button danger" disabled={!confirmed || pending}>
          {pending ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}
