'use client';

import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { ComparisonCharts } from './comparison-charts';
import type { ComparisonDetail } from './comparison-data';
import { ComparisonMetricsTable, CorrelationTable } from './comparison-tables';
import styles from './comparison.module.css';

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
  return <ComparisonContent detail={query.data} />;
}

export function ComparisonContent({ detail }: { detail: ComparisonDetail }) {
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
        <p role="status">
          {detail.status === 'queued'
            ? 'Queued'
            : `${detail.progress.phase ?? 'Running'} (${detail.progress.percent}%)`}
        </p>
      </main>
    );
  }
  const { result } = detail;
  return (
    <main className={styles.page}>
      <h1>{names}</h1>
      <p className={styles.statement}>{result.period.statement}</p>
      {result.period.notes.length > 0 && (
        <ul>
          {result.period.notes.map((note) => (
            <li key={`${note.member}-${note.code}`}>{note.message}</li>
          ))}
        </ul>
      )}
      <ComparisonCharts result={result} />
      <div className={styles.tableWrap}>
        <ComparisonMetricsTable result={result} />
      </div>
      <div className={styles.tableWrap}>
        <CorrelationTable result={result} />
      </div>
    </main>
  );
}
