import type { Metadata } from 'next';
import { Workspace } from '../components/workspace/workspace';
import { RequireSession } from '../lib/auth/session';

export const metadata: Metadata = { title: 'Workspace' };

export default function WorkspacePage() {
  return (
    <RequireSession>
      <Workspace />
    </RequireSession>
  );
}
