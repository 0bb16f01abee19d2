'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, errorMessage, unwrap, type Schemas } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format/numbers';
import { loadUplot } from '../charts/uplot-chart';
import { ResultWarnings, SimulatedPeriod } from '../results/result-warnings';
import styles from '../results/results.module.css';
import { CompletedResults } from '../results/simulation-results';
import { SHOWN_TRADES } from '../results/trades-list';
import { copyText } from './copy-text';
import { SharedComparison } from './shared-comparison';
import { SharedDownload } from './shared-download';
import { sharedAnalysisSource } from './shared-analysis';
import { SharedTearsheetDownload } from './shared-tearsheet';
import sharing from './sharing.module.css';

type SharedSimulation = Schemas['SharedSimulationDto'];

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
    if (query.data?.kind === 'simulation') document.title = `Shared: ${query.data.simulation.command} · PortoFino`;
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
  // A shared comparison has its own page (members side by side).
  if (query.data.kind === 'comparison') return <SharedComparison token={token} shared={query.data} />;
  return (
    <article className={styles.results}>
      <SharedHeader token={token} shared={query.data} />
      <CompletedResults detail={query.data.simulation} analysisSource={analysisSource} />
    </article>
  );
}
