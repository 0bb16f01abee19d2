'use client';

import { useCallback, useId, useMemo } from 'react';
import type uPlot from 'uplot';
import { formatSignedPercent } from '../../lib/format/numbers';
import { axisStyle, percentLegend, percentTick, valueAxis } from './chart-axes';
import { withAlpha } from './chart-theme';
import styles from './charts.module.css';
import { UplotChart, type ChartOptions } from './uplot-chart';

interface AnnualReturnsChartProps {
  years: readonly number[];
  portfolio: Float64Array;
  /** The benchmark's return in the same years, or null. */
  benchmark: Float64Array | null;
  benchmarkTicker: string | null;
}

function extremes(years: readonly number[], returns: Float64Array): string {
  let best = -1;
  let worst = -1;
  returns.forEach((value, index) => {
    if (!Number.isFinite(value)) return;
    if (best < 0 || value > returns[best]) best = index;
    if (worst < 0 || value < returns[worst]) worst = index;
  });
  if (best < 0) return 'no data';
  return `best ${formatSignedPercent(returns[best])} in ${years[best]}, worst ${formatSignedPercent(returns[worst])} in ${years[worst]}`;
}

/** Each calendar year's return (the first and last years partial), the portfolio's bar beside the benchmark's. */
export function AnnualReturnsChart({ years, portfolio, benchmark, benchmarkTicker }: AnnualReturnsChartProps) {
  const headingId = useId();
  const data = useMemo<uPlot.AlignedData>(
    () => (benchmark ? [Float64Array.from(years), portfolio, benchmark] : [Float64Array.from(years), portfolio]),
    [years, portfolio, benchmark],
  );
  const options = useCallback<ChartOptions>(
    ({ theme, library }) => {
      const grouped = benchmark !== null;
      // Side by side: the portfolio's bar left of the year, the benchmark's right of it.
      const bars = (align: -1 | 0 | 1) => library.paths.bars?.({ size: [grouped ? 0.4 : 0.7, 48], align });
      return {
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: {
          x: { time: false, range: (_chart, min, max) => [min - 0.6, max + 0.6] },
          y: { range: (_chart, min, max) => [Math.min(0, min) * 1.1, Math.max(0, max) * 1.1 || 0.01] },
        },
        axes: [
          {
            ...axisStyle(theme),
            // Whole years only, written as years (no thousands separator).
            incrs: [1, 2, 5, 10, 20],
            values: (_chart, splits) => splits.map((split) => (Number.isInteger(split) ? String(split) : '')),
          },
          valueAxis(theme, percentTick),
        ],
        series: [
          { label: 'Year', value: (_chart, _value, _series, row) => String(years[row ?? years.length - 1] ?? '—') },
          {
            label: 'Portfolio',
            stroke: theme.accent,
            fill: withAlpha(theme.accent, 0.75),
            width: 0,
            paths: bars(grouped ? -1 : 0),
            points: { show: false },
            value: percentLegend,
          },
          ...(grouped
            ? [
                {
                  label: benchmarkTicker ?? 'Benchmark',
                  stroke: theme.reference,
                  fill: withAlpha(theme.reference, 0.75),
                  width: 0,
                  paths: bars(1),
                  points: { show: false },
                  value: percentLegend,
                } satisfies uPlot.Series,
              ]
            : []),
        ],
      };
    },
    [years, benchmark, benchmarkTicker],
  );

  const summary =
    years.length === 0
      ? 'Annual returns: no data'
      : `Annual returns ${years[0]}–${years[years.length - 1]}: portfolio ${extremes(years, portfolio)}` +
        (benchmark ? `; ${benchmarkTicker ?? 'benchmark'} ${extremes(years, benchmark)}` : '');

  return (
    <section className={styles.figure} aria-labelledby={headingId}>
      <div className={styles.heading}>
        <h3 id={headingId}>Annual returns</h3>
      </div>
      <UplotChart data={data} options={options} summary={summary} height={260} />
      <p className={styles.caption}>
        Calendar years; the first and last are partial when the run starts or ends inside them.
      </p>
    </section>
  );
}
