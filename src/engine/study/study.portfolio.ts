import { SUMMARY_METRICS } from '../batch/batch.kernel';
import { formatCanonicalCommand } from '../command/command.canonical';
import { Position } from '../command/command.types';
import { StudyDefinition, StudyPortfolio, StudySummary, WEIGHT_UNITS } from './study.types';

/** Summary metrics as a record, undefined values (NaN, ±Infinity) as null. */
export function summaryRecord(summary: Float64Array): StudySummary {
  return Object.fromEntries(
    SUMMARY_METRICS.map((metric, m) => [metric, Number.isFinite(summary[m]) ? summary[m] : null]),
  ) as StudySummary;
}

/**
 * A portfolio of the study as weights and as a canonical command: the held tickers at their signed weights in
 * whole hundredths of a percent, the study's period and options. Parsing that command gives a plan whose
 * targets are bit for bit the weights the study simulated (see `unitsToWeight`).
 */
export function studyPortfolio(
  study: StudyDefinition,
  index: number | null,
  units: Int32Array,
  summary: Float64Array,
): StudyPortfolio {
  const positions: Position[] = [];
  units.forEach((unit, i) => {
    if (unit !== 0)
      positions.push({ ticker: study.tickers[i], side: unit < 0 ? 'S' : 'L', weightPercent: Math.abs(unit) / 100 });
  });
  return {
    index,
    weights: Array.from(units, (unit) => unit / WEIGHT_UNITS),
    summary: summaryRecord(summary),
    command: formatCanonicalCommand({ positions, start: study.start, end: study.end, options: study.options }),
  };
}

/**
 * Rounds non-negative fractions summing to 1 to whole weight units summing to 100 % (largest remainder, ties to
 * the first ticker).
 */
export function fractionsToUnits(fractions: readonly number[]): Int32Array {
  const scaled = fractions.map((fraction) => fraction * WEIGHT_UNITS);
  const units = Int32Array.from(scaled, Math.floor);
  let missing = WEIGHT_UNITS - units.reduce((sum, unit) => sum + unit, 0);
  const order = scaled.map((_, i) => i).sort((a, b) => scaled[b] - units[b] - (scaled[a] - units[a]) || a - b);
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) units[order[k]]++;
  return units;
}
