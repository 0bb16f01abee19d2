import fc from 'fast-check';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { parseCommandOrThrow } from '../command/command.parser';
import { leveredColumn } from '../market/synthetic-series';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/**
 * L=1, E=0, SP=0 is the underlying itself: written so (in any spelling) it is the plain ticker, and a run on it is
 * bit-identical to the run on the ticker; the daily-reset arithmetic with those parameters gives back the
 * underlying's prices to rounding (a product of price ratios, ≤ 1e-12 relative over 1,000 days).
 */
const matrix = samplePrices();
const STOCKS = matrix.tickers.filter((ticker) => ticker !== '^GSPC' && ticker !== 'KO');

describe('a synthetic ticker with L=1, E=0, SP=0', () => {
  it('runs bit-identical to its underlying', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STOCKS),
        fc.constantFrom('?L=1&E=0&SP=0', '?l=1.0&e=0', '?E=0', '?sp=0&L=1&E=0'),
        fc.integer({ min: 0, max: matrix.dates.length - 600 }),
        fc.integer({ min: 20, max: 500 }),
        fc.constantFrom('', 'cash=3%', 'rebalance=monthly fee=0.1%'),
        (ticker, modifiers, startRow, rows, options) => {
          const period = `${matrix.dates[startRow]} ${matrix.dates[startRow + rows]}`;
          const synthetic = parseCommandOrThrow(`${ticker}${modifiers}-L-60% KO-S-40% ${period} ${options}`);
          const plain = parseCommandOrThrow(`${ticker}-L-60% KO-S-40% ${period} ${options}`);
          expect(synthetic.canonical).toBe(plain.canonical);
          const a = simulatePortfolio(synthetic.command, matrix);
          const b = simulatePortfolio(plain.command, matrix);
          expect(Array.from(a.nav)).toEqual(Array.from(b.nav));
          expect(a.synthetics).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reproduces the underlying through the daily-reset arithmetic', () => {
    const column = matrix.tickerIndex.get('MSFT')!;
    const width = matrix.tickers.length;
    const rows = 1000;
    const underlying = Float64Array.from({ length: rows }, (_, r) => matrix.values[(5000 + r) * width + column]);
    const days = matrix.calendar.dayNumber.subarray(5000, 5000 + rows);
    const levered = leveredColumn(
      underlying,
      days,
      0,
      { leverage: 1, expenseRate: 0, spreadRate: 0, spreadExposure: 0 },
      0.05,
    );
    expect(levered.ok).toBe(true);
    if (!levered.ok) return;
    let worst = 0;
    underlying.forEach((price, r) => (worst = Math.max(worst, Math.abs(levered.values[r] / price - 1))));
    expect(worst).toBeLessThan(1e-12);
  });
});
