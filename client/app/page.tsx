import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Workspace } from '../components/workspace/workspace';
import { RequireSession } from '../lib/auth/session';

// The layout's title template applies to child segments only, not to the page beside it.
export const metadata: Metadata = { title: { absolute: 'Workspace · PortoFino' } };

export default function WorkspacePage() {
  return (
    <RequireSession>
      {/* The workspace reads the address's ?command= (useSearchParams): rendered in the browser only. */}
      <Suspense>
        <Workspace />
      </Suspense>
    </RequireSession>
  );
}
