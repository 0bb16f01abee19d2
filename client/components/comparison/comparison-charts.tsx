'use client';

import { useCallback, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import {
  axisStyle,
  calendarDay,
  compactMoney,
  dayLegend,
  moneyLegend,
  percentLegend,
  percentTick,
  timeCursor,
  valueAxis,
} from '../charts/chart-axes';
import { epochSeconds } from '../charts/chart-data';
import { UplotChart, type ChartOptions } from '../charts/uplot-chart';
import { alignMembers, type SeriesMember } from './comparison-data';

export interface ComparisonChartsProps {
  result: { members: readonly SeriesMember[] };
  /** Whether to draw the drawdowns below the values (the workspace's preview draws the values only). */
  drawdowns?: boolean;
}

/** The members' values overlaid (linear or log), then their drawdowns overlaid. */
export function ComparisonCharts({ result, drawdowns: withDrawdowns = true }: ComparisonChartsProps) {
  const [log, setLog] = useState(false);
  const names = useMemo(() => result.members.map((member) => member.name), [result]);
  const values = useMemo(() => alignMembers(result, 'value'), [result]);
  const drawdowns = useMemo(() => alignMembers(result, 'drawdown'), [result]);
  const times = useMemo(() => epochSeconds(values.days), [values]);
  const valueData = useMemo<uPlot.AlignedData>(() => [times, ...values.columns], [times, values]);
  const drawdownData = useMemo<uPlot.AlignedData>(() => [times, ...drawdowns.columns], [times, drawdowns]);

  const valueOptions = useCallback<ChartOptions>(
    ({ theme }) => ({
      tzDate: calendarDay,
      cursor: timeCursor(),
      scales: { x: { time: true }, y: log ? { distr: 3 } : {} },
      axes: [axisStyle(theme), valueAxis(theme, compactMoney)],
      series: [
        dayLegend(values.days),
        ...names.map((label, index) => ({
          label,
          stroke: theme.palette[index % theme.palette.length],
          width: 1.5,
          points: { show: false },
          value: moneyLegend,
        })),
      ],
    }),
    [log, names, values],
  );
  const drawdownOptions = useCallback<ChartOptions>(
    ({ theme }) => ({
      tzDate: calendarDay,
      cursor: timeCursor(),
      scales: { x: { time: true }, y: { range: (_chart, min) => [Math.min(min, -0.01) * 1.05, 0] } },
      axes: [axisStyle(theme), valueAxis(theme, percentTick)],
      series: [
        dayLegend(drawdowns.days),
        ...names.map((label, index) => ({
          label,
          stroke: theme.palette[index % theme.palette.length],
          width: 1,
          points: { show: false },
          value: percentLegend,
        })),
      ],
    }),
    [names, drawdowns],
  );

  return (
    <>
      <section aria-label="Value">
        <h3>Value</h3>
        <label>
          <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} /> Log scale
        </label>
        <UplotChart
          data={valueData}
          options={valueOptions}
          summary={`Value of ${names.join(', ')} over ${values.days.length} days`}
        />
      </section>
      {withDrawdowns && (
        <section aria-label="Drawdowns">
          <h3>Drawdowns</h3>
          <UplotChart
            data={drawdownData}
            options={drawdownOptions}
            summary={`Drawdowns of ${names.join(', ')}`}
            height={220}
          />
        </section>
      )}
    </>
  );
}
