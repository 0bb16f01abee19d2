'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage, unwrap } from '../../lib/api/client';
import { studyApi, type StudyDetail } from '../../lib/api/studies';
import { formatInteger } from '../../lib/format/numbers';
import { furtherAlong, useLiveProgress, type LiveProgress } from '../../lib/realtime/live-progress';
import { ConfirmDialog } from '../history/confirm-dialog';
import { ProgressBar } from '../progress/progress-bar';
import { DownloadButton } from '../report/download-button';
import { fetchBinary, saveResponse } from '../report/save-file';
import styles from './study.module.css';

// The scatter, its index and the tables come once the study is completed (their own chunk).
const StudyResults = dynamic(() => import('./study-results'), {
  loading: () => <p role="status">Loading the results…</p>,
});

/** If the socket is quiet (a proxy without WebSockets), the study's state is read this often instead. */
const POLL_MS = 2_000;

const unfinished = (study: StudyDetail | undefined) => study?.status === 'queued' || study?.status === 'running';

/** The live state when it is further along than the stored one (the socket is ahead of the row between polls). */
export function studyProgress(study: StudyDetail, live: LiveProgress | null): LiveProgress {
  const stored: LiveProgress = {
    status: study.status,
    phase: study.progress.phase,
    percent: study.progress.percent,
    failureReason: study.failureReason,
    chunks: {
      chunksDone: study.progress.chunksDone,
      chunksTotal: study.progress.chunksTotal,
      candidatesEvaluated: study.progress.candidatesEvaluated,
    },
  };
  const ahead = furtherAlong(live, stored);
  return ahead.chunks ? ahead : { ...ahead, chunks: stored.chunks };
}

async function saveWorkbook(id: string): Promise<string> {
  const response = await fetchBinary(`/studies/${encodeURIComponent(id)}/xlsx`);
  return saveResponse(response, `portofino-study-${id}.xlsx`);
}

/** /studies/{id}: the study followed live, then its results; download it as a workbook or delete it. */
export function StudyView({ id }: { id: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const live = useLiveProgress('study', id);
  const query = useQuery({
    queryKey: ['study', id],
    queryFn: async ({ signal }) => unwrap(await studyApi.GET('/studies/{id}', { params: { path: { id } }, signal })),
    refetchInterval: ({ state }) => (unfinished(state.data) ? POLL_MS : false),
  });
  const study = query.data;
  // The socket says it is over: read the result now rather than at the next poll.
  const liveDone = live?.status === 'completed' || live?.status === 'failed';
  if (liveDone && study && unfinished(study) && !query.isFetching) void query.refetch();

  const remove = useMutation({
    mutationFn: async () => unwrap(await studyApi.DELETE('/studies/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['studies'] });
      router.push('/studies');
    },
  });

  if (query.isPending) return <p role="status">Loading the study…</p>;
  if (query.isError || !study) return <p role="alert">This study was not found.</p>;
  const progress = studyProgress(study, live);
  const { request } = study;
  return (
    <div className={styles.page}>
      <h1>Study: {request.tickers.join(' ')}</h1>
      <p className="muted">
        {request.start} to {request.end} · {request.method ?? 'random'} · {formatInteger(study.candidateCount)}{' '}
        candidates · seed {request.seed ?? 0}
      </p>
      <div className={styles.toolbar}>
        {study.status === 'completed' && (
          <DownloadButton label="Download XLSX" thing="workbook" save={() => saveWorkbook(id)} />
        )}
        <button type="button" className="button danger" onClick={() => setConfirming(true)} disabled={remove.isPending}>
          Delete study
        </button>
      </div>
      {remove.isError && (
        <p className="error-box" role="alert">
          The study could not be deleted: {errorMessage(remove.error)}
        </p>
      )}
      {unfinished(study) && (
        <section className="card" aria-label="Progress">
          <ProgressBar label="Study progress" percent={progress.percent} phase={progress.phase} />
          {progress.chunks && (
            <p className={styles.counts} data-testid="study-counts">
              Chunks {formatInteger(progress.chunks.chunksDone)} / {formatInteger(progress.chunks.chunksTotal)} ·{' '}
              {formatInteger(progress.chunks.candidatesEvaluated)} of {formatInteger(study.candidateCount)} candidates
              evaluated
            </p>
          )}
        </section>
      )}
      {study.status === 'failed' && (
        <p className="error-box" role="alert">
          The study failed: {study.failureReason ?? 'no reason given'}
        </p>
      )}
      {study.status === 'completed' && study.result && <StudyResults id={id} result={study.result} />}
      <ConfirmDialog
        open={confirming}
        title="Delete this study?"
        confirmLabel="Delete"
        onConfirm={() => {
          setConfirming(false);
          remove.mutate();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{request.tickers.join(' ')}</p>
        <p className="muted">Its results are removed. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
