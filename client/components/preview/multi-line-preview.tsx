'use client';

import { bestMembers } from '@engine/comparison/best-member';
import type { PerformanceMetrics } from '@engine/metrics/metrics.types';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSession } from '../../lib/auth/session';
import { ComparisonCharts } from '../comparison/comparison-charts';
import type { RankedMembers, SeriesMember } from '../comparison/comparison-data';
import { ComparisonMetricsTable } from '../comparison/comparison-tables';
import comparisonStyles from '../comparison/comparison.module.css';
import { browserEnvironment } from './live-preview';
import styles from './live-preview.module.css';
import type { LineView } from './preview-client';
import { comparisonPreviewPlan, memberLineId, type CoverageByCommand, type MemberLine } from './comparison-lines';
import type { PreviewLine } from './preview-protocol';
import { useLivePreview, type PreviewEnvironment } from './use-live-preview';

/** The rows the preview shows side by side (the comparison page shows every metric). */
export const HEADLINE_METRICS = ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar'];

export interface MultiLinePreviewProps {
  /** The editor's lines, one portfolio each (a name when the line has one). */
  lines: readonly { name: string | undefined; command: string }[];
}

function numericMetrics(metrics: PerformanceMetrics): Record<string, number | null> {
  const numeric: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metrics)) if (typeof value === 'number') numeric[name] = value;
  return numeric;
}

/** A line that shows nothing (yet), in words; null when it ran. */
function lineTrouble(view: LineView | undefined): string | null {
  if (!view) return 'starting';
  switch (view.status) {
    case 'ok':
      return null;
    case 'loading':
      return `loading the prices of ${view.tickers.join(', ')}`;
    case 'unavailable':
      return `no preview: ${view.message}`;
    case 'failed':
      return `cannot run: ${view.message}`;
    case 'invalid':
      return 'has errors';
    case 'empty':
      return 'empty';
  }
}

/** The same lines (ids and commands) keep the same array, so the worker is not asked twice for one thing. */
function useStableLines(lines: PreviewLine[]): PreviewLine[] {
  const held = useRef(lines);
  const same =
    held.current.length === lines.length &&
    held.current.every((line, index) => line.id === lines[index].id && line.command === lines[index].command);
  if (!same) held.current = lines;
  return held.current;
}

/**
 * Several lines previewed as the comparison page shows them: the headline metrics side by side with the best of
 * each row marked, and the values overlaid, every member on the common period (each line first runs on its own
 * period, which tells what its prices cover). The worker, its protocol and the kept results are the single
 * preview's (useLivePreview); the table and chart are the comparison page's.
 */
export function MultiLinePreviewPanel({
  lines,
  environment,
}: MultiLinePreviewProps & { environment: PreviewEnvironment }) {
  const headingId = useId();
  const members = useMemo<MemberLine[]>(
    () => lines.map((line, index) => ({ name: line.name || `Portfolio ${index + 1}`, command: line.command })),
    [lines],
  );
  const [coverage, setCoverage] = useState<CoverageByCommand>(new Map());
  const plan = useMemo(() => comparisonPreviewPlan(members, coverage), [members, coverage]);
  const requested = useStableLines(plan.lines);
  const { update, shown, failure } = useLivePreview(requested, environment);

  // A line run on its own period tells the days its prices cover: learn them (for the lines now written only).
  useEffect(() => {
    if (!update) return;
    const learned: [string, { start: string; end: string }][] = [];
    members.forEach((member, index) => {
      const line = update.lines.find((one) => one.id === memberLineId(index));
      if (line?.view.status !== 'ok' || line.command !== member.command || coverage.has(member.command)) return;
      learned.push([member.command, { start: line.view.result.simulatedStart, end: line.view.result.simulatedEnd }]);
    });
    if (learned.length === 0) return;
    const written = new Set(members.map((member) => member.command));
    setCoverage(new Map([...[...coverage].filter(([command]) => written.has(command)), ...learned]));
  }, [update, members, coverage]);

  const views = members.map((_, index) => update?.lines.find((one) => one.id === memberLineId(index)));
  const troubles = views
    .map((line, index) => ({ index, trouble: lineTrouble(line?.view) }))
    .filter((one) => one.trouble !== null);
  const current =
    troubles.length === 0 &&
    plan.period !== null &&
    views.every((line, index) => line?.command === requested[index]?.command);

  const ready = members.every((_, index) => shown.has(memberLineId(index)));
  const { seriesMembers, ranked } = useMemo(() => {
    const results = members.map((_, index) => shown.get(memberLineId(index)));
    const seriesMembers: SeriesMember[] = [];
    const metrics: PerformanceMetrics[] = [];
    results.forEach((one, index) => {
      if (!one) return;
      seriesMembers.push({
        name: members[index].name,
        series: { dates: one.dates, value: one.result.nav, drawdown: one.result.drawdown },
      });
      metrics.push(one.result.metrics);
    });
    const ranked: RankedMembers = {
      members: metrics.map((one, index) => ({ name: seriesMembers[index].name, metrics: one })),
      best: bestMembers(metrics.map(numericMetrics)),
    };
    return { seriesMembers, ranked };
  }, [members, shown]);

  let status: string;
  if (failure !== null) status = `The preview is off: ${failure}. “Compare” still works.`;
  else if (plan.period !== null && !plan.period.ok)
    status = `These portfolios cannot be compared: ${plan.period.message}.`;
  else if (troubles.length > 0)
    status = troubles.map(({ index, trouble }) => `${members[index].name}: ${trouble}`).join('; ') + '.';
  else if (plan.period?.ok) status = `As typed, computed in your browser: ${plan.period.statement}.`;
  else status = 'Finding the period every portfolio covers…';

  return (
    <section
      className={`card ${styles.preview}`}
      aria-labelledby={headingId}
      data-testid="multi-line-preview"
      data-state={current ? 'current' : ready ? 'stale' : 'none'}
      data-members={members.length}
    >
      <div className={styles.heading}>
        <h2 id={headingId}>Live preview: {members.length} portfolios side by side</h2>
        <p className={`muted ${styles.status}`} role="status">
          {status}
        </p>
      </div>
      {ready && seriesMembers.length === members.length && (
        <div className={current ? comparisonStyles.preview : `${comparisonStyles.preview} ${comparisonStyles.stale}`}>
          <div className={comparisonStyles.tableWrap}>
            <ComparisonMetricsTable result={ranked} keys={HEADLINE_METRICS} />
          </div>
          <ComparisonCharts result={{ members: seriesMembers }} drawdowns={false} />
        </div>
      )}
    </section>
  );
}

/** The browser's worker and prices, for the signed-in person. */
function BrowserMultiLinePreview(props: MultiLinePreviewProps) {
  const { user } = useSession();
  const scope = user?.id ?? 'anonymous';
  const environment = useMemo(
    () => ({ scope, createPort: browserEnvironment.createPort, createSource: browserEnvironment.createSource }),
    [scope],
  );
  return <MultiLinePreviewPanel {...props} environment={environment} />;
}

/** The workspace's preview of several lines; an `environment` replaces the browser's worker and prices (tests). */
export default function MultiLinePreview({
  environment,
  ...props
}: MultiLinePreviewProps & { environment?: PreviewEnvironment }) {
  return environment ? (
    <MultiLinePreviewPanel {...props} environment={environment} />
  ) : (
    <BrowserMultiLinePreview {...props} />
  );
}
