'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { errorMessage, unwrap } from '../../lib/api/client';
import { studyApi, type StudySummary } from '../../lib/api/studies';
import { formatDateTime, formatInteger } from '../../lib/format/numbers';
import styles from './study.module.css';

const PAGE_SIZE = 20;

const STATUS_WORDS: Record<StudySummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

const unfinished = (study: StudySummary) => study.status === 'queued' || study.status === 'running';

/** The state of a study in words, with how far along an unfinished one is. */
export function studyStatusWords(study: Pick<StudySummary, 'status' | 'progress'>): string {
  const words = STATUS_WORDS[study.status];
  return study.status === 'running' ? `${words} ${Math.round(study.progress.percent)}%` : words;
}

/** "Your studies": newest first, a page at a time, refreshed while any of them runs. */
export function StudyList() {
  const headingId = useId();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['studies', page],
    queryFn: async ({ signal }) =>
      unwrap(await studyApi.GET('/studies', { params: { query: { page, size: PAGE_SIZE } }, signal })),
    refetchInterval: ({ state }) => (state.data?.items.some(unfinished) ? 2_000 : false),
  });
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.size)) : 1;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Your studies</h2>
      {query.isPending && <p role="status">Loading your studies…</p>}
      {query.isError && (
        <p className="error-box" role="alert">
          Your studies could not be loaded: {errorMessage(query.error)}
        </p>
      )}
      {query.data && query.data.items.length === 0 && <p className="muted">No studies yet.</p>}
      {query.data && query.data.items.length > 0 && (
        <div className={styles.tableWrap}>
          <table>
            <thead>
              <tr>
                <th scope="col">Universe</th>
                <th scope="col">Period</th>
                <th scope="col">Method</th>
                <th scope="col" className={styles.numeric}>
                  Candidates
                </th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((study) => (
                <tr key={study.id}>
                  <td>
                    <Link href={`/studies/${study.id}`}>{study.request.tickers.join(' ')}</Link>
                  </td>
                  <td>
                    {study.request.start} – {study.request.end}
                  </td>
                  <td>{study.request.method ?? 'random'}</td>
                  <td className={styles.numeric}>{formatInteger(study.candidateCount)}</td>
                  <td>
                    {studyStatusWords(study)}
                    {study.status === 'failed' && study.failureReason && (
                      <span className="muted">: {study.failureReason}</span>
                    )}
                  </td>
                  <td>{formatDateTime(study.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className={styles.toolbar} aria-label="Study pages">
          <button type="button" className="button secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" className="button secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
