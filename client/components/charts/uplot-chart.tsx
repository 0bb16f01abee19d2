'use client';

import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { readChartTheme, type ChartTheme } from './chart-theme';
import styles from './charts.module.css';

export interface ChartContext {
  theme: ChartTheme;
  /** Width of the plot in CSS pixels when the chart is (re)built. */
  width: number;
  /** The loaded library, for its path builders (bars) and helpers. */
  library: typeof uPlot;
}

/** Everything but the size, built for a theme: called again when the colour scheme changes. */
export type ChartOptions = (context: ChartContext) => Omit<uPlot.Options, 'width' | 'height'>;

let uplotModule: Promise<typeof uPlot> | null = null;

/** uPlot (~50 KB) is fetched once, after the page shows its numbers: the charts never hold the metrics back. */
export function loadUplot(): Promise<typeof uPlot> {
  uplotModule ??= import('uplot').then(
    (module) => module.default,
    (error: unknown) => {
      uplotModule = null; // a failed download is tried again next time
      throw error;
    },
  );
  return uplotModule;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

let darkQuery: MediaQueryList | null = null;

/** One query for every chart and render (a new matchMedia on each render of each chart costs the live preview). */
function darkSchemeQuery(): MediaQueryList | null {
  if (typeof window.matchMedia !== 'function') return null;
  darkQuery ??= window.matchMedia(DARK_QUERY);
  return darkQuery;
}

function subscribeToScheme(onChange: () => void): () => void {
  const query = darkSchemeQuery();
  if (!query) return () => undefined;
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** "dark" or "light" as the system says now; charts are rebuilt with the new colours when it changes. */
function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(
    subscribeToScheme,
    () => (darkSchemeQuery()?.matches ? 'dark' : 'light'),
    () => 'light',
  );
}

/** Narrow screens get a flatter chart so the page does not become a scroll of charts. */
function sizeFor(width: number, height: number): { width: number; height: number } {
  const usable = Math.max(200, Math.floor(width));
  return { width: usable, height: Math.round(Math.min(height, Math.max(180, usable * 0.62))) };
}

interface UplotChartProps {
  /**
   * Aligned columns: x first, then one array per series (typed arrays welcome). Keep it referentially stable: new
   * data is drawn on the same chart (its series must match the options').
   */
  data: uPlot.AlignedData;
  /** Keep it referentially stable (useCallback): a new function rebuilds the chart. */
  options: ChartOptions;
  /** The text alternative, e.g. "Portfolio value from 100,000 to 245,000". */
  summary: string;
  height?: number;
}

/**
 * One uPlot chart: fits its container (ResizeObserver), takes its colours from the CSS variables and follows the
 * system's light/dark switch. The cursor shows each series' value in the legend below the plot.
 */
export function UplotChart({ data, options, summary, height = 300 }: UplotChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const scheme = useColorScheme();
  const chartRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);

  // New data on the same chart (the live preview, every keystroke): drawn in place, not rebuilt, and in the same
  // frame as the numbers beside it (a layout effect: uPlot draws in the microtask after the commit, before paint).
  useLayoutEffect(() => {
    dataRef.current = data;
    chartRef.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let chart: uPlot | null = null;
    let cancelled = false;
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => chart?.setSize(sizeFor(box.clientWidth, height)));
          })
        : null;
    loadUplot()
      .then((UPlot) => {
        if (cancelled) return;
        const size = sizeFor(box.clientWidth, height);
        chart = new UPlot(
          { ...options({ theme: readChartTheme(box), width: size.width, library: UPlot }), ...size },
          dataRef.current,
          box,
        );
        chartRef.current = chart;
        observer?.observe(box);
        setState('drawn');
      })
      .catch((error: unknown) => {
        console.error('chart not drawn', error);
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      chart?.destroy();
      chartRef.current = null;
    };
  }, [options, height, scheme]);

  return (
    <div className={styles.chart} data-chart-state={state}>
      {/* Holds room for the plot while uPlot loads, so the page below does not jump. */}
      <div
        ref={boxRef}
        className={styles.plot}
        role="img"
        aria-label={summary}
        style={state === 'loading' ? { minHeight: Math.min(height, 220) } : undefined}
      />
      {state === 'loading' && (
        <p className={`muted ${styles.placeholder}`} aria-hidden="true">
          Drawing the chart…
        </p>
      )}
      {state === 'failed' && (
        <p className="error-box" role="alert">
          The chart could not be drawn. Reload the page to try again.
        </p>
      )}
    </div>
  );
}
