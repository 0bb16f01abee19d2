import { projectionHistoryOf, ProjectionHistory } from '../../engine';
import type { SimulationRecord, StoredSimulationResult } from '../history/history.types';

/** The engine's projection history of a stored completed simulation (its series, final value and cash flow). */
export function storedProjectionHistory(record: SimulationRecord, result: StoredSimulationResult): ProjectionHistory {
  const { dates, dailyReturn, nav } = result.series;
  return projectionHistoryOf({ dates, dailyReturn, finalNav: nav[nav.length - 1], command: record.parsedCommand });
}
