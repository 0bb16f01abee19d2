import { listTrades, SimulationResult } from '../../engine';
import type { StoredSimulationResult } from '../history/history.types';
import type { DataSource } from './price-source';

/**
 * What a completed simulation keeps in the user's history, built from the engine's result: every metric
 * (the portfolio's, with its statistics against the benchmark under `benchmark`, and the benchmark's own, side
 * by side for a two-column table), the small facts (the simulated period, depletion, warnings, where each
 * ticker's prices came from and what they measure), the daily series (benchmark closes carried forward onto
 * the run's days, and the benchmark's value with the portfolio's cash flows) and the trades.
 */
export function toStoredResult(
  result: SimulationResult,
  sources: Record<string, string>,
  dataSources: readonly DataSource[],
): StoredSimulationResult {
  const benchmark = result.benchmarkRun;
  return {
    metrics: { portfolio: result.metrics, benchmark: result.benchmarkMetrics },
    summary: {
      initialCapital: result.command.options.capital,
      finalValue: result.finalNav,
      totalFees: result.totalFees,
      netContributions: result.netContributions,
      moneyWeightedReturn: result.moneyWeightedReturn,
      flows: result.flows,
      sources,
      dataSources: [...dataSources],
      warnings: [...result.warnings],
      simulatedStart: result.dates[0],
      simulatedEnd: result.dates[result.dates.length - 1],
      depletedOn: result.depletedOn,
      benchmark: benchmark && {
        ticker: benchmark.ticker,
        finalValue: benchmark.finalNav,
        moneyWeightedReturn: benchmark.moneyWeightedReturn,
        depletedOn: benchmark.depletedOn,
      },
    },
    series: {
      dates: [...result.dates],
      tickers: [...result.tickers],
      nav: result.nav,
      dailyReturn: result.dailyReturn,
      cumulativeReturn: result.cumulativeReturn,
      drawdown: result.drawdown,
      weights: Float32Array.from(result.weights),
      benchmark: benchmark ? benchmark.prices : null,
      benchmarkValue: benchmark ? benchmark.nav : null,
    },
    trades: listTrades(result),
  };
}
