import reference from '../__fixtures__/quantstats-reference.json';
import { compareMetrics } from '../__fixtures__/compare-metrics';
import { expectClose } from '../__fixtures__/expect-close';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/**
 * Portfolios simulated independently in numpy by scripts/quantstats/generate_fixtures.py, whose
 * metrics QuantStats 0.0.86 computed. Our simulator must reproduce the NAV and our metrics every
 * QuantStats number to 1e-9 relative.
 */
describe('QuantStats 0.0.86 reference portfolios on the sample prices', () => {
  it('covers long-only, shorts, every rebalancing rule, fees, flows, benchmark, rf and depletion', () => {
    expect(reference.versions.quantstats).toBe('0.0.86');
    expect(reference.portfolios.length).toBeGreaterThanOrEqual(16);
    expect(reference.portfolios.filter((portfolio) => portfolio.metrics.totalReturn === -1)).toHaveLength(2);
  });

  describe.each(reference.portfolios)('$name', (portfolio) => {
    const result = simulatePortfolio(parseCommandOrThrow(portfolio.command).command, samplePrices());

    it('simulates the same calendar and NAV as the independent numpy simulation', () => {
      expect(result.dates.length).toBe(portfolio.days);
      for (const checkpoint of portfolio.navCheckpoints) {
        expect(result.dates[checkpoint.index]).toBe(checkpoint.date);
        expectClose(result.nav[checkpoint.index], checkpoint.nav, `NAV on ${checkpoint.date}`);
      }
    });

    it('matches every QuantStats metric', () => {
      compareMetrics(result.metrics, portfolio.metrics);
    });

    it('matches the benchmark metrics', () => {
      if (portfolio.benchmark === null) {
        expect(result.metrics.benchmark).toBeNull();
        return;
      }
      const ours = result.metrics.benchmark!;
      for (const [key, value] of Object.entries(portfolio.benchmark)) {
        expectClose(ours[key as keyof typeof ours] as number, value, key);
      }
    });

    it('gives the benchmark the same cash flows: final value and money-weighted return', () => {
      const expected = (portfolio as { benchmarkRun?: { finalNav: number; moneyWeightedReturn: number | null } })
        .benchmarkRun;
      if (expected === undefined) {
        expect(result.benchmarkRun).toBeNull();
        return;
      }
      expectClose(result.benchmarkRun!.finalNav, expected.finalNav, 'benchmark final value');
      if (expected.moneyWeightedReturn === null) expect(result.benchmarkRun!.moneyWeightedReturn).toBeNull();
      else expectClose(result.benchmarkRun!.moneyWeightedReturn, expected.moneyWeightedReturn, 'benchmark XIRR');
    });

    it('matches the money-weighted return (scipy brentq on the same flows)', () => {
      if (portfolio.moneyWeightedReturn === null) expect(result.moneyWeightedReturn).toBeNull();
      else expectClose(result.moneyWeightedReturn, portfolio.moneyWeightedReturn, 'moneyWeightedReturn');
    });
  });
});
