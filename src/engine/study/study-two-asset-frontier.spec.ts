import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { simulateBatch } from '../batch/batch.simulator';
import { volatilityBin } from './study.accumulators';
import { candidateRange } from './study.candidates';
import { evaluateStudyChunk } from './study.evaluation';
import { finalizeStudy } from './study.finalize';
import { prepareStudyPlan } from './study.plan';
import { validateStudySpec } from './study.validation';

/**
 * KO and AAPL, 2000–2005, rebalanced daily, no fee: every portfolio on a 0.05 % grid (2,001 of them). With
 * daily rebalancing a portfolio's return on day t is w·r_KO,t + (1 − w)·r_AAPL,t, so its annualised volatility
 * is the analytic curve σ(w) = √(252 (w² s_KK + 2w(1 − w) s_KA + (1 − w)² s_AA)) in the sample covariances s,
 * minimal at w* = (s_AA − s_KA) / (s_KK + s_AA − 2 s_KA), and its CAGR is Π(1 + r_p,t)^(252/N) − 1.
 */
describe('two-asset frontier, KO and AAPL 2000–2005, daily rebalancing, every 0.05 %', () => {
  const study = validateStudySpec({
    tickers: ['KO', 'AAPL'],
    start: '2000-01-01',
    end: '2005-12-31',
    method: 'grid',
    gridStepPercent: 0.05,
    options: { rebalance: { kind: 'periodic', frequency: 'daily' } },
  });
  const plan = prepareStudyPlan(study, samplePrices());
  const candidates = candidateRange(study, 0, study.candidateCount);
  const result = finalizeStudy(plan, evaluateStudyChunk(plan, candidates), { references: null });

  // The two assets' daily returns and their sample (co)variances, straight from the prices.
  const { prices, stride, columns, dates } = plan.simulation;
  const n = dates.length - 1;
  const returns = [0, 1].map((i) =>
    Float64Array.from(
      { length: n },
      (_, t) => prices[(t + 1) * stride + columns[i]] / prices[t * stride + columns[i]] - 1,
    ),
  );
  const mean = returns.map((r) => r.reduce((sum, value) => sum + value, 0) / n);
  const covariance = (i: number, j: number) =>
    returns[i].reduce((sum, _, t) => sum + (returns[i][t] - mean[i]) * (returns[j][t] - mean[j]), 0) / (n - 1);
  const [sKK, sKA, sAA] = [covariance(0, 0), covariance(0, 1), covariance(1, 1)];
  const analyticVolatility = (w: number) =>
    Math.sqrt(252 * (w * w * sKK + 2 * w * (1 - w) * sKA + (1 - w) * (1 - w) * sAA));
  const compoundedCagr = (w: number) => {
    let growth = 1;
    for (let t = 0; t < n; t++) growth *= 1 + w * returns[0][t] + (1 - w) * returns[1][t];
    return Math.pow(growth, 252 / n) - 1;
  };

  it('evaluates the 2,001 grid points', () => {
    expect(study.candidateCount).toBe(2001);
    expect(result.valid).toBe(2001);
  });

  it('puts every frontier point on the analytic volatility curve and the compounded CAGR of its weight', () => {
    expect(result.frontier.length).toBeGreaterThan(50);
    for (const point of result.frontier) {
      const w = point.weights[0];
      expect(Math.abs(point.summary.volatility! / analyticVolatility(w) - 1)).toBeLessThan(1e-10);
      expect(Math.abs(point.summary.cagr! - compoundedCagr(w))).toBeLessThan(1e-12);
    }
  });

  it('runs from the sampled minimum-variance weight to the highest CAGR, volatility and CAGR rising', () => {
    const wStar = (sAA - sKA) / (sKK + sAA - 2 * sKA);
    const first = result.frontier[0];
    // σ² is a parabola in w: its lowest grid point is one of w*'s two neighbours on the 0.0005 grid.
    expect(Math.abs(first.weights[0] - wStar)).toBeLessThan(0.0005);
    expect(first.index).toBe(result.best.minVolatility!.index);
    // Daily rebalancing earns a rebalancing bonus over 2000–2005: the highest CAGR holds some KO, not 100 % AAPL.
    const last = result.frontier[result.frontier.length - 1];
    expect(last.index).toBe(result.best.maxCagr!.index);
    expect(last.weights[0]).toBeGreaterThan(0);
    expect(last.summary.cagr!).toBeGreaterThan(compoundedCagr(0));
    for (let k = 1; k < result.frontier.length; k++) {
      expect(result.frontier[k].summary.volatility!).toBeGreaterThan(result.frontier[k - 1].summary.volatility!);
      expect(result.frontier[k].summary.cagr!).toBeGreaterThan(result.frontier[k - 1].summary.cagr!);
    }
  });

  it('is the brute-force non-dominated set of the sampled points, thinned to at most two per volatility bin', () => {
    // Independently of the study's reduction: every point's metrics from the batch, then O(N log N) dominance.
    const batch = simulateBatch(plan.simulation, candidates.weights);
    const points = Array.from({ length: 2001 }, (_, index) => ({
      index,
      volatility: batch.summary.volatility[index],
      cagr: batch.summary.cagr[index],
    })).sort((a, b) => a.volatility - b.volatility || b.cagr - a.cagr || a.index - b.index);
    const nonDominated: typeof points = [];
    let best = Number.NEGATIVE_INFINITY;
    for (const point of points) {
      if (point.cagr > best) {
        nonDominated.push(point);
        best = point.cagr;
      }
    }
    const reported = new Map(result.frontier.map((point) => [point.index!, point]));
    const byIndex = new Set(nonDominated.map((point) => point.index));
    // Every reported point is non-dominated, at most two per bin, the first the lowest volatility of all.
    expect([...reported.keys()].filter((index) => !byIndex.has(index))).toEqual([]);
    const perBin = new Map<number, number>();
    for (const point of result.frontier) {
      const bin = volatilityBin(point.summary.volatility!);
      perBin.set(bin, (perBin.get(bin) ?? 0) + 1);
    }
    expect(Math.max(...perBin.values())).toBeLessThanOrEqual(2);
    expect(result.frontier[0].index).toBe(nonDominated[0].index);
    // Every non-dominated point's bin holds a reported point at least as good, so the bins match exactly.
    const bestInBin = new Map<number, number>();
    for (const point of result.frontier) {
      const bin = volatilityBin(point.summary.volatility!);
      bestInBin.set(bin, Math.max(bestInBin.get(bin) ?? Number.NEGATIVE_INFINITY, point.summary.cagr!));
    }
    const uncovered = nonDominated.filter((point) => !(bestInBin.get(volatilityBin(point.volatility))! >= point.cagr));
    expect(uncovered).toEqual([]);
    expect(new Set(nonDominated.map((point) => volatilityBin(point.volatility))).size).toBe(perBin.size);
  });
});
