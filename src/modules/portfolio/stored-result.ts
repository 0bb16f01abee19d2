import { listTrades, PriceSeries, SimulationResult } from '../../engine';
import type { StoredSimulationResult } from '../history/history.types';

/**
 * What a completed simulation keeps in the user's history, built from the engine's result: every metric
 * (the portfolio's, with its statistics against the benchmark under `benchmark`, and the benchmark's own, side
 * by side for a two-column table), the small facts, the daily series (benchmark closes carried forward onto
 * the run's days) and the trades.
 */
export function toStoredResult(
  result: SimulationResult,
  sources: Record<string, string>,
  series: readonly PriceSeries[],
  benchmark: string | null,
): StoredSimulationResult {
  const benchmarkSeries = benchmark ? series.find((one) => one.ticker === benchmark) : undefined;
  let benchmarkValues: Float64Array | null = null;
  if (benchmarkSeries) {
    const byDate = new Map<string, number>();
    for (let i = 0; i < benchmarkSeries.dates.length; i += 1)
      byDate.set(benchmarkSeries.dates[i], benchmarkSeries.prices[i]);
    let last = NaN;
    benchmarkValues = Float64Array.from(result.dates, (date) => (last = byDate.get(date) ?? last));
  }
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
      warnings: result.warnings,
    },
    series: {
      dates: [...result.dates],
      tickers: [...result.tickers],
      nav: result.nav,
      dailyReturn: result.dailyReturn,
      cumulativeReturn: result.cumulativeReturn,
      drawdown: result.drawdown,
      weights: Float32Array.from(result.weights),
      benchmark: benchmarkValues,
    },
    trades: listTrades(result),
  };
}
