import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HistoryView } from '../../components/history/history-view';
import { RequireSession } from '../../lib/auth/session';

export const metadata: Metadata = { title: 'History' };

export default function HistoryPage() {
  return (
    <RequireSession>
      {/* The view reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<p className="muted">Loading your simulations…</p>}>
        <HistoryView />
      </Suspense>
    </RequireSession>
  );
}
