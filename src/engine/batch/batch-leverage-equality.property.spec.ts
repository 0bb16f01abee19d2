import fc from 'fast-check';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { buildSimulationPlan } from '../simulation/simulation-plan';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { runBatchRange, SUMMARY_METRICS } from './batch.kernel';
import { kernelInput, packWeightVectors } from './batch.simulator';

/**
 * The batch kernel follows the single simulator's leverage rules (issue 18): cash is 1 − longs + shorts (negative:
 * a loan), positive cash earns cash= and a loan pays borrow=, both accrued daily on actual/360. On random plans
 * (1–3 of the sample's stocks, 20–800 trading days, rebalancing kinds, rates) and 8 random leveraged vectors each
 * (longs up to 300%, shorts, loans), the batch's daily returns and final NAV are bit-identical to
 * `simulatePortfolio` on the vector written as a net-sum command (the cash as CASH-L, a loan as CASH-S).
 */
const matrix = samplePrices();
const STOCKS = matrix.tickers.filter((ticker) => ticker !== '^GSPC');

const scenario = fc
  .record({
    tickers: fc.shuffledSubarray(STOCKS, { minLength: 1, maxLength: 3 }),
    startRow: fc.integer({ min: 0, max: matrix.dates.length - 900 }),
    rows: fc.integer({ min: 20, max: 800 }),
    rebalance: fc.constantFrom('', 'rebalance=daily', 'rebalance=monthly', 'rebalance=band:5%'),
    cash: fc.integer({ min: 0, max: 500 }),
    borrow: fc.integer({ min: 0, max: 900 }),
  })
  .chain((plan) =>
    fc.record({
      plan: fc.constant(plan),
      // Signed hundredths of a percent per asset: −50% to 300%, not all zero.
      vectors: fc.array(
        fc
          .array(fc.integer({ min: -5000, max: 30000 }), {
            minLength: plan.tickers.length,
            maxLength: plan.tickers.length,
          })
          .filter((units) => units.some((unit) => unit !== 0)),
        { minLength: 8, maxLength: 8 },
      ),
    }),
  );

function netCommand(tickers: readonly string[], units: number[], rest: string): string {
  const positions = tickers
    .map((ticker, i) => (units[i] === 0 ? '' : `${ticker}-${units[i] < 0 ? 'S' : 'L'}-${Math.abs(units[i]) / 100}%`))
    .filter((position) => position !== '');
  // Longs − shorts + CASH-L − CASH-S = 100%.
  const cash = 10000 - units.reduce((sum, unit) => sum + unit, 0);
  if (cash > 0) positions.push(`CASH-L-${cash / 100}%`);
  if (cash < 0) positions.push(`CASH-S-${-cash / 100}%`);
  return `${positions.join(' ')} ${rest}`;
}

describe('batch kernel against the single simulator on leveraged candidates with interest', () => {
  it('gives bit-identical daily returns and final NAV', () => {
    let compared = 0;
    fc.assert(
      fc.property(scenario, ({ plan: { tickers, startRow, rows, rebalance, cash, borrow }, vectors }) => {
        const rates = `cash=${cash / 100}% borrow=${borrow / 100}%`;
        const rest = `${matrix.dates[startRow]} ${matrix.dates[startRow + rows - 1]} ${rebalance} ${rates}`;
        // The plan's own targets are ignored by the batch; any valid command over the tickers builds it.
        const planCommand = netCommand(
          tickers,
          tickers.map(() => 100),
          rest,
        );
        const plan = buildSimulationPlan(parseCommandOrThrow(planCommand).command, matrix);
        const input = kernelInput(
          plan,
          packWeightVectors(
            plan,
            // Percent, then a fraction: the parser reads 119.46% as 119.46 / 100.
            vectors.map((units) => units.map((unit) => unit / 100 / 100)),
          ),
        );
        const summary = new Float64Array(SUMMARY_METRICS.length * 8);
        const returns: Float64Array[] = [];
        const length = plan.dates.length;
        runBatchRange(input, 0, 8, summary, (first, size, block) => {
          for (let k = 0; k < size; k++) returns[first + k] = block.slice(k * length, (k + 1) * length);
        });
        vectors.forEach((units, k) => {
          const single = simulatePortfolio(parseCommandOrThrow(netCommand(tickers, units, rest)).command, matrix);
          expect(summary[k]).toBe(single.finalNav);
          expect(returns[k].every((value, t) => Object.is(value, single.dailyReturn[t]))).toBe(true);
          compared++;
        });
      }),
      { numRuns: 60 },
    );
    expect(compared).toBe(480);
  });
});
