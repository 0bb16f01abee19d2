import { InflationOption } from '../command/command.types';
import { PERIODS_PER_YEAR } from '../metrics/metrics.calculator';

/**
 * The result in real terms, beside the nominal one (docs/metrics.md, "Real returns"): deflated by the price level
 * P of inflation= (a constant annual rate compounding over calendar days, or a price index such as a CPI).
 */
export interface RealReturns {
  inflation: InflationOption;
  /** The price level on the first and the last simulated day (a constant rate starts at 1). */
  priceLevelStart: number;
  priceLevelEnd: number;
  /** How much prices rose over the run: P_N / P_0 − 1. */
  cumulativeInflation: number;
  /** The same a year over the CAGR's N/252 years: (P_N / P_0)^(252/N) − 1. */
  annualInflation: number;
  /** The final value in money of the first day: NAV_N × P_0 / P_N. */
  finalValue: number;
  /** The time-weighted return deflated: Π(1 + r_t) × P_0 / P_N − 1. */
  totalReturn: number;
  /** (Π(1 + r_t) × P_0 / P_N)^(252/N) − 1, the nominal CAGR's convention; −100 % when nothing is left. */
  cagr: number;
}

/** Real figures of a run: its daily returns, final value and the price level on its rows. */
export function realReturnsOf(
  inflation: InflationOption,
  priceLevel: Float64Array,
  dailyReturn: Float64Array,
  finalNav: number,
): RealReturns {
  const n = dailyReturn.length - 1;
  let growth = 1;
  for (let t = 1; t <= n; t++) growth *= 1 + dailyReturn[t];
  const start = priceLevel[0];
  const end = priceLevel[n];
  const deflator = start / end;
  const realGrowth = growth * deflator;
  const years = n / PERIODS_PER_YEAR;
  return {
    inflation,
    priceLevelStart: start,
    priceLevelEnd: end,
    cumulativeInflation: end / start - 1,
    annualInflation: Math.pow(end / start, 1 / years) - 1,
    finalValue: finalNav * deflator,
    totalReturn: realGrowth - 1,
    cagr: realGrowth <= 0 ? -1 : Math.pow(realGrowth, 1 / years) - 1,
  };
}
