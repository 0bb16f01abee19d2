import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/**
 * A 100% CASH portfolio has a return of exactly 0 every day. QuantStats gives NaN for its skew, kurtosis and
 * parametric VaR (0/0 inside pandas and scipy); we keep finite values (docs/metrics.md, "Where we differ").
 */
const dates = ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
const matrix = mergePriceSeries([{ ticker: '^X', dates, prices: [100, 101, 99, 100, 102] }]);

describe('constant returns: CASH 100% on the benchmark’s days', () => {
  const { metrics } = simulatePortfolio(
    parseCommandOrThrow('CASH-L-100% 2024-01-29 2024-02-02 benchmark=^X').command,
    matrix,
  );

  it('gives skew and kurtosis 0 (no dispersion, nothing skewed), not NaN', () => {
    expect(metrics.skew).toBe(0);
    expect(metrics.kurtosis).toBe(0);
  });

  it('gives a parametric VaR and CVaR of the mean, 0: mean + 0 × Φ⁻¹(0.05)', () => {
    expect(metrics.parametricValueAtRisk95).toBe(0);
    expect(metrics.parametricConditionalValueAtRisk95).toBe(0);
    expect(metrics.valueAtRisk95).toBe(0);
  });

  it('leaves ratios over a zero deviation undefined', () => {
    expect(metrics.volatility).toBe(0);
    expect(metrics.sharpe).toBeNaN();
    expect(metrics.sortino).toBeNaN();
  });
});
