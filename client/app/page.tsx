import type { Metadata } from 'next';
import { Workspace } from '../components/workspace/workspace';
import { RequireSession } from '../lib/auth/session';

// The layout's title template applies to child segments only, not to the page beside it.
export const metadata: Metadata = { title: { absolute: 'Workspace · PortoFino' } };

export default function WorkspacePage() {
  return (
    <RequireSession>
      <Workspace />
    </RequireSession>
  );
}
