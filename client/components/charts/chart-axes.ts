import type uPlot from 'uplot';
import { formatMoney, formatPercent } from '../../lib/format/numbers';
import type { ChartTheme } from './chart-theme';

/**
 * The x values are UTC midnights; uPlot formats in local time, so hand it a local Date with the same calendar day
 * (otherwise a person west of Greenwich would see every day one day early).
 */
export function calendarDay(seconds: number): Date {
  const utc = new Date(seconds * 1000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** Room for the longest tick label (uPlot asks again once the labels are known). */
function axisSize(_chart: uPlot, values: string[] | null): number {
  if (!values || values.length === 0) return 48;
  const longest = values.reduce((length, value) => Math.max(length, value ? value.length : 0), 0);
  return Math.ceil(longest * 7.2 + 16);
}

export function axisStyle(theme: ChartTheme): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  };
}

export function valueAxis(theme: ChartTheme, format: (value: number) => string): uPlot.Axis {
  return {
    ...axisStyle(theme),
    size: axisSize,
    values: (_chart, splits) => splits.map((split) => format(split)),
  };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const compactMoney = (value: number): string => compact.format(value);
export const percentTick = (value: number): string => formatPercent(value, Math.abs(value) < 0.1 ? 1 : 0);

/** The legend's x entry: the trading day itself, as the API wrote it. */
export function dayLegend(days: readonly string[]): uPlot.Series {
  return {
    label: 'Day',
    value: (_chart, _value, _series, index) => (index === null ? '—' : (days[index] ?? '—')),
  };
}

const missing = (value: number | null | undefined): boolean =>
  value === null || value === undefined || !Number.isFinite(value);

export const moneyLegend = (_chart: uPlot, value: number | null): string => (missing(value) ? '—' : formatMoney(value));
export const percentLegend = (_chart: uPlot, value: number | null): string =>
  missing(value) ? '—' : formatPercent(value);

/** Cursor shared by the time charts: dragging along x zooms (double-click resets), all of them follow one cursor. */
export function timeCursor(): uPlot.Cursor {
  return {
    drag: { x: true, y: false },
    points: { size: 7 },
    // Series are not the same across charts: toggling one must not hide another chart's series of that index.
    sync: { key: 'portofino-results', setSeries: false },
  };
}
