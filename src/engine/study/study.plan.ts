import { compactPrices } from '../batch/batch.simulator';
import { PortfolioCommand } from '../command/command.types';
import { PriceMatrix } from '../market/price-matrix';
import { buildSimulationPlan, SimulationPlan } from '../simulation/simulation-plan';
import { Fingerprint } from './study.hash';
import { StudyDefinition, WEIGHT_UNITS } from './study.types';

/** A study over its price data: the simulation plan every candidate runs on, and what identifies both. */
export interface StudyPlan {
  readonly study: StudyDefinition;
  /** The universe's plan (calendar, prices, options), its tickers in the study's order. */
  readonly simulation: SimulationPlan;
  /** The study's fingerprint and the price data's (calendar and prices): results of other data never merge. */
  readonly fingerprint: string;
}

/**
 * Resolves the study's universe over a price matrix with the single simulator's own plan builder (calendar,
 * carried prices, rebalancing and contribution days), so every candidate runs by the same rules as a command.
 * Throws the SimulationError of `buildSimulationPlan` (unknown ticker, no price at the start, ...).
 */
export function prepareStudyPlan(study: StudyDefinition, matrix: PriceMatrix): StudyPlan {
  const simulation = buildSimulationPlan(universeCommand(study), matrix);
  const data = new Fingerprint()
    .text(simulation.dates[0])
    .text(simulation.dates[simulation.dates.length - 1])
    .int32s(simulation.dayNumber)
    .float64s(compactPrices(simulation))
    .hex();
  return { study, simulation, fingerprint: `${study.fingerprint}-${data}` };
}

/** Every ticker long at equal weight (the plan's own targets are not used: each candidate brings its weights). */
function universeCommand(study: StudyDefinition): PortfolioCommand {
  const n = study.tickers.length;
  const base = Math.floor(WEIGHT_UNITS / n);
  return {
    positions: study.tickers.map((ticker, i) => ({
      ticker,
      side: 'L',
      weightPercent: (base + (i < WEIGHT_UNITS - base * n ? 1 : 0)) / 100,
    })),
    start: study.start,
    end: study.end,
    options: { ...study.options },
  };
}
