import { simulateTwoAssets } from '../__fixtures__/two-assets.fixture';

describe('real returns at a constant inflation=10% a year: A 100%, capital 1000', () => {
  // The price level compounds over calendar days: 1.1^(4 / 365.25) from Monday to Friday.
  // Real final value 1500 / 1.1^(4/365.25); the real CAGR uses the nominal CAGR's 252-day years:
  // (1.5 / 1.1^(4/365.25))^(252/4) − 1.
  const result = simulateTwoAssets('A-L-100% 2024-01-29 2024-02-02 capital=1000 inflation=10%');
  const level = 1.1 ** (4 / 365.25);

  it('deflates the final value and the CAGR', () => {
    expect(result.realReturns?.priceLevelStart).toBe(1);
    expect(result.realReturns?.priceLevelEnd).toBeCloseTo(level, 15);
    expect(result.realReturns?.finalValue).toBeCloseTo(1500 / level, 10);
    expect(result.realReturns?.cagr).toBeCloseTo((1.5 / level) ** 63 - 1, 6);
    expect(result.metrics.totalReturn).toBe(0.5);
  });
});
