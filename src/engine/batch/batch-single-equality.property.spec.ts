import fc from 'fast-check';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { buildSimulationPlan } from '../simulation/simulation-plan';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { SimulationResult } from '../simulation/simulation.types';
import { runBatchRange, SUMMARY_METRICS, SummaryMetric } from './batch.kernel';
import { kernelInput, packWeightVectors } from './batch.simulator';

/**
 * The batch kernel re-implements the single simulator's rules for 8 vectors at once. On random small plans
 * (2–7 of the sample's stocks, 20–1,500 trading days, every rebalancing kind, fees, risk-free rates,
 * contributions and withdrawals, capital) and 8 random vectors each (longs, shorts, zero weights, cash), the
 * batch's daily returns, final NAV and summary metrics are compared with `simulatePortfolio` on the vector
 * written as a command (zero weights left out, the rest as CASH).
 *
 * What holds today (measured on 3,200 candidates, then asserted here):
 * - a vector holding at most 3 assets gets bit-identical daily returns and final NAV;
 * - with 4 or more, the single simulator values holdings with four partial sums (s0 + s1 + (s2 + s3)) and the
 *   kernel with one sequential sum per vector, so the last bits differ: daily returns by at most 8.9e-16
 *   (asserted ≤ 4e-15 absolute), the final NAV by at most 3.0e-15 relative (asserted ≤ 1e-13);
 * - summary metrics (one-pass shifted sums in the kernel, two-pass in computeMetrics) agree to
 *   1.4e-13 × max(1, |value|) (asserted ≤ 1e-12 × max(1, |value|)); NaN where the single simulator has NaN;
 * - once a NAV reaches zero or below (a ruin), values near zero amplify those last bits (returns then differed by
 *   up to 2e-14): past a ruin only the bit-identical case is asserted, and no metrics (ruins are being reworked).
 */
const matrix = samplePrices();
/**
 * Fixed, so every run checks the same 300 scenarios and a failure of the counts asserted after the property (which
 * fast-check's report, naming the seed, does not cover) repeats. BATCH_PROPERTY_SEED=<n> draws other scenarios.
 */
const SEED = Number(process.env.BATCH_PROPERTY_SEED ?? 20261204);
const EPSILON = Number.EPSILON;
const STOCKS = matrix.tickers.filter((ticker) => ticker !== '^GSPC');

const optionText = fc
  .record({
    rebalance: fc.constantFrom(
      '',
      'rebalance=daily',
      'rebalance=weekly',
      'rebalance=monthly',
      'rebalance=quarterly',
      'rebalance=yearly',
      'rebalance=band:2%',
      'rebalance=band:7.5%',
    ),
    fee: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    rf: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
    contribution: fc.option(
      fc.record({
        amount: fc.integer({ min: -3000, max: 5000 }).filter((amount) => amount !== 0),
        period: fc.constantFrom('month', 'quarter', 'year'),
      }),
      { nil: null },
    ),
    capital: fc.option(fc.integer({ min: 1000, max: 1_000_000 }), { nil: null }),
  })
  .map(({ rebalance, fee, rf, contribution, capital }) =>
    [
      rebalance,
      fee === null ? '' : `fee=${fee / 100}%`,
      rf === null ? '' : `rf=${rf / 100}%`,
      contribution === null ? '' : `contribute=${contribution.amount}/${contribution.period}`,
      capital === null ? '' : `capital=${capital}`,
    ]
      .filter((part) => part !== '')
      .join(' '),
  );

/** A vector as integer hundredths of a percent per asset (signed) plus cash, summing (in absolute value) to 10,000. */
const unitVector = (assets: number) =>
  fc
    .record({
      raw: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), {
        minLength: assets,
        maxLength: assets,
      }),
      shorts: fc.array(fc.boolean(), { minLength: assets, maxLength: assets }),
      cash: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
    })
    .filter(({ raw }) => raw.some((value) => value > 0))
    .map(({ raw, shorts, cash }) => {
      const total = raw.reduce((sum, value) => sum + value, 0) + cash;
      return raw.map((value, i) => (shorts[i] ? -1 : 1) * Math.floor((value * 10000) / total));
    })
    .filter((units) => units.some((unit) => unit !== 0));

const scenario = fc
  .record({
    tickers: fc.shuffledSubarray(STOCKS, { minLength: 2, maxLength: 7 }),
    startRow: fc.integer({ min: 0, max: matrix.dates.length - 1600 }),
    rows: fc.integer({ min: 20, max: 1500 }),
    options: optionText,
  })
  .chain((plan) =>
    fc.record({
      plan: fc.constant(plan),
      vectors: fc.array(unitVector(plan.tickers.length), { minLength: 8, maxLength: 8 }),
    }),
  );

function singleCommand(tickers: readonly string[], units: number[], period: string, options: string): string {
  const positions = tickers
    .map((ticker, i) => (units[i] === 0 ? '' : `${ticker}-${units[i] < 0 ? 'S' : 'L'}-${Math.abs(units[i]) / 100}%`))
    .filter((position) => position !== '');
  const cash = 10000 - units.reduce((sum, unit) => sum + Math.abs(unit), 0);
  if (cash > 0) positions.push(`CASH-L-${cash / 100}%`);
  return `${positions.join(' ')} ${period} ${options}`.trim();
}

const SINGLE_METRIC: Record<Exclude<SummaryMetric, 'finalNav'>, (result: SimulationResult) => number> = {
  totalReturn: (result) => result.metrics.totalReturn,
  cagr: (result) => result.metrics.cagr,
  volatility: (result) => result.metrics.volatility,
  sharpe: (result) => result.metrics.sharpe,
  sortino: (result) => result.metrics.sortino,
  maxDrawdown: (result) => result.metrics.maxDrawdown,
  calmar: (result) => result.metrics.calmar,
};

describe('batch kernel against the single simulator on random candidates', () => {
  it('gives the same daily returns, final NAV and summary metrics (bit for bit up to 3 assets)', () => {
    let candidates = 0;
    let bitIdentical = 0;
    let ruined = 0;
    let worstReturnDifference = 0;
    let worstNavDifference = 0;
    fc.assert(
      fc.property(scenario, ({ plan: { tickers, startRow, rows, options }, vectors }) => {
        const period = `${matrix.dates[startRow]} ${matrix.dates[startRow + rows - 1]}`;
        // The plan's own targets are ignored by the batch; any valid command over the tickers builds it.
        const planCommand = `${tickers.map((ticker, i) => `${ticker}-L-${i === 0 ? 100 - (tickers.length - 1) : 1}%`).join(' ')} ${period} ${options}`;
        const plan = buildSimulationPlan(parseCommandOrThrow(planCommand).command, matrix);
        const weights = packWeightVectors(
          plan,
          vectors.map((units) => units.map((unit) => (unit < 0 ? -(-unit / 100 / 100) : unit / 100 / 100))),
        );
        const input = kernelInput(plan, weights);
        const summary = new Float64Array(SUMMARY_METRICS.length * 8);
        const returns: Float64Array[] = [];
        const length = plan.dates.length;
        runBatchRange(input, 0, 8, summary, (first, size, block) => {
          for (let k = 0; k < size; k++) returns[first + k] = block.slice(k * length, (k + 1) * length);
        });

        vectors.forEach((units, k) => {
          const single = simulatePortfolio(
            parseCommandOrThrow(singleCommand(tickers, units, period, options)).command,
            matrix,
          );
          expect(single.dates.length === length && single.dates.every((date, t) => date === plan.dates[t])).toBe(true);
          const held = units.filter((unit) => unit !== 0).length;
          const finalNav = summary[k];
          // The first non-positive NAV, if any: withdrawals or shorts took everything (a ruin).
          const ruin = single.nav.findIndex((value) => value <= 0);
          candidates++;
          if (held <= 3) {
            expect(finalNav).toBe(single.finalNav);
            expect(returns[k].every((value, t) => Object.is(value, single.dailyReturn[t]))).toBe(true);
            bitIdentical++;
          } else {
            // Up to a ruin, only the holdings sum's rounding: each way of adding n values is within
            // (n − 1)·ε·Σ|value| of the exact sum, so a day's return may differ by about that much relative to the
            // gross exposure g (Σ|weight| of the assets) on both days. Past a ruin, values near zero amplify it.
            const width = single.tickers.length + 1;
            const gross = (t: number) => {
              let sum = 0;
              for (let i = 0; i < width - 1; i++) sum += Math.abs(single.weights[t * width + i]);
              return sum;
            };
            let navBound = 0;
            let worstRatio = 0;
            for (let t = 1; t < (ruin < 0 ? length : ruin); t++) {
              const bound = 4 * held * EPSILON * (1 + gross(t - 1) + gross(t));
              navBound += bound;
              const difference = Math.abs(returns[k][t] - single.dailyReturn[t]);
              worstRatio = Math.max(worstRatio, difference / (bound * (1 + Math.abs(single.dailyReturn[t]))));
              worstReturnDifference = Math.max(worstReturnDifference, difference);
            }
            expect(worstRatio).toBeLessThanOrEqual(1);
            if (ruin < 0) {
              const relative = Math.abs(finalNav - single.finalNav) / Math.abs(single.finalNav);
              expect(relative).toBeLessThanOrEqual(navBound);
              worstNavDifference = Math.max(worstNavDifference, relative);
            }
          }
          if (ruin >= 0) {
            ruined++;
            return;
          }
          SUMMARY_METRICS.forEach((metric, m) => {
            if (metric === 'finalNav') return;
            const expected = SINGLE_METRIC[metric](single);
            const actual = summary[m * 8 + k];
            if (Number.isNaN(expected)) expect(actual).toBeNaN();
            else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
          });
        });
      }),
      { numRuns: 300, seed: SEED },
    );
    expect(candidates).toBe(2400);
    expect(bitIdentical).toBeGreaterThan(0);
    expect(ruined).toBeLessThan(candidates / 4);
    // Not bit for bit beyond 3 assets, today (see above): the largest differences seen, for the record.
    expect(worstReturnDifference).toBeGreaterThan(0);
    expect(worstNavDifference).toBeLessThan(1e-12);
  });
});
