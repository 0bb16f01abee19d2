'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, errorMessage, unwrap, type Schemas } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format/numbers';
import { loadUplot } from '../charts/uplot-chart';
import { fileNameFromDisposition, saveBlob } from '../report/save-file';
import { ResultWarnings, SimulatedPeriod } from '../results/result-warnings';
import styles from '../results/results.module.css';
import { CompletedResults } from '../results/simulation-results';
import { SHOWN_TRADES } from '../results/trades-list';
import { copyText } from './copy-text';
import { sharedAnalysisSource } from './shared-analysis';
import { SharedTearsheetDownload } from './shared-tearsheet';
import sharing from './sharing.module.css';

type SharedSimulation = Schemas['SharedSimulationDto'];

/** While the shared result's workbook is being built (409 with Retry-After), it is asked for again this often. */
const WORKBOOK_RETRY_MS = 2_000;
const WORKBOOK_TRIES = 30;

async function downloadSharedWorkbook(token: string): Promise<string> {
  for (let attempt = 0; attempt < WORKBOOK_TRIES; attempt += 1) {
    const response = await fetch(`${window.location.origin}/shared/${encodeURIComponent(token)}/report`, {
      credentials: 'omit',
    });
    if (response.ok) {
      const fileName = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'portofino-report.xlsx';
      saveBlob(await response.blob(), fileName);
      return fileName;
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status !== 409) throw ApiError.from(response.status, body);
    await new Promise((resolve) => window.setTimeout(resolve, WORKBOOK_RETRY_MS));
  }
  throw new Error('the workbook is taking too long to build: try again in a minute');
}

function SharedDownload({ token }: { token: string }) {
  const [state, setState] = useState<{ phase: 'idle' | 'working' | 'saved' | 'failed'; message?: string }>({
    phase: 'idle',
  });
  const start = async () => {
    if (state.phase === 'working') return;
    setState({ phase: 'working' });
    try {
      setState({ phase: 'saved', message: `Downloaded ${await downloadSharedWorkbook(token)}` });
    } catch (error) {
      setState({ phase: 'failed', message: `The workbook could not be downloaded: ${errorMessage(error)}` });
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void start()} aria-busy={state.phase === 'working'}>
        Download XLSX
      </button>
      {state.phase === 'working' && (
        <span className="muted" role="status">
          Preparing the workbook…
        </span>
      )}
      {state.phase === 'saved' && (
        <span className="muted" role="status">
          {state.message}
        </span>
      )}
      {state.phase === 'failed' && (
        <p className="error-box" role="alert">
          {state.message}
        </p>
      )}
    </>
  );
}

function SharedHeader({ token, shared }: { token: string; shared: SharedSimulation }) {
  const { simulation } = shared;
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <header className={styles.header}>
      <section className={sharing.snapshot} aria-label="Shared snapshot">
        <p>
          <strong>Shared snapshot.</strong> Someone shared this result with you on {formatDateTime(shared.sharedAt)}: a
          read-only copy of their backtest. You can look, and download its workbook and tearsheet; to change it, open
          the command in your own workspace.
        </p>
      </section>
      <h1 className={styles.title}>
        <code>{simulation.command}</code>
      </h1>
      <dl className={styles.facts}>
        <div className={styles.wide}>
          <dt>Period</dt>
          <dd data-testid="simulated-period">
            <SimulatedPeriod
              askedStart={simulation.startDate}
              askedEnd={simulation.endDate}
              simulatedStart={simulation.summary?.simulatedStart ?? null}
              simulatedEnd={simulation.summary?.simulatedEnd ?? null}
            />
          </dd>
        </div>
      </dl>
      {simulation.summary && <ResultWarnings warnings={simulation.summary.warnings} />}
      <div className={styles.actions}>
        <SharedDownload token={token} />
        <SharedTearsheetDownload token={token} />
        {/* The workspace opens ?command= in the editor; signed out, sign-in comes first and then back here. */}
        <Link className="button secondary" href={`/?command=${encodeURIComponent(simulation.command)}`}>
          Open in my workspace
        </Link>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            void copyText(simulation.command).then((ok) =>
              setCopied(ok ? 'Command copied.' : 'The command could not be copied.'),
            )
          }
        >
          Copy command
        </button>
        {copied && (
          <span className="muted" role="status">
            {copied}
          </span>
        )}
      </div>
    </header>
  );
}

/** /shared/{token}: a shared result, read-only, for anyone with the link (no sign-in). */
export function SharedResults({ token }: { token: string }) {
  const analysisSource = useMemo(() => sharedAnalysisSource(token), [token]);
  const query = useQuery({
    queryKey: ['shared', token],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/shared/{token}', {
          params: { path: { token }, query: { trades: SHOWN_TRADES } },
          signal,
        }),
      ),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

  useEffect(() => {
    void loadUplot().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (query.data) document.title = `Shared: ${query.data.simulation.command} · PortoFino`;
  }, [query.data]);

  if (query.isPending)
    return (
      <p className="muted" role="status">
        Loading the shared result…
      </p>
    );
  if (query.isError) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section className={styles.state}>
        <h1>{gone ? 'This shared link does not exist' : 'The shared result could not be loaded'}</h1>
        <p>
          {gone
            ? 'It may have been revoked by the person who shared it, or the result was deleted.'
            : errorMessage(query.error)}
        </p>
        <p>
          <Link href="/">Go to your workspace</Link>
        </p>
      </section>
    );
  }
  return (
    <article className={styles.results}>
      <SharedHeader token={token} shared={query.data} />
      <CompletedResults detail={query.data.simulation} analysisSource={analysisSource} />
    </article>
  );
}
