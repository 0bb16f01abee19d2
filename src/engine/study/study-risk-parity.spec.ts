import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { prepareStudyPlan } from './study.plan';
import { assetReturnStatistics, computeReferencePortfolios, riskParityWeights } from './study.references';
import { validateStudySpec } from './study.validation';

/**
 * Risk parity of KO, XOM and AAPL (2005–2010 daily returns) against a brute-force numeric solution: the point of
 * a 0.001 grid on the simplex whose risk contributions w_i (Σw)_i are closest to equal (least squares of their
 * shares minus 1/3) — independent of the solver, which must land within one grid step of it and make the
 * contributions equal to 1e-10.
 */
describe('risk parity of three assets', () => {
  const study = validateStudySpec({
    tickers: ['KO', 'XOM', 'AAPL'],
    start: '2005-01-01',
    end: '2010-12-31',
    method: 'random',
    candidates: 10,
  });
  const plan = prepareStudyPlan(study, samplePrices());
  const { covariance, volatility } = assetReturnStatistics(plan);
  const contributions = (w: ArrayLike<number>) =>
    [0, 1, 2].map(
      (i) => w[i] * (covariance[i * 3] * w[0] + covariance[i * 3 + 1] * w[1] + covariance[i * 3 + 2] * w[2]),
    );

  it('equalises risk contributions (to 1e-10) and matches the brute-force grid minimiser (within 0.001)', () => {
    const { weights, sweeps } = riskParityWeights(covariance, 3);
    expect(sweeps).toBeLessThan(200);
    expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 14);
    const rc = contributions(weights);
    const total = rc[0] + rc[1] + rc[2];
    for (const share of rc) expect(Math.abs(share / total - 1 / 3)).toBeLessThan(1e-10);

    let best = { error: Number.POSITIVE_INFINITY, w: [0, 0, 0] };
    for (let i = 1; i < 1000; i++) {
      for (let j = 1; i + j < 1000; j++) {
        const w = [i / 1000, j / 1000, (1000 - i - j) / 1000];
        const c = contributions(w);
        const sum = c[0] + c[1] + c[2];
        const e0 = c[0] / sum - 1 / 3;
        const e1 = c[1] / sum - 1 / 3;
        const e2 = c[2] / sum - 1 / 3;
        const error = e0 * e0 + e1 * e1 + e2 * e2;
        if (error < best.error) best = { error, w };
      }
    }
    best.w.forEach((w, i) => expect(Math.abs(w - weights[i])).toBeLessThanOrEqual(0.001));
  });

  it('differs from inverse volatility when the assets are correlated, and is the study reference', () => {
    const { weights } = riskParityWeights(covariance, 3);
    const inverse = [0, 1, 2].map(
      (i) => 1 / volatility[i] / (1 / volatility[0] + 1 / volatility[1] + 1 / volatility[2]),
    );
    expect(Math.max(...[0, 1, 2].map((i) => Math.abs(weights[i] - inverse[i])))).toBeGreaterThan(0.001);
    const references = computeReferencePortfolios(plan);
    references.riskParity!.weights.forEach((w, i) => expect(Math.abs(w - weights[i])).toBeLessThanOrEqual(0.00005));
    expect(references.riskParity!.weights.reduce((sum, w) => sum + w * 10000, 0)).toBeCloseTo(10000, 9);
  });
});
