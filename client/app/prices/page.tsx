import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PriceUpload } from '../../components/prices/price-upload';
import { RequireSession } from '../../lib/auth/session';

export const metadata: Metadata = { title: 'Your prices' };

export default function PricesPage() {
  return (
    <RequireSession>
      {/* ?ticker= prefills the ticker (useSearchParams), which needs a Suspense boundary. */}
      <Suspense>
        <PriceUpload />
      </Suspense>
    </RequireSession>
  );
}
