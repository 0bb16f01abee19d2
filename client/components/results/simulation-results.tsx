'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage, type SimulationDetail } from '../../lib/api/client';
import type { LiveProgress } from '../../lib/realtime/live-progress';
import { epochSeconds } from '../charts/chart-data';
import type { ChartHighlight } from '../charts/chart-highlight';
import { loadUplot } from '../charts/uplot-chart';
import { formatPercent } from '../../lib/format/numbers';
import { DrawdownEpisodesTable } from './drawdown-episodes-table';
import { ProgressBar } from '../progress/progress-bar';
import { ProjectForwardPanel } from '../projection/project-forward-panel';
import { MetricCards } from './metric-cards';
import { MetricsTable } from './metrics-table';
import { OutcomeSummary } from './outcome-summary';
import { ResultsCharts } from './results-charts';
import { ResultsHeader } from './results-header';
import { RollingSection } from './rolling-section';
import styles from './results.module.css';
import { TradesList } from './trades-list';
import { ownerAnalysisSource, useSimulationAnalysis, type AnalysisSource } from './use-analysis';
import { isNotFound, useSimulation, useSimulationActions } from './use-simulation';

function NotFound() {
  return (
    <section className={styles.state}>
      <h1>Simulation not found</h1>
      <p>
        There is no simulation at this address in your history: it may have been deleted, or it belongs to someone else.
      </p>
      <p>
        <Link href="/history">Back to your history</Link>
      </p>
    </section>
  );
}

function Running({ detail, live }: { detail: SimulationDetail; live: LiveProgress | null }) {
  // The socket's state once it has spoken; until then what the server last stored.
  const percent = live?.percent ?? detail.progress.percent;
  const phase = live?.phase ?? detail.progress.phase ?? detail.status;
  return (
    <section className={`card ${styles.section}`} aria-labelledby="running-heading">
      <h2 id="running-heading">{detail.status === 'queued' ? 'Waiting for a worker' : 'Running'}</h2>
      <ProgressBar label="Simulation progress" percent={percent} phase={phase} />
      <p className="muted">The results appear here as soon as it finishes; you can leave this page and come back.</p>
    </section>
  );
}

function Failed({ detail }: { detail: SimulationDetail }) {
  const { rerun } = useSimulationActions(detail.id);
  return (
    <section className={`${styles.failure}`} role="alert" aria-labelledby="failed-heading">
      <h2 id="failed-heading">The simulation failed</h2>
      <p className={styles.failureReason}>{detail.failureReason ?? 'No reason was recorded.'}</p>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => rerun.mutate()} disabled={rerun.isPending}>
          {rerun.isPending ? 'Starting…' : 'Re-run'}
        </button>
      </div>
      {rerun.error && <p className="error-box">The simulation could not be re-run: {errorMessage(rerun.error)}</p>}
    </section>
  );
}

/**
 * What the results below the header need: an owner's simulation and a shared one both have it (a shared snapshot
 * carries no id: its other rolling windows come from the share link, see CompletedResults' analysisSource).
 */
export type ResultView = Pick<
  SimulationDetail,
  'metrics' | 'series' | 'tickers' | 'summary' | 'trades' | 'tradeCount'
> &
  Partial<Pick<SimulationDetail, 'id' | 'rolling' | 'drawdownEpisodes'>>;

/** "price only" or "total return" for the benchmark's prices, when the result says. */
function benchmarkKindOf(detail: ResultView, ticker: string | null): string | null {
  const kind = detail.summary?.dataSources.find((one) => one.ticker === ticker)?.kind;
  return kind === 'price-only' ? 'price only' : kind === 'total-return' ? 'total return' : null;
}

type Episode = NonNullable<SimulationDetail['drawdownEpisodes']>['episodes'][number];

/** An episode as the charts shade it: from its peak to its recovery, or to the last day when not recovered. */
export function episodeHighlight(episode: Episode, index: number, lastDay: string): ChartHighlight {
  return {
    from: episode.peakDate,
    to: episode.recoveryDate ?? lastDay,
    label: `episode ${index + 1}, ${formatPercent(episode.depth)} from ${episode.peakDate} to ${episode.recoveryDate ?? 'the end (not recovered)'}`,
  };
}

/** Drawdown episodes and rolling metrics, with the state they share with the charts (the chosen episode, the window). */
function useAnalysisView(detail: ResultView, analysisSource: AnalysisSource | undefined) {
  const source = useMemo(
    () => analysisSource ?? (detail.id ? ownerAnalysisSource(detail.id) : null),
    [analysisSource, detail.id],
  );
  const initial =
    source && detail.rolling && detail.drawdownEpisodes
      ? { rolling: detail.rolling, drawdownEpisodes: detail.drawdownEpisodes }
      : null;
  const [window, setWindow] = useState(detail.rolling?.window ?? 252);
  const [selected, setSelected] = useState<number | null>(null);
  const analysis = useSimulationAnalysis(source, window, initial);
  const dates = detail.series?.dates;
  const times = useMemo(() => (dates ? epochSeconds(dates) : new Float64Array(0)), [dates]);
  const episode = selected !== null ? detail.drawdownEpisodes?.episodes[selected] : undefined;
  const highlight = episode && dates ? episodeHighlight(episode, selected ?? 0, dates[dates.length - 1]) : null;
  return { initial, window, setWindow, selected, setSelected, analysis, times, highlight };
}

/**
 * A completed result: headline cards, charts, analysis, every metric, the outcome and the trades. Other rolling
 * windows are read from `analysisSource` (a share link's), by default from the owner's simulation.
 */
export function CompletedResults({ detail, analysisSource }: { detail: ResultView; analysisSource?: AnalysisSource }) {
  const metrics = detail.metrics;
  const view = useAnalysisView(detail, analysisSource);
  if (!metrics || !detail.series) {
    return (
      <p className="error-box" role="alert">
        This simulation completed but its results are missing. Re-run it to compute them again.
      </p>
    );
  }
  const benchmarkTicker = metrics.portfolio.benchmark?.ticker ?? null;
  const benchmarkKind = benchmarkKindOf(detail, benchmarkTicker);
  return (
    <>
      <section className={styles.section} aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="visually-hidden">
          Headline metrics
        </h2>
        <MetricCards metrics={metrics.portfolio} outcome={detail.summary} />
      </section>
      <ResultsCharts
        series={detail.series}
        tickers={detail.tickers}
        benchmarkTicker={benchmarkTicker}
        benchmarkKind={benchmarkKind}
        times={view.times}
        highlight={view.highlight}
        afterPerformance={
          <>
            {detail.drawdownEpisodes && (
              <section className={styles.section} aria-labelledby="episodes-heading">
                <h2 id="episodes-heading">Drawdown episodes</h2>
                <DrawdownEpisodesTable
                  episodes={detail.drawdownEpisodes}
                  selected={view.selected}
                  onSelect={view.setSelected}
                />
              </section>
            )}
            {view.initial && (
              <section className={styles.section} aria-labelledby="rolling-heading">
                <h2 id="rolling-heading">Rolling metrics</h2>
                <RollingSection
                  days={detail.series.dates}
                  times={view.times}
                  rolling={view.analysis.data?.rolling ?? view.initial.rolling}
                  window={view.window}
                  onWindowChange={view.setWindow}
                  pending={view.analysis.isFetching}
                  error={view.analysis.isError ? errorMessage(view.analysis.error) : null}
                  benchmarkTicker={benchmarkTicker}
                />
              </section>
            )}
          </>
        }
      />
      <section className={styles.section} aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">Metrics</h2>
        <MetricsTable portfolio={metrics.portfolio} benchmark={metrics.benchmark} benchmarkKind={benchmarkKind} />
      </section>
      {detail.summary && (
        <section className={styles.section} aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">Outcome</h2>
          <OutcomeSummary outcome={detail.summary} />
        </section>
      )}
      {/* The owner's view only: a shared snapshot has no id to project (and its viewer owns nothing). */}
      {detail.id && <ProjectForwardPanel simulationId={detail.id} />}
      {detail.trades && (
        <section className={styles.section} aria-label="Trades">
          <TradesList trades={detail.trades} total={detail.tradeCount ?? detail.trades.length} />
        </section>
      )}
    </>
  );
}

/** The results page of one simulation: a stable URL that shows it whatever state it is in. */
export function SimulationResults({ id }: { id: string }) {
  const { query, live } = useSimulation(id);
  const detail = query.data;

  // Fetch the chart library while the simulation loads, not after: the two downloads overlap.
  useEffect(() => {
    void loadUplot().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (detail) document.title = `${detail.command} · PortoFino`;
  }, [detail]);

  if (query.isPending)
    return (
      <p className="muted" role="status">
        Loading the simulation…
      </p>
    );
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound />;
    return (
      <section className={styles.state}>
        <h1>Simulation</h1>
        <div className="error-box" role="alert">
          <p>The simulation could not be loaded: {errorMessage(query.error)}</p>
        </div>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </section>
    );
  }

  const status = query.data.status;
  return (
    <article className={styles.results}>
      <ResultsHeader detail={query.data} rerunInHeader={status !== 'failed'} />
      {(status === 'queued' || status === 'running') && <Running detail={query.data} live={live} />}
      {status === 'failed' && <Failed detail={query.data} />}
      {status === 'completed' && <CompletedResults detail={query.data} />}
    </article>
  );
}
