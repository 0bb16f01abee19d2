'use client';

import { useCallback, useId, useMemo } from 'react';
import type uPlot from 'uplot';
import { formatMoney } from '../../lib/format/numbers';
import { axisStyle, compactMoney, moneyLegend, valueAxis } from '../charts/chart-axes';
import { withAlpha } from '../charts/chart-theme';
import styles from '../charts/charts.module.css';
import { UplotChart, type ChartOptions } from '../charts/uplot-chart';

interface FanChartProps {
  percentiles: number[];
  /** One band per percentile: the value at month 0 … 12 × years. */
  bands: { percentile: number; values: number[] }[];
}

/**
 * The percentile bands of value through time: the median as a line, 25–75 % and 5–95 % as shaded fans
 * (uPlot's `bands` fill between two series).
 */
export function FanChart({ percentiles, bands }: FanChartProps) {
  const headingId = useId();
  const months = bands[0]?.values.length ?? 0;
  const order = useMemo(() => [...bands].sort((a, b) => a.percentile - b.percentile), [bands]);
  const data = useMemo<uPlot.AlignedData>(
    () => [Float64Array.from({ length: months }, (_, m) => m / 12), ...order.map((band) => band.values)],
    [months, order],
  );
  const index = (p: number) => 1 + order.findIndex((band) => band.percentile === p);
  const options = useCallback<ChartOptions>(
    ({ theme }) => ({
      scales: { x: { time: false } },
      axes: [
        { ...axisStyle(theme), values: (_chart, splits) => splits.map((year) => `${Math.round(year)}y`) },
        valueAxis(theme, compactMoney),
      ],
      series: [
        {
          label: 'Year',
          value: (_chart, year) => (year === null || year === undefined ? '' : `year ${(year as number).toFixed(1)}`),
        },
        ...order.map((band) => ({
          label: `${band.percentile}th`,
          stroke: band.percentile === 50 ? theme.accent : withAlpha(theme.accent, 0.35),
          width: band.percentile === 50 ? 2 : 1,
          points: { show: false },
          value: moneyLegend,
        })),
      ],
      bands: [
        [5, 95],
        [10, 90],
        [25, 75],
      ]
        .filter(([lower, upper]) => index(lower) > 0 && index(upper) > 0)
        .map(([lower, upper]) => ({
          series: [index(upper), index(lower)] as [number, number],
          fill: withAlpha(theme.accent, 0.12),
        })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [order],
  );
  const median = order.find((band) => band.percentile === 50)?.values ?? [];
  const summary = `Projected value by percentile (${percentiles.join(', ')}): the median path ends at ${formatMoney(
    median[median.length - 1],
  )}`;
  return (
    <section className={styles.figure} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <h3 id={headingId}>Projected value</h3>
      </div>
      <UplotChart data={data} options={options} summary={summary} height={280} />
    </section>
  );
}
