'use client';

import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { api, unwrap } from '../../lib/api/client';
import { ComparisonActions } from './comparison-actions';
import { ComparisonAnnualReturns } from './comparison-annual-returns';
import { ComparisonCharts } from './comparison-charts';
import type { ComparisonDetail, ComparisonResult } from './comparison-data';
import { ComparisonMetricsTable, CorrelationTable } from './comparison-tables';
import styles from './comparison.module.css';

// The socket client comes with a running comparison, not with the page.
const ComparisonProgress = lazy(() => import('./comparison-progress'));

const inProgress = (detail: ComparisonDetail | undefined) =>
  detail?.status === 'queued' || detail?.status === 'running';

/** One comparison: its period said plainly, the overlaid charts, the metrics side by side, the correlations. */
export function ComparisonView({ id }: { id: string }) {
  const query = useQuery({
    queryKey: ['comparison', id],
    queryFn: async ({ signal }) => unwrap(await api.GET('/comparisons/{id}', { params: { path: { id } }, signal })),
    refetchInterval: ({ state }) => (inProgress(state.data) ? 1_000 : false),
  });
  if (query.isPending) return <p role="status">Loading the comparison…</p>;
  if (query.isError) return <p role="alert">This comparison was not found.</p>;
  return <ComparisonContent detail={query.data} actions={<ComparisonActions detail={query.data} />} />;
}

/** The page's content; `actions` (share, download) show once the comparison has completed. */
export function ComparisonContent({ detail, actions }: { detail: ComparisonDetail; actions?: ReactNode }) {
  const names = detail.members.map((member) => member.name).join(' vs ');
  if (detail.status === 'failed') {
    return (
      <main className={styles.page}>
        <h1>{names}</h1>
        <p role="alert">
          The comparison failed
          {detail.failureMember !== null ? ` (${detail.members[detail.failureMember]?.name})` : ''}:{' '}
          {detail.failureReason}
        </p>
      </main>
    );
  }
  if (!detail.result) {
    return (
      <main className={styles.page}>
        <h1>{names}</h1>
        <Suspense fallback={<p role="status">{detail.status === 'queued' ? 'Queued' : 'Running'}</p>}>
          <ComparisonProgress detail={detail} />
        </Suspense>
      </main>
    );
  }
  return (
    <main className={styles.page}>
      <h1>{names}</h1>
      {actions}
      <ComparisonResultSections result={detail.result} />
    </main>
  );
}

/** A completed comparison's result: the period said plainly, the overlaid charts, the metrics, the correlations. */
export function ComparisonResultSections({ result }: { result: ComparisonResult }) {
  return (
    <>
      <p className={styles.statement}>{result.period.statement}</p>
      {result.period.notes.length > 0 && (
        <ul>
          {result.period.notes.map((note) => (
            <li key={`${note.member}-${note.code}`}>{note.message}</li>
          ))}
        </ul>
      )}
      <ComparisonCharts result={result} />
      <ComparisonAnnualReturns members={result.members} />
      <div className={styles.tableWrap}>
        <ComparisonMetricsTable result={result} />
      </div>
      <div className={styles.tableWrap}>
        <CorrelationTable result={result} />
      </div>
    </>
  );
}
