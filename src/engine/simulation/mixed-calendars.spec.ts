import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from './portfolio.simulator';
import { SimulationError } from './simulation.errors';

/**
 * HOLI trades on New Year's Day 2016 (a Friday) and Jan 4–8; US is closed on Jan 1, and its series includes
 * its last price before the start (Dec 31, 2015), as the loaders now provide.
 */
const holi = { ticker: 'HOLI', dates: ['2016-01-01', '2016-01-04', '2016-01-05'], prices: [50, 55, 60] };
const us = { ticker: 'US', dates: ['2015-12-31', '2016-01-04', '2016-01-05'], prices: [10, 11, 9] };

function run(command: string, series = [holi, us]) {
  return simulatePortfolio(parseCommandOrThrow(command).command, mergePriceSeries(series));
}

describe('tickers on different holiday calendars', () => {
  it('values a ticker on a day it did not trade at its last price, from before the start too', () => {
    const result = run('HOLI-L-50% US-L-50% 2016-01-01 2016-01-05 capital=1000');
    expect(result.dates).toEqual(['2016-01-01', '2016-01-04', '2016-01-05']);
    // Jan 1: HOLI 500/50 = 10 shares, US 500/10 = 50 shares at Dec 31's 10.
    // Jan 4: 10 × 55 + 50 × 11 = 1100; Jan 5: 10 × 60 + 50 × 9 = 1050.
    expect(Array.from(result.nav)).toEqual([1000, 1100, 1050]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses only a ticker with no price at all on or before the first day', () => {
    const late = { ticker: 'US', dates: ['2016-01-04', '2016-01-05'], prices: [11, 9] };
    expect(() => run('HOLI-L-50% US-L-50% 2016-01-01 2016-01-05', [holi, late])).toThrow(
      new SimulationError([
        {
          code: 'NO_PRICE_AT_START',
          ticker: 'US',
          message:
            'ticker US has no price on 2016-01-01, the first trading day of the simulation; its first available date is 2016-01-04',
        },
      ]),
    );
  });
});
