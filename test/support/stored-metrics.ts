import type { StoredMetrics } from '../../src/modules/history/history.types';

/**
 * Stored metrics for tests that store a result without running the engine: every metric of a flat two-day run
 * (zero returns), with `cagr` and `totalReturn` as the test says.
 */
export function flatMetrics(headline: { cagr: number; totalReturn: number }): StoredMetrics {
  return {
    portfolio: {
      startDate: '2020-01-02',
      endDate: '2020-01-03',
      tradingDays: 1,
      years: 1 / 252,
      totalReturn: headline.totalReturn,
      cagr: headline.cagr,
      volatility: 0,
      sharpe: 0,
      sortino: 0,
      maxDrawdown: 0,
      maxDrawdownPeakDate: null,
      maxDrawdownTroughDate: null,
      maxDrawdownRecoveryDate: null,
      maxDrawdownDays: 0,
      longestDrawdownDays: 0,
      calmar: 0,
      bestDay: 0,
      worstDay: 0,
      bestMonth: 0,
      worstMonth: 0,
      bestYear: 0,
      worstYear: 0,
      positiveMonths: 0,
      skew: 0,
      kurtosis: 0,
      valueAtRisk95: 0,
      conditionalValueAtRisk95: 0,
      parametricValueAtRisk95: 0,
      parametricConditionalValueAtRisk95: 0,
      ulcerIndex: 0,
      benchmark: null,
    },
    benchmark: null,
  };
}
