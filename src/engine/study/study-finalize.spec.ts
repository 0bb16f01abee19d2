import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { SUMMARY_METRICS } from '../batch/batch.kernel';
import { simulateBatch } from '../batch/batch.simulator';
import { parseCommandOrThrow } from '../command/command.parser';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { candidateRange } from './study.candidates';
import { prepareStudyPlan } from './study.plan';
import { runStudy } from './study.run';
import { STUDY_OBJECTIVES, STUDY_PERCENTILES, StudyPortfolio, StudyResult } from './study.types';
import { validateStudySpec } from './study.validation';

/**
 * A study of five stocks, 2003–2012, monthly rebalancing with a 0.1 % fee and a 2 % risk-free rate: 600 random
 * portfolios of at most 3 holdings plus a 25 % grid, objectives limited to a 35 % drawdown and a 9 % CAGR.
 */
describe('a finalised study', () => {
  const matrix = samplePrices();
  const study = validateStudySpec({
    tickers: ['AAPL', 'KO', 'XOM', 'JPM', 'WMT'],
    start: '2003-01-01',
    end: '2012-12-31',
    method: 'both',
    candidates: 600,
    gridStepPercent: 25,
    seed: 2024,
    options: { rebalance: { kind: 'periodic', frequency: 'monthly' }, feePercent: 0.1, riskFreePercent: 2 },
    constraints: { maxHoldings: 3, bounds: { AAPL: { maxPercent: 50 } } },
    objectives: { maxDrawdownPercent: 35, targetCagrPercent: 9 },
    topN: 5,
  });
  const plan = prepareStudyPlan(study, matrix);
  let result: StudyResult;
  beforeAll(async () => {
    result = await runStudy(plan, { chunkSize: 100 });
  });
  // Every candidate's metrics, straight from the batch, to check the reductions against.
  const all = (() => {
    const candidates = candidateRange(study, 0, study.candidateCount);
    const batch = simulateBatch(plan.simulation, candidates.weights);
    return Array.from({ length: study.candidateCount }, (_, index) =>
      Object.fromEntries(SUMMARY_METRICS.map((metric) => [metric, batch.summary[metric][index]])),
    );
  })();

  it('counts the grid (at most 3 of 5 at 25 %, AAPL ≤ 50 %) and the sampled candidates', () => {
    // Four 25 % steps over five tickers, at most three non-zero, AAPL (a) at most two steps: by brute force.
    let grid = 0;
    for (let a = 0; a <= 2; a++)
      for (let b = 0; b <= 4; b++)
        for (let c = 0; c <= 4; c++)
          for (let d = 0; d <= 4; d++) {
            const e = 4 - a - b - c - d;
            if (e >= 0 && [a, b, c, d, e].filter((x) => x > 0).length <= 3) grid++;
          }
    expect(study.gridCount).toBe(grid);
    expect(result.candidateCount).toBe(grid + 600);
    expect(result.valid).toBe(grid + 600);
    expect(result.days).toBe(plan.simulation.dates.length);
  });

  it('opens every listed portfolio as a command that simulates to the same metrics', () => {
    const listed: StudyPortfolio[] = [
      ...STUDY_OBJECTIVES.flatMap((objective) => result.top[objective]),
      ...result.frontier,
      ...result.drawdownFrontier,
      result.references!.equalWeight,
      result.references!.inverseVolatility!,
      result.references!.riskParity!,
    ];
    for (const portfolio of listed) {
      const single = simulatePortfolio(parseCommandOrThrow(portfolio.command).command, matrix);
      // The same weights and rules; the canonical command lists tickers alphabetically, so holdings may be
      // added in another order than the study's: equal to the last bits (bit for bit with two holdings).
      const held = portfolio.weights.filter((w) => w !== 0).length;
      if (held <= 2) expect(portfolio.summary.finalNav).toBe(single.finalNav);
      else expect(Math.abs(portfolio.summary.finalNav! / single.finalNav - 1)).toBeLessThan(1e-13);
      expect(Math.abs(portfolio.summary.sharpe! - single.metrics.sharpe)).toBeLessThan(1e-12);
      expect(portfolio.summary.maxDrawdown).toBeCloseTo(single.metrics.maxDrawdown, 14);
      expect(portfolio.command).toMatch(/ 2003-01-01 2012-12-31 rebalance=monthly fee=0.1% rf=2%$/);
    }
  });

  it('ranks each objective over every candidate, within its limit', () => {
    const best = (score: (s: Record<string, number>) => number, qualifies: (s: Record<string, number>) => boolean) =>
      all
        .map((summary, index) => ({ index, score: score(summary), ok: qualifies(summary) }))
        .filter((entry) => entry.ok)
        .sort((a, b) => b.score - a.score || a.index - b.index)
        .slice(0, 5)
        .map((entry) => entry.index);
    expect(result.top.maxSharpe.map((p) => p.index)).toEqual(
      best(
        (s) => s.sharpe,
        () => true,
      ),
    );
    expect(result.top.minVolatility.map((p) => p.index)).toEqual(
      best(
        (s) => -s.volatility,
        () => true,
      ),
    );
    expect(result.top.maxCagr.map((p) => p.index)).toEqual(
      best(
        (s) => s.cagr,
        (s) => s.maxDrawdown >= -0.35,
      ),
    );
    expect(result.top.minDrawdown.map((p) => p.index)).toEqual(
      best(
        (s) => s.maxDrawdown,
        (s) => s.cagr >= 0.09,
      ),
    );
    expect(result.best.maxCagr!.summary.maxDrawdown!).toBeGreaterThanOrEqual(-0.35);
    expect(result.best.minDrawdown!.summary.cagr!).toBeGreaterThanOrEqual(0.09);
    for (const objective of STUDY_OBJECTIVES) expect(result.best[objective]).toEqual(result.top[objective][0]);
  });

  it('summarises each metric: exact extremes and mean, percentiles within a histogram bin', () => {
    const cagr = all.map((s) => s.cagr).sort((a, b) => a - b);
    const statistics = result.statistics.cagr;
    expect(statistics.count).toBe(all.length);
    expect(statistics.min).toBe(cagr[0]);
    expect(statistics.max).toBe(cagr[cagr.length - 1]);
    expect(statistics.mean!).toBeCloseTo(cagr.reduce((sum, value) => sum + value, 0) / cagr.length, 9);
    STUDY_PERCENTILES.forEach((p, k) => {
      // numpy's linear interpolation at rank p/100 · (n − 1); a CAGR histogram bin is 0.1 %.
      const rank = (p / 100) * (cagr.length - 1);
      const exact =
        cagr[Math.floor(rank)] + (rank - Math.floor(rank)) * (cagr[Math.ceil(rank)] - cagr[Math.floor(rank)]);
      expect(Math.abs(statistics.percentiles[k]! - exact)).toBeLessThanOrEqual(0.001);
    });
    expect(
      statistics.histogram.counts.reduce((sum, count) => sum + count, 0) +
        statistics.histogram.below +
        statistics.histogram.above,
    ).toBe(all.length);
  });

  it('keeps every candidate in the scatter (fewer than 100,000) and a density grid of them', () => {
    expect(result.scatter.stride).toBe(1);
    expect(Array.from(result.scatter.index)).toEqual(all.map((_, index) => index));
    expect(result.scatter.volatility[7]).toBe(Math.fround(all[7].volatility));
    expect(result.density.total).toBe(all.length);
    expect(result.density.counts.reduce((sum, count) => sum + count, 0)).toBe(all.length);
  });

  it('orders both frontiers by risk with CAGR rising, from the least risky candidate', () => {
    for (const [frontier, risk] of [
      [result.frontier, (p: StudyPortfolio) => p.summary.volatility!],
      [result.drawdownFrontier, (p: StudyPortfolio) => -p.summary.maxDrawdown!],
    ] as const) {
      for (let k = 1; k < frontier.length; k++) {
        expect(risk(frontier[k])).toBeGreaterThanOrEqual(risk(frontier[k - 1]));
        expect(frontier[k].summary.cagr!).toBeGreaterThan(frontier[k - 1].summary.cagr!);
      }
    }
    expect(result.frontier[0].summary.volatility).toBe(Math.min(...all.map((s) => s.volatility)));
    expect(result.drawdownFrontier[0].summary.maxDrawdown).toBe(Math.max(...all.map((s) => s.maxDrawdown)));
    expect(result.frontier[result.frontier.length - 1].summary.cagr).toBe(Math.max(...all.map((s) => s.cagr)));
  });
});
