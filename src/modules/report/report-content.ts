import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';
import type { ReportContent } from './workbook/report-workbook';

/** What the workbook shows, from a simulation and its stored result (exactly what GET /history/{id} serves). */
export function reportContent(
  record: SimulationRecord,
  result: StoredSimulationResult,
  generatedAt: Date,
): ReportContent {
  const parsed = (record.parsedCommand ?? {}) as { options?: Record<string, unknown> };
  const options = parsed.options ?? {};
  const metrics = result.metrics as ReportContent['metrics'];
  const benchmarkTicker = typeof options.benchmark === 'string' ? options.benchmark : null;
  return {
    simulationId: record.id,
    command: record.command,
    canonical: record.canonical,
    startDate: record.startDate,
    endDate: record.endDate,
    options,
    metrics: { portfolio: metrics.portfolio ?? {}, benchmark: metrics.benchmark ?? null },
    summary: result.summary,
    series: result.series,
    benchmarkTicker,
    generatedAt,
  };
}
