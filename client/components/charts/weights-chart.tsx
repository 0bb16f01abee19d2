'use client';

import { useCallback, useId, useMemo } from 'react';
import type uPlot from 'uplot';
import { formatPercent } from '../../lib/format/numbers';
import { axisStyle, calendarDay, dayLegend, percentTick, timeCursor, valueAxis } from './chart-axes';
import { layoutWeights } from './chart-data';
import { withAlpha, type ChartTheme } from './chart-theme';
import styles from './charts.module.css';
import { UplotChart, type ChartOptions } from './uplot-chart';

const CASH = 'CASH';

interface WeightsChartProps {
  days: readonly string[];
  times: Float64Array;
  /** Signed value weight of each ticker and CASH after each day's trades. */
  weights: Readonly<Record<string, readonly (number | null)[]>>;
  /** Tickers in the command's order; CASH is added last. */
  tickers: readonly string[];
}

function colourOf(theme: ChartTheme, ticker: string, index: number): string {
  return ticker === CASH ? theme.cash : theme.palette[index % theme.palette.length];
}

/** Each position's share of the portfolio's value over time: longs stacked above zero, shorts below. */
export function WeightsChart({ days, times, weights, tickers }: WeightsChartProps) {
  const headingId = useId();
  const layout = useMemo(
    () => layoutWeights(weights, [...tickers.filter((t) => t !== CASH), CASH]),
    [weights, tickers],
  );
  const data = useMemo<uPlot.AlignedData>(
    () => [times, ...layout.series.map((series) => series.drawn as Float64Array | (number | null)[])],
    [times, layout],
  );

  const options = useCallback<ChartOptions>(
    ({ theme }) => {
      return {
        tzDate: calendarDay,
        cursor: timeCursor(),
        scales: {
          x: { time: true },
          // Stacks grow from zero, so zero is always on the axis.
          y: { range: (_chart, min, max) => [Math.min(0, min) * 1.05, Math.max(0, max) * 1.05] },
        },
        axes: [axisStyle(theme), valueAxis(theme, percentTick)],
        bands: layout.bands.map((band) => ({ ...band })),
        series: [
          dayLegend(days),
          ...layout.series.map((series, index): uPlot.Series => {
            // Colours follow the command's order, whichever layer a position ends up in.
            const position = tickers.indexOf(series.ticker);
            const colour = colourOf(theme, series.ticker, position >= 0 ? position : index);
            return {
              label: series.ticker,
              stroke: colour,
              width: layout.mode === 'stacked' ? 1 : 1.5,
              fill: layout.mode === 'stacked' ? withAlpha(colour, 0.55) : undefined,
              points: { show: false },
              // The legend shows the position's own weight (not the top of its layer); the last day's at rest.
              value: (_chart, _value, _series, row) => formatPercent(series.weights[row ?? series.weights.length - 1]),
            };
          }),
        ],
      };
    },
    [days, layout, tickers],
  );

  const hasShorts = layout.series.some((series) => series.side === 'short');
  const latest = layout.series
    .map((series) => `${series.ticker} ${formatPercent(series.weights[series.weights.length - 1])}`)
    .join(', ');
  const summary = `Weights over time, ${layout.mode === 'stacked' ? 'stacked' : 'as lines'}; on ${days[days.length - 1]}: ${latest}`;

  return (
    <section className={styles.figure} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <h3 id={headingId}>Weights over time</h3>
      </div>
      <UplotChart data={data} options={options} summary={summary} />
      <p className={styles.caption}>
        {layout.mode === 'stacked'
          ? `Stacked: long positions and cash pile up above zero${hasShorts ? ', short positions below it' : ''}. The legend shows each weight on the day under the cursor.`
          : 'Lines, not stacked: a weight changes sign during the run (for example cash going from lent to borrowed), which a stack cannot show.'}
      </p>
    </section>
  );
}
