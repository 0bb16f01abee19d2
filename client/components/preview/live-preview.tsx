'use client';

import { memo, useCallback, useId, useLayoutEffect, useMemo } from 'react';
import { useSession } from '../../lib/auth/session';
import { fetchBinarySeries, PriceLoader } from '../../lib/prices/price-loader';
import { openPriceStore } from '../../lib/prices/price-store';
import { DrawdownChart } from '../charts/drawdown-chart';
import { ValueChart } from '../charts/value-chart';
import { MetricCards } from '../results/metric-cards';
import { ResultWarnings } from '../results/result-warnings';
import type { LineView } from './preview-client';
import type { PreviewLine } from './preview-protocol';
import type { ShownResult } from './shown-results';
import styles from './live-preview.module.css';
import { useLivePreview, type PreviewEnvironment } from './use-live-preview';
import { WeightSliders } from './weight-sliders';

export interface LivePreviewProps {
  /** The command as typed (the editor's text). */
  command: string;
  /** Sliders rewrite the command: the editor and the preview follow. */
  onCommandChange: (command: string) => void;
  /**
   * Where the panel puts a function that previews a command at once: the editor calls it with its new text before
   * the page renders it, so the worker starts computing while the page is still updating.
   */
  typed?: TypedCommands;
}

/** Filled by the panel while it is shown; null otherwise. */
export interface TypedCommands {
  current: ((command: string) => void) | null;
}

const LINE_ID = 'command';

/** What the status line says of the latest answer. */
function statusOf(view: LineView | null, computeMs: number | null, failure: string | null): string {
  if (failure !== null) return `The preview is off: ${failure}. “Run backtest” still works.`;
  if (view === null) return 'Starting the preview…';
  switch (view.status) {
    case 'ok':
      return `As typed, computed in your browser${computeMs === null ? '' : ` in ${Math.max(1, Math.round(computeMs))} ms`} by the server’s engine. “Run backtest” keeps it in your history.`;
    case 'loading':
      return `Loading the prices of ${view.tickers.join(', ')}…`;
    case 'unavailable':
      return `No preview: ${view.message}`;
    case 'failed':
      return `This command cannot run: ${view.message}`;
    case 'invalid':
      return 'The command has errors: the preview shows the last one that ran.';
    case 'empty':
      return '';
  }
}

/**
 * The result's warnings and headline numbers. Memoised, like the charts: a keystroke re-renders only what follows
 * the text (status, sliders) until its own result arrives.
 */
const PreviewFigures = memo(function PreviewFigures({ result }: { result: ShownResult['result'] }) {
  return (
    <>
      <ResultWarnings warnings={result.warnings} />
      <MetricCards metrics={result.metrics} outcome={result} />
    </>
  );
});

/** The value and drawdown charts of a shown result: drawn again only when the result changes. */
const PreviewCharts = memo(function PreviewCharts({
  result,
  dates,
  times,
}: Pick<ShownResult, 'result' | 'dates' | 'times'>) {
  // The worker's typed arrays go to the charts as they came (transferred, never copied).
  const { nav, drawdown, benchmarkValue } = result;
  const benchmark = result.command.options.benchmark ?? null;
  const benchmarkKind = result.dataSources.find((source) => source.ticker === benchmark)?.kind ?? null;
  return (
    <div className={styles.charts}>
      <ValueChart
        days={dates}
        times={times}
        nav={nav}
        benchmark={null}
        benchmarkValue={benchmarkValue}
        benchmarkTicker={benchmark}
        benchmarkKind={
          benchmarkKind === 'price-only' ? 'price only' : benchmarkKind === 'total-return' ? 'total return' : null
        }
      />
      <DrawdownChart days={dates} times={times} drawdown={drawdown} />
    </div>
  );
});

/** The live preview with an explicit environment (tests give an in-process engine and prices). */
export function LivePreviewPanel({
  command,
  onCommandChange,
  typed,
  environment,
}: LivePreviewProps & { environment: PreviewEnvironment }) {
  const headingId = useId();
  const lines = useMemo<PreviewLine[]>(() => [{ id: LINE_ID, command }], [command]);
  const { update, shown: shownLines, failure, requestNow } = useLivePreview(lines, environment);
  useLayoutEffect(() => {
    if (!typed) return;
    typed.current = (text) => requestNow([{ id: LINE_ID, command: text }]);
    return () => {
      typed.current = null;
    };
  }, [typed, requestNow]);
  const line = update?.lines.find((one) => one.id === LINE_ID) ?? null;
  const view = line?.view ?? null;
  // The last result stays on screen (dimmed) while the command is being fixed or its prices load.
  const shown = shownLines.get(LINE_ID) ?? null;
  const current = shown !== null && view?.status === 'ok' && line?.command === command;
  const result = shown?.result ?? null;

  return (
    <section
      className={`card ${styles.preview}`}
      aria-labelledby={headingId}
      data-testid="live-preview"
      data-state={current ? 'current' : shown ? 'stale' : 'none'}
      data-command={shown?.command ?? ''}
      // The worker's time for the latest answer (the dashboard bench reads it).
      data-compute-ms={update?.computeMs ?? ''}
    >
      <div className={styles.heading}>
        <h2 id={headingId}>Live preview</h2>
        <p className={`muted ${styles.status}`} role="status">
          {statusOf(view, update?.computeMs ?? null, failure)}
        </p>
      </div>
      {shown && result && (
        <div className={current ? styles.body : `${styles.body} ${styles.stale}`}>
          <PreviewFigures result={result} />
          <WeightSliders command={command} onCommandChange={onCommandChange} />
          <PreviewCharts result={result} dates={shown.dates} times={shown.times} />
        </div>
      )}
    </section>
  );
}

/** The worker is fetched here, when the preview first shows: never with the page. */
export const browserEnvironment = {
  createPort: async () => (await import('./preview-worker-factory')).createPreviewWorker(),
  createSource: async (scope: string) => new PriceLoader(await openPriceStore(), fetchBinarySeries, scope),
};

/** The browser's engine and prices, for the signed-in person. */
function BrowserLivePreview(props: LivePreviewProps) {
  const { user } = useSession();
  const scope = user?.id ?? 'anonymous';
  const createPort = useCallback(() => browserEnvironment.createPort(), []);
  const createSource = useCallback((of: string) => browserEnvironment.createSource(of), []);
  const environment = useMemo(() => ({ scope, createPort, createSource }), [scope, createPort, createSource]);
  return <LivePreviewPanel {...props} environment={environment} />;
}

/**
 * The workspace's live preview: the command as typed, simulated in a Web Worker by the server's engine over prices
 * kept in IndexedDB — headline metrics, warnings, value and drawdown, and a weight slider per position. An
 * `environment` replaces the browser's worker and prices (tests).
 */
function LivePreview({ environment, ...props }: LivePreviewProps & { environment?: PreviewEnvironment }) {
  return environment ? <LivePreviewPanel {...props} environment={environment} /> : <BrowserLivePreview {...props} />;
}

// Memoised: the workspace re-renders for its own reasons (errors shown after a pause, ticker checks, a submission);
// the preview follows only its command.
export default memo(LivePreview);
