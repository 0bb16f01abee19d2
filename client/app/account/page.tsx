import type { Metadata } from 'next';
import { AccountPage } from '../../components/account/account-page';
import { RequireSession } from '../../lib/auth/session';

export const metadata: Metadata = { title: 'Your account' };

export default function Account() {
  return (
    <RequireSession>
      <AccountPage />
    </RequireSession>
  );
}
