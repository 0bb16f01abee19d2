import { listTrades } from '../engine/simulation/portfolio.simulator';
import { SimulationResult } from '../engine/simulation/simulation.types';

/** Everything about a simulation as plain JSON values; NaN and ±Infinity become null. */
export function simulationToJson(result: SimulationResult, canonical: string): unknown {
  const width = result.tickers.length + 1;
  const weights = result.weights;
  return {
    command: canonical,
    tickers: result.tickers,
    summary: {
      start: result.dates[0],
      end: result.dates[result.dates.length - 1],
      askedStart: result.command.start,
      askedEnd: result.command.end,
      depletedOn: result.depletedOn,
      capital: result.command.options.capital,
      finalNav: result.finalNav,
      netContributions: result.netContributions,
      totalFees: result.totalFees,
      moneyWeightedReturn: result.moneyWeightedReturn,
      benchmark: result.benchmarkRun && {
        ticker: result.benchmarkRun.ticker,
        finalNav: result.benchmarkRun.finalNav,
        moneyWeightedReturn: result.benchmarkRun.moneyWeightedReturn,
        depletedOn: result.benchmarkRun.depletedOn,
      },
    },
    metrics: result.metrics,
    benchmarkMetrics: result.benchmarkMetrics,
    daily: {
      dates: result.dates,
      nav: Array.from(result.nav),
      dailyReturn: Array.from(result.dailyReturn),
      cumulativeReturn: Array.from(result.cumulativeReturn),
      drawdown: Array.from(result.drawdown),
      benchmarkValue: result.benchmarkRun ? Array.from(result.benchmarkRun.nav) : null,
      /** One row per date: the tickers' weights, then cash. */
      weightColumns: [...result.tickers, 'CASH'],
      weights: result.dates.map((_, t) => Array.from(weights.subarray(t * width, (t + 1) * width))),
    },
    trades: listTrades(result),
    flows: result.flows,
    warnings: result.warnings,
  };
}

export function stringifyJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) =>
      typeof item === 'number' && !Number.isFinite(item)
        ? null
        : item instanceof Float64Array || item instanceof Int32Array
          ? Array.from(item)
          : item,
    2,
  );
}
