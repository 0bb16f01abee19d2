import { formatOptions } from '../../engine';
import type { SimulationRecord, StoredMetrics, StoredSimulationResult } from '../history/history.types';
import type { ReportContent } from './workbook/report-workbook';

/** What the workbook shows, from a simulation and its stored result (exactly what GET /history/{id} serves). */
export function reportContent(
  record: SimulationRecord,
  result: StoredSimulationResult,
  generatedAt: Date,
): ReportContent {
  // The command as parsed at submission (the canonical form parses back to the same: command.canonical.ts).
  const { options } = record.parsedCommand;
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
