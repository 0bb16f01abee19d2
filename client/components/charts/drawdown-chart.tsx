'use client';

import { useCallback, useId, useMemo } from 'react';
import type uPlot from 'uplot';
import { formatPercent } from '../../lib/format/numbers';
import { axisStyle, calendarDay, dayLegend, percentLegend, percentTick, timeCursor, valueAxis } from './chart-axes';
import { highlightAttribute, highlightHooks, type ChartHighlight } from './chart-highlight';
import type { ChartValues } from './chart-data';
import { withAlpha } from './chart-theme';
import styles from './charts.module.css';
import { UplotChart, type ChartOptions } from './uplot-chart';

interface DrawdownChartProps {
  days: readonly string[];
  times: Float64Array;
  /** Fall from the running peak each day (0 or negative). */
  drawdown: ChartValues;
  /** Days to shade (a drawdown episode chosen in the table), or none. */
  highlight?: ChartHighlight | null;
}

/** The deepest point of a drawdown series: its value and index (first if tied). */
export function deepestPoint(drawdown: ChartValues): { value: number; index: number } | null {
  let deepest: { value: number; index: number } | null = null;
  for (let index = 0; index < drawdown.length; index++) {
    const value = drawdown[index];
    if (value !== null && Number.isFinite(value) && (deepest === null || value < deepest.value))
      deepest = { value, index };
  }
  return deepest;
}

/** How far below its running peak the portfolio was each day, as a red area under zero. */
export function DrawdownChart({ days, times, drawdown, highlight = null }: DrawdownChartProps) {
  const headingId = useId();
  const data = useMemo<uPlot.AlignedData>(() => [times, drawdown as (number | null)[]], [times, drawdown]);
  const options = useCallback<ChartOptions>(
    ({ theme }) => ({
      tzDate: calendarDay,
      cursor: timeCursor(),
      hooks: highlightHooks(highlight, withAlpha(theme.accent, 0.14)),
      scales: {
        x: { time: true },
        // Zero at the top always; a portfolio that never fell still gets a readable axis.
        y: { range: (_chart, min) => [Math.min(min, -0.01) * 1.05, 0] },
      },
      axes: [axisStyle(theme), valueAxis(theme, percentTick)],
      series: [
        dayLegend(days),
        {
          label: 'Drawdown',
          stroke: theme.loss,
          width: 1,
          fill: withAlpha(theme.loss, 0.25),
          points: { show: false },
          value: percentLegend,
        },
      ],
    }),
    [days, highlight],
  );
  const deepest = deepestPoint(drawdown);
  const summary = deepest
    ? `Drawdown from the running peak, deepest ${formatPercent(deepest.value)} on ${days[deepest.index]}`
    : 'Drawdown from the running peak: no data';
  const shaded = highlight ? `${summary}; shaded: ${highlight.label}` : summary;

  return (
    <section className={styles.figure} aria-labelledby={headingId} data-highlight={highlightAttribute(highlight)}>
      <div className={styles.heading}>
        <h3 id={headingId}>Drawdown</h3>
      </div>
      <UplotChart data={data} options={options} summary={shaded} height={220} />
    </section>
  );
}
