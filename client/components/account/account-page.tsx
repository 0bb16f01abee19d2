'use client';

import { useSession } from '../../lib/auth/session';
import { DeleteAccount } from './delete-account';

/** The signed-in person's account: who they are, how they sign in, and deleting it. */
export function AccountPage() {
  const { user } = useSession();
  if (!user) return null;
  const ways = [user.hasPassword ? 'a password' : null, user.googleLinked ? 'Google' : null].filter(Boolean);
  return (
    <>
      <section className="card" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <dl>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          {user.displayName && (
            <>
              <dt>Name</dt>
              <dd>{user.displayName}</dd>
            </>
          )}
          <dt>Signs in with</dt>
          <dd>{ways.join(' or ')}</dd>
          <dt>Member since</dt>
          <dd>{user.createdAt.slice(0, 10)}</dd>
        </dl>
      </section>
      <DeleteAccount user={user} />
    </>
  );
}
