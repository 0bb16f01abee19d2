import type { Metadata } from 'next';
import { ComparisonView } from '../../../components/comparison/comparison-view';
import { RequireSession } from '../../../lib/auth/session';

export const metadata: Metadata = { title: 'Comparison' };

/** /comparisons/{id}: one comparison's results, side by side. */
export default async function ComparisonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSession>
      <ComparisonView id={id} />
    </RequireSession>
  );
}
