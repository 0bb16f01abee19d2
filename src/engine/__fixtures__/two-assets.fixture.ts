import { parseCommandOrThrow } from '../command/command.parser';
import { createPriceMatrix, PriceMatrix } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { SimulationResult } from '../simulation/simulation.types';

/**
 * Frozen prices for hand-computed scenarios: two assets over five trading days, Monday
 * 2024-01-29 to Friday 2024-02-02 (one ISO week; February starts on day 3).
 *
 *   day  date        A    B
 *   0    2024-01-29  10   20
 *   1    2024-01-30  11   18
 *   2    2024-01-31  12   20
 *   3    2024-02-01  12   25
 *   4    2024-02-02  15   20
 */
export const TWO_ASSET_DATES = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];

export function twoAssetPrices(): PriceMatrix {
  const a = [10, 11, 12, 12, 15];
  const b = [20, 18, 20, 25, 20];
  const values = new Float64Array(10);
  for (let t = 0; t < 5; t++) {
    values[t * 2] = a[t];
    values[t * 2 + 1] = b[t];
  }
  return createPriceMatrix(TWO_ASSET_DATES, ['A', 'B'], values);
}

export function simulateTwoAssets(command: string): SimulationResult {
  return simulatePortfolio(parseCommandOrThrow(command).command, twoAssetPrices());
}

/** Weights row t as [A, B, cash]. */
export function weightsOn(result: SimulationResult, t: number): number[] {
  const width = result.tickers.length + 1;
  return Array.from(result.weights.subarray(t * width, (t + 1) * width));
}

/** Asserts a weights row to 1e-15 (weights are value × (1 / NAV), so the last bit may differ). */
export function expectWeights(result: SimulationResult, t: number, expected: number[]): void {
  const actual = weightsOn(result, t);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((weight, i) => expect(weight).toBeCloseTo(expected[i], 15));
}
