import { formatRate, listTrades, SimulationResult } from '../../engine';
import type { SimulationOutcome, StoredSimulationResult } from '../history/history.types';
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
      // Leverage, interest, synthetic tickers and real returns (issue 18); rates as the command writes them.
      notes: result.notes.map(({ code, ticker, message }) => ({ code, ticker, message })),
      exposure: { ...result.exposure },
      cashInterest: result.cashInterest && {
        cashRate: formatRate(result.cashInterest.cashRate),
        borrowRate: formatRate(result.cashInterest.borrowRate),
        dayCount: result.cashInterest.dayCount,
        earned: result.cashInterest.earned,
        paid: result.cashInterest.paid,
      },
      synthetics: result.synthetics.map((synthetic) => ({
        ...synthetic,
        baseRate: synthetic.baseRate && formatRate(synthetic.baseRate),
        sources: synthetic.sources.map((source) => ({ ...source })),
      })),
      realReturns: result.realReturns && {
        inflation: formatRate(result.realReturns.inflation),
        cumulativeInflation: result.realReturns.cumulativeInflation,
        annualInflation: result.realReturns.annualInflation,
        finalValue: result.realReturns.finalValue,
        totalReturn: result.realReturns.totalReturn,
        cagr: result.realReturns.cagr,
      },
    } satisfies SimulationOutcome,
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
