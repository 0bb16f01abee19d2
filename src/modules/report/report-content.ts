import { DEFAULT_OPTIONS, formatOptions, parseCommand } from '../../engine';
import type { SimulationRecord, StoredMetrics, StoredSimulationResult } from '../history/history.types';
import type { ReportContent } from './workbook/report-workbook';

/** What the workbook shows, from a simulation and its stored result (exactly what GET /history/{id} serves). */
export function reportContent(
  record: SimulationRecord,
  result: StoredSimulationResult,
  generatedAt: Date,
): ReportContent {
  // The canonical form parses back to the same command (command.canonical.ts): typed options, as written.
  const parsed = parseCommand(record.canonical);
  const options = parsed.ok ? parsed.command.options : DEFAULT_OPTIONS;
  // Results stored by older versions may lack a part: an absent portfolio shows no metrics, as before.
  const metrics: Partial<StoredMetrics> = result.metrics;
  const benchmarkTicker = options.benchmark;
  return {
    simulationId: record.id,
    command: record.command,
    canonical: record.canonical,
    startDate: record.startDate,
    endDate: record.endDate,
    options: formatOptions(options),
    metrics: { portfolio: { ...metrics.portfolio }, benchmark: metrics.benchmark ? { ...metrics.benchmark } : null },
    summary: result.summary,
    series: result.series,
    trades: result.trades,
    benchmarkTicker,
    generatedAt,
  };
}
