import type { Metadata } from 'next';
import { SharedResults } from '../../../components/sharing/shared-results';

// A shared result is for the people who have the link: never indexed, never followed.
export const metadata: Metadata = {
  title: 'Shared result',
  robots: { index: false, follow: false, nocache: true },
  referrer: 'no-referrer',
};

/** /shared/{token}: a result someone shared, read-only and without signing in. */
export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SharedResults token={token} />;
}
