import type { Metadata } from 'next';
import { StudyView } from '../../../components/study/study-view';
import { RequireSession } from '../../../lib/auth/session';

export const metadata: Metadata = { title: 'Study' };

/** /studies/{id}: one study, live while it runs, then its scatter and best portfolios. */
export default async function StudyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSession>
      <StudyView id={id} />
    </RequireSession>
  );
}
