'use client';

import { useCallback, useId, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { formatMoney } from '../../lib/format/numbers';
import { axisStyle, calendarDay, compactMoney, dayLegend, moneyLegend, timeCursor, valueAxis } from './chart-axes';
import { extent, rebase, type ChartValues } from './chart-data';
import { highlightAttribute, highlightHooks, type ChartHighlight } from './chart-highlight';
import { withAlpha } from './chart-theme';
import styles from './charts.module.css';
import { UplotChart, type ChartOptions } from './uplot-chart';

interface ValueChartProps {
  days: readonly string[];
  /** `days` as Unix seconds (shared by the time charts). */
  times: Float64Array;
  nav: ChartValues;
  /** The benchmark's closes on the same days, or null. */
  benchmark: ChartValues | null;
  /**
   * The benchmark's value with the portfolio's cash flows (capital, then each contribution on the same day), or
   * null (a result stored before it was kept: the closes are rebased to the portfolio's first value instead).
   */
  benchmarkValue?: ChartValues | null;
  benchmarkTicker: string | null;
  /** "price only" or "total return": what the benchmark's prices measure, when known. */
  benchmarkKind?: string | null;
  /** Days to shade (a drawdown episode chosen in the table), or none. */
  highlight?: ChartHighlight | null;
}

function lastFinite(values: ChartValues): number | null {
  for (let index = values.length - 1; index >= 0; index--) {
    const value = values[index];
    if (value !== null && Number.isFinite(value)) return value;
  }
  return null;
}

function firstFinite(values: ChartValues): number | null {
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value !== null && Number.isFinite(value)) return value;
  }
  return null;
}

/** A log axis has a tick at every 1…9 × 10ⁿ: label only 1, 2 and 5 × 10ⁿ so the labels never overlap. */
export function logTickLabel(value: number): string {
  if (!(value > 0)) return '';
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return [1, 2, 5].some((shown) => Math.abs(mantissa - shown) < 1e-6) ? compactMoney(value) : '';
}

/**
 * The portfolio's value each day, and the benchmark's: with the same cash flows when the result has it, else
 * rebased to the same first value; linear or log scale.
 */
export function ValueChart({
  days,
  times,
  nav,
  benchmark,
  benchmarkValue = null,
  benchmarkTicker,
  benchmarkKind = null,
  highlight = null,
}: ValueChartProps) {
  const [logScale, setLogScale] = useState(false);
  const headingId = useId();
  const start = firstFinite(nav);
  const rebased = useMemo<ChartValues | null>(
    () => benchmarkValue ?? (benchmark && start !== null ? rebase(benchmark, start) : null),
    [benchmark, benchmarkValue, start],
  );
  const benchmarkName = `${benchmarkTicker ?? 'Benchmark'}${benchmarkKind ? ` (${benchmarkKind})` : ''}`;
  // A log scale needs every value above zero (a short portfolio's value can reach zero).
  const logPossible = useMemo(() => {
    const [low] = extent(nav);
    const [benchmarkLow] = rebased ? extent(rebased) : [1];
    return low > 0 && benchmarkLow > 0;
  }, [nav, rebased]);
  const useLog = logScale && logPossible;

  const data = useMemo<uPlot.AlignedData>(
    // uPlot takes the typed arrays as they are (no copy); its types only want them mutable.
    () =>
      rebased ? [times, nav as (number | null)[], rebased as (number | null)[]] : [times, nav as (number | null)[]],
    [times, nav, rebased],
  );
  // The options follow whether there is a benchmark, not its values: new values redraw the same chart.
  const hasBenchmark = rebased !== null;
  const options = useCallback<ChartOptions>(
    ({ theme }) => ({
      tzDate: calendarDay,
      cursor: timeCursor(),
      hooks: highlightHooks(highlight, withAlpha(theme.loss, 0.12)),
      scales: { x: { time: true }, y: useLog ? { distr: 3, log: 10 } : { distr: 1 } },
      axes: [
        axisStyle(theme),
        useLog
          ? { ...valueAxis(theme, compactMoney), values: (_chart, splits) => splits.map(logTickLabel) }
          : valueAxis(theme, compactMoney),
      ],
      series: [
        dayLegend(days),
        {
          label: 'Portfolio',
          stroke: theme.accent,
          width: 1.5,
          fill: useLog ? undefined : withAlpha(theme.accent, 0.08),
          points: { show: false },
          value: moneyLegend,
        },
        ...(hasBenchmark
          ? [
              {
                label: benchmarkName,
                stroke: theme.reference,
                width: 1.25,
                points: { show: false },
                value: moneyLegend,
              },
            ]
          : []),
      ],
    }),
    [days, useLog, hasBenchmark, benchmarkName, highlight],
  );

  const end = lastFinite(nav);
  const benchmarkEnd = rebased ? lastFinite(rebased) : null;
  const summary =
    `Portfolio value from ${formatMoney(start)} to ${formatMoney(end)} between ${days[0]} and ${days[days.length - 1]}` +
    (rebased
      ? `; ${benchmarkTicker ?? 'the benchmark'} ${benchmarkValue ? 'with the same cash flows' : 'from the same start'} to ${formatMoney(benchmarkEnd)}`
      : '') +
    (useLog ? ' (log scale)' : '') +
    (highlight ? `; shaded: ${highlight.label}` : '');

  return (
    <section className={styles.figure} aria-labelledby={headingId} data-highlight={highlightAttribute(highlight)}>
      <div className={styles.heading}>
        <h3 id={headingId}>Portfolio value{rebased ? ` vs ${benchmarkTicker ?? 'benchmark'}` : ''}</h3>
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={useLog}
            disabled={!logPossible}
            onChange={(event) => setLogScale(event.target.checked)}
          />
          Log scale
        </label>
      </div>
      <UplotChart data={data} options={options} summary={summary} />
      <p className={styles.caption}>
        {rebased && benchmarkValue
          ? `${benchmarkName} receives the same capital and contributions on the same days, without fees. `
          : rebased
            ? `${benchmarkName} is rebased to the portfolio’s first value. `
            : ''}
        {benchmarkKind === 'price only'
          ? `${benchmarkTicker} is a price index: its dividends are not in it, while the stocks’ prices include theirs. `
          : ''}
        {logPossible ? '' : 'No log scale: the value falls to zero or below. '}
        Drag across a chart to zoom in; double-click to zoom out.
      </p>
    </section>
  );
}
