'use client';

import { useCallback, useId, useMemo } from 'react';
import type uPlot from 'uplot';
import type { Schemas } from '../../lib/api/client';
import { formatPercent, formatRatio } from '../../lib/format/numbers';
import { axisStyle, calendarDay, dayLegend, legendValue, percentTick, timeCursor, valueAxis } from './chart-axes';
import styles from './charts.module.css';
import { UplotChart, type ChartOptions } from './uplot-chart';

type Rolling = Schemas['RollingMetricsDto'];
export type RollingMetricKey = keyof Schemas['RollingPortfolioSeriesDto'];

export const ROLLING_METRICS: readonly { key: RollingMetricKey; label: string; percent: boolean }[] = [
  { key: 'return', label: 'Return', percent: true },
  { key: 'volatility', label: 'Volatility', percent: true },
  { key: 'sharpe', label: 'Sharpe', percent: false },
  { key: 'sortino', label: 'Sortino', percent: false },
  { key: 'maxDrawdown', label: 'Max drawdown', percent: true },
  { key: 'beta', label: 'Beta', percent: false },
  { key: 'correlation', label: 'Correlation', percent: false },
];

interface RollingChartProps {
  /** The run's days and their Unix seconds (the other time charts' x). */
  days: readonly string[];
  times: Float64Array;
  rolling: Rolling;
  metric: RollingMetricKey;
  benchmarkTicker: string | null;
}

/** "12 months" for 252 days, "30 trading days" for a length that is not whole months. */
export function windowWords(window: number): string {
  if (window % 21 !== 0) return `${window} trading days`;
  const months = window / 21;
  return months === 1 ? '1 month' : `${months} months`;
}

const percentValue = (value: number | null | undefined) => formatPercent(value);

/** Last defined value of a rolling series (what the summary says). */
function lastDefined(values: readonly (number | null)[]): number | null {
  for (let index = values.length - 1; index >= 0; index--) if (values[index] !== null) return values[index];
  return null;
}

/** One rolling metric of the portfolio, and of the benchmark beside it, for each window ending on a day. */
export function RollingChart({ days, times, rolling, metric, benchmarkTicker }: RollingChartProps) {
  const headingId = useId();
  const definition = ROLLING_METRICS.find((one) => one.key === metric) ?? ROLLING_METRICS[0];
  const portfolio = rolling.portfolio[metric] ?? null;
  const benchmark = metric === 'beta' || metric === 'correlation' ? null : (rolling.benchmark?.[metric] ?? null);
  const format = definition.percent ? percentValue : formatRatio;
  const windowDays = useMemo(
    () => days.slice(rolling.firstRow, rolling.firstRow + rolling.count),
    [days, rolling.firstRow, rolling.count],
  );
  const data = useMemo<uPlot.AlignedData>(() => {
    const x = times.subarray(rolling.firstRow, rolling.firstRow + rolling.count);
    const columns: uPlot.AlignedData = [x, (portfolio ?? []) as (number | null)[]];
    return benchmark ? [...columns, benchmark as (number | null)[]] : columns;
  }, [times, rolling.firstRow, rolling.count, portfolio, benchmark]);
  const benchmarkName = benchmarkTicker ?? 'Benchmark';
  const options = useCallback<ChartOptions>(
    ({ theme }) => ({
      tzDate: calendarDay,
      cursor: timeCursor(),
      scales: { x: { time: true } },
      axes: [axisStyle(theme), valueAxis(theme, definition.percent ? percentTick : (value) => formatRatio(value, 1))],
      series: [
        dayLegend(windowDays),
        { label: 'Portfolio', stroke: theme.accent, width: 1.5, points: { show: false }, value: legendValue(format) },
        ...(benchmark
          ? [
              {
                label: benchmarkName,
                stroke: theme.reference,
                width: 1.25,
                points: { show: false },
                value: legendValue(format),
              },
            ]
          : []),
      ],
    }),
    [windowDays, definition.percent, benchmark, benchmarkName, format],
  );

  const title = `Rolling ${windowWords(rolling.window)} ${definition.label.toLowerCase()}`;
  if (rolling.count === 0 || portfolio === null) {
    return (
      <section className={styles.figure} aria-labelledby={headingId} data-window={rolling.window}>
        <div className={styles.heading}>
          <h3 id={headingId}>{title}</h3>
        </div>
        <p className="muted" role="status">
          {portfolio === null
            ? `${definition.label} needs a benchmark: add benchmark=^GSPC to the command.`
            : `No ${windowWords(rolling.window)} window: the simulation has fewer than ${rolling.window} daily returns.`}
        </p>
      </section>
    );
  }
  const summary =
    `${title} from ${windowDays[0]} to ${windowDays[windowDays.length - 1]}, last ${format(lastDefined(portfolio))}` +
    (benchmark ? `; ${benchmarkName} ${format(lastDefined(benchmark))}` : '');
  return (
    <section className={styles.figure} aria-labelledby={headingId} data-window={rolling.window}>
      <div className={styles.heading}>
        <h3 id={headingId}>
          {title}
          {benchmark ? ` vs ${benchmarkName}` : ''}
        </h3>
      </div>
      <UplotChart data={data} options={options} summary={summary} height={240} />
    </section>
  );
}
