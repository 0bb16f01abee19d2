import { parseCommandOrThrow } from '../command/command.parser';
import { createPriceMatrix } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { prepareStudyPlan } from './study.plan';
import { assetReturnStatistics, computeReferencePortfolios, riskParityWeights } from './study.references';
import { validateStudySpec } from './study.validation';

/**
 * Frozen prices, five trading days, two uncorrelated assets:
 *
 *   day  date        A        B
 *   0    2024-01-29  100      100
 *   1    2024-01-30  110      105         A +10 %, B +5 %
 *   2    2024-01-31  99       110.25      A −10 %, B +5 %
 *   3    2024-02-01  108.9    104.7375    A +10 %, B −5 %
 *   4    2024-02-02  98.01    99.500625   A −10 %, B −5 %
 *
 * Means are 0; sample variances Σr²/3: σ_A² = 4·0.01/3, σ_B² = 4·0.0025/3, so σ_A = 0.115470, σ_B = 0.057735
 * (σ_A = 2σ_B); covariance Σr_A·r_B/3 = (0.005 − 0.005 − 0.005 + 0.005)/3 = 0.
 * - equal weight: 50 % / 50 %;
 * - inverse volatility: (1/σ_A, 1/σ_B) / (1/σ_A + 1/σ_B) = (1/2, 1) / (3/2) = 1/3, 2/3 → 33.33 % / 66.67 %
 *   (3,333.33 and 6,666.67 hundredths of a percent: the larger remainder, B's, gets the last unit);
 * - risk parity: with two assets w_A σ_A = w_B σ_B whatever the correlation, so the same 1/3, 2/3.
 */
describe('reference portfolios of two uncorrelated assets, by hand', () => {
  const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
  const a = [100, 110, 99, 108.9, 98.01];
  const b = [100, 105, 110.25, 104.7375, 99.500625];
  const matrix = createPriceMatrix(dates, ['A', 'B'], Float64Array.from(dates.flatMap((_, t) => [a[t], b[t]])));
  const study = validateStudySpec({
    tickers: ['A', 'B'],
    start: '2024-01-29',
    end: '2024-02-02',
    method: 'random',
    candidates: 10,
    options: { rebalance: { kind: 'periodic', frequency: 'daily' } },
  });
  const plan = prepareStudyPlan(study, matrix);
  const references = computeReferencePortfolios(plan);

  it('measures the assets: σ_A = 2σ_B, no covariance', () => {
    const { volatility, covariance } = assetReturnStatistics(plan);
    expect(volatility[0]).toBeCloseTo(Math.sqrt(0.04 / 3), 14);
    expect(volatility[1]).toBeCloseTo(Math.sqrt(0.01 / 3), 14);
    expect(covariance[1]).toBeCloseTo(0, 15);
    expect(covariance[2]).toBe(covariance[1]);
  });

  it('weights equal weight 50/50, inverse volatility and risk parity 1/3, 2/3', () => {
    expect(references.equalWeight.weights).toEqual([0.5, 0.5]);
    expect(references.inverseVolatility!.weights).toEqual([0.3333, 0.6667]);
    expect(references.riskParity!.weights).toEqual([0.3333, 0.6667]);
    const exact = riskParityWeights(assetReturnStatistics(plan).covariance, 2).weights;
    expect(exact[0]).toBeCloseTo(1 / 3, 12);
    expect(exact[1]).toBeCloseTo(2 / 3, 12);
  });

  it('backtests each as its command: daily rebalanced 1/3, 2/3 of (±10 %, ±5 %) is +6.67 %, −3.33 %, +3.33 %, −6.67 %', () => {
    expect(references.inverseVolatility!.command).toBe('A-L-33.33% B-L-66.67% 2024-01-29 2024-02-02 rebalance=daily');
    for (const portfolio of [references.equalWeight, references.inverseVolatility!, references.riskParity!]) {
      const single = simulatePortfolio(parseCommandOrThrow(portfolio.command).command, matrix);
      // Two assets: the batch and the single simulator add holdings in the same order, bit for bit.
      expect(portfolio.summary.finalNav).toBe(single.finalNav);
      expect(portfolio.summary.cagr).toBe(single.metrics.cagr);
      expect(portfolio.summary.maxDrawdown).toBe(single.metrics.maxDrawdown);
    }
    // 0.3333·(1.1, 0.9, 1.1, 0.9) + 0.6667·(1.05, 1.05, 0.95, 0.95), compounded from 100,000.
    const growth = [
      1.1 * 0.3333 + 1.05 * 0.6667,
      0.9 * 0.3333 + 1.05 * 0.6667,
      1.1 * 0.3333 + 0.95 * 0.6667,
      0.9 * 0.3333 + 0.95 * 0.6667,
    ];
    expect(references.inverseVolatility!.summary.finalNav).toBeCloseTo(100000 * growth.reduce((p, g) => p * g, 1), 8);
  });
});
