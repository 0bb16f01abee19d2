import { Worker } from 'node:worker_threads';
import { expectClose } from '../__fixtures__/expect-close';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { buildSimulationPlan } from '../simulation/simulation-plan';
import { simulatePlan } from '../simulation/portfolio.simulator';
import { simulateBatch } from './batch.simulator';
import { ParallelBatchRunner } from './parallel-batch.runner';

const TICKERS = ['AAPL', 'KO', 'XOM', 'JPM'];
const VECTORS = [
  [0.25, 0.25, 0.25, 0.25],
  [0.7, 0.1, -0.3, 0.5],
  [1, 0, 0, 0],
  [0.1, 0.2, 0.3, 0.1],
  [-0.5, 0.5, 0.5, 0.5],
  [0.3, -0.3, 0.2, 0.2],
  [0.05, 0.05, 0.05, 0.05],
];

/** The single simulator on the same options with the vector's weights as the command's positions. */
function singleRun(options: string, vector: number[]) {
  const positions = TICKERS.map((ticker, i) =>
    vector[i] === 0 ? null : `${ticker}-${vector[i] < 0 ? 'S' : 'L'}-${Math.abs(vector[i]) * 100}%`,
  ).filter((position): position is string => position !== null);
  const cash = 100 - vector.reduce((sum, weight) => sum + Math.abs(weight) * 100, 0);
  if (cash > 1e-9) positions.push(`CASH-L-${Math.round(cash * 1e6) / 1e6}%`);
  if (cash < -1e-9) return null; // leveraged vectors cannot be written as a command
  const { command } = parseCommandOrThrow(`${positions.join(' ')} 2000-01-01 2010-12-31 ${options}`);
  return simulatePlan(command, buildSimulationPlan(command, samplePrices()));
}

describe.each([
  ['monthly rebalancing with fee and rf', 'rebalance=monthly fee=0.1% rf=2% benchmark=^GSPC'],
  ['band with contributions', 'rebalance=band:5% contribute=500/quarter fee=0.05%'],
  ['buy and hold', ''],
  ['withdrawals that deplete some vectors', 'contribute=-4000/month rebalance=quarterly'],
])('batch over one price block: %s', (_, options) => {
  const { command } = parseCommandOrThrow(
    `${TICKERS.map((ticker) => `${ticker}-L-25%`).join(' ')} 2000-01-01 2010-12-31 ${options}`,
  );
  const plan = buildSimulationPlan(command, samplePrices());
  const batch = simulateBatch(plan, VECTORS, { fullMetrics: true });

  it('counts vectors and asset-days', () => {
    expect(batch.vectorCount).toBe(7);
    expect(batch.assetDays).toBe(7 * 4 * plan.dates.length);
  });

  it('gives each vector the NAV and metrics of the single simulator (all but the two leveraged ones)', () => {
    let compared = 0;
    VECTORS.forEach((vector, k) => {
      const single = singleRun(options, vector);
      if (single === null) return;
      compared++;
      expect(batch.summary.finalNav[k]).toBeCloseTo(single.finalNav, 6);
      expect(batch.summary.totalReturn[k]).toBeCloseTo(single.metrics.totalReturn, 12);
      // One-pass sums in the kernel: a depleted vector's −100% day costs a digit.
      expect(batch.summary.sharpe[k]).toBeCloseTo(single.metrics.sharpe, single.depletedOn === null ? 12 : 11);
      expect(batch.metrics![k].maxDrawdown).toBeCloseTo(single.metrics.maxDrawdown, 12);
      expect(batch.metrics![k].ulcerIndex).toBeCloseTo(single.metrics.ulcerIndex, 12);
      expect(batch.metrics![k].benchmark?.beta ?? null).toEqual(
        single.metrics.benchmark === null ? null : expect.closeTo(single.metrics.benchmark.beta, 12),
      );
    });
    expect(compared).toBe(5);
  });

  it('agrees with its full metrics on the summary metrics', () => {
    VECTORS.forEach((_vector, k) => {
      const full = batch.metrics![k];
      expect(batch.summary.cagr[k]).toBe(full.cagr);
      // One-pass shifted sums here, two-pass centred sums there: equal to 1e-12 relative, 1e-11 for a depleted
      // vector, whose −100% day dominates the sums.
      const tolerance = batch.summary.finalNav[k] === 0 ? 1e-11 : 1e-12;
      expectClose(batch.summary.volatility[k], full.volatility, 'volatility', tolerance);
      expectClose(batch.summary.sharpe[k], full.sharpe, 'sharpe', tolerance);
      expectClose(batch.summary.sortino[k], full.sortino, 'sortino', tolerance);
      expect(batch.summary.maxDrawdown[k]).toBe(full.maxDrawdown);
      expect(batch.summary.calmar[k]).toBe(full.calmar);
    });
  });
});

describe('batch depletion', () => {
  it('depletes a vector on the day the single simulator does, with identical daily returns', () => {
    const options = 'contribute=-4000/month rebalance=quarterly';
    const { command } = parseCommandOrThrow(
      `${TICKERS.map((ticker) => `${ticker}-L-25%`).join(' ')} 2000-01-01 2010-12-31 ${options}`,
    );
    const plan = buildSimulationPlan(command, samplePrices());
    const batch = simulateBatch(plan, VECTORS, { fullMetrics: true });
    let depleted = 0;
    VECTORS.forEach((vector, k) => {
      const single = singleRun(options, vector);
      if (single === null) return;
      // Full metrics are computed from the kernel's daily returns: equal totals, drawdowns and ulcer index
      // bit for bit mean equal returns every day.
      expect(batch.summary.finalNav[k]).toBe(single.finalNav);
      expect(batch.metrics![k].totalReturn).toBe(single.metrics.totalReturn);
      expect(batch.metrics![k].maxDrawdown).toBe(single.metrics.maxDrawdown);
      expect(batch.metrics![k].maxDrawdownTroughDate).toBe(single.metrics.maxDrawdownTroughDate);
      expect(batch.metrics![k].ulcerIndex).toBe(single.metrics.ulcerIndex);
      if (single.depletedOn !== null) {
        depleted++;
        expect(batch.summary.finalNav[k]).toBe(0);
        expect(batch.summary.totalReturn[k]).toBe(-1);
        expect(batch.summary.cagr[k]).toBe(-1);
        expect(Number.isFinite(batch.summary.sharpe[k])).toBe(true);
      }
    });
    expect(depleted).toBeGreaterThan(0);
  });
});

describe('parallel batch runner', () => {
  const runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), 2);
  afterAll(() => runner.close());

  it('returns exactly the single-thread results, in order', async () => {
    const { command } = parseCommandOrThrow(
      `${TICKERS.map((ticker) => `${ticker}-L-25%`).join(' ')} 1995-01-01 2015-12-31 rebalance=monthly fee=0.1%`,
    );
    const plan = buildSimulationPlan(command, samplePrices());
    const vectors = Array.from({ length: 37 }, (_, k) => [
      ((k % 5) + 1) / 20,
      ((k % 3) + 1) / 10,
      0.2,
      -((k % 4) / 20),
    ]);
    const parallel = await runner.run(plan, vectors);
    const single = simulateBatch(plan, vectors);
    expect(parallel.vectorCount).toBe(37);
    expect(Array.from(parallel.summary.finalNav)).toEqual(Array.from(single.summary.finalNav));
    expect(Array.from(parallel.summary.sharpe)).toEqual(Array.from(single.summary.sharpe));
    expect(new Set(parallel.summary.finalNav).size).toBeGreaterThan(10);
  });
});
