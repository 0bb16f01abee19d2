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
function labelRoom(values: string[] | null): number | null {
  if (!values || values.length === 0) return null;
  const longest = values.reduce((length, value) => Math.max(length, value ? value.length : 0), 0);
  return Math.ceil(longest * 7.2 + 16);
}

/**
 * An axis's width that grows with its labels and never shrinks back: new data on the same chart (the live
 * preview, on every keystroke) whose labels are shorter keeps the plot where it was, so uPlot neither moves the
 * plot nor resizes its canvas (a reallocation and a layout) for it.
 */
export function growingAxisSize(): (chart: unknown, values: string[] | null) => number {
  let widest = 0;
  return (_chart, values) => {
    const room = labelRoom(values);
    if (room === null) return widest || 48;
    widest = Math.max(widest, room);
    return widest;
  };
}

export function axisStyle(theme: ChartTheme): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  };
}

/** A y axis whose labels are `format(value, step)`: the step between ticks decides how many decimals they need. */
export function valueAxis(theme: ChartTheme, format: (value: number, step: number) => string): uPlot.Axis {
  return {
    ...axisStyle(theme),
    size: growingAxisSize(),
    values: (_chart, splits, _axis, _space, step) => splits.map((split) => format(split, step)),
  };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const compactMoney = (value: number): string => compact.format(value);

/** "25%", "2.5%", "0.25%": as many decimals as the tick step has (in percent), the same on every tick of an axis. */
export function percentTick(value: number, step: number): string {
  const stepDecimals =
    Math.abs(step * 100)
      .toFixed(6)
      .replace(/\.?0+$/, '')
      .split('.')[1] ?? '';
  return formatPercent(Math.abs(value) < 1e-12 ? 0 : value, Math.min(3, stepDecimals.length));
}

/** The legend's x entry: the trading day under the cursor as the API wrote it, else the last day. */
export function dayLegend(days: readonly string[]): uPlot.Series {
  return {
    label: 'Day',
    value: (_chart, _value, _series, index) => days[index ?? days.length - 1] ?? '—',
  };
}

/**
 * A series' legend entry: its value under the cursor or, with the cursor elsewhere, its last value (the
 * legend then reads as the run's outcome instead of a row of dashes).
 */
export function legendValue(format: (value: number | null | undefined) => string): uPlot.Series.Value {
  return (chart, value, seriesIndex, row) => {
    if (row !== null) return format(value);
    const column = chart.data[seriesIndex];
    return format(column.length > 0 ? column[column.length - 1] : null);
  };
}

export const moneyLegend = legendValue(formatMoney);
export const percentLegend = legendValue((value) => formatPercent(value));

/** Cursor shared by the time charts: dragging along x zooms (double-click resets), all of them follow one cursor. */
export function timeCursor(): uPlot.Cursor {
  return {
    drag: { x: true, y: false },
    points: { size: 7 },
    // Series are not the same across charts: toggling one must not hide another chart's series of that index.
    sync: { key: 'portofino-results', setSeries: false },
  };
}
