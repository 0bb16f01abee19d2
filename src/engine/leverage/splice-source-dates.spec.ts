import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/**
 * OLD trades Wednesday to Friday and the next Tuesday; NEW from that Tuesday; a monthly index (inflation=) adds
 * Thursday 2024-02-01 (a day neither trades on: OLD is closed that day here) and Monday 2024-02-05 to the matrix.
 */
const matrix = mergePriceSeries([
  { ticker: 'OLD', dates: ['2024-01-31', '2024-02-02', '2024-02-06'], prices: [10, 11, 12] },
  { ticker: 'NEW', dates: ['2024-02-06', '2024-02-07'], prices: [24, 30] },
  { ticker: 'IDX', dates: ['2024-01-31', '2024-02-01', '2024-02-05'], prices: [100, 100, 101] },
]);

describe('the dates of a splice when other series add days neither source trades on', () => {
  // NEW?FB=OLD: OLD gives 2024-01-31 and 02-02, NEW from 02-06 on. 02-05 (the index's) is in the matrix, but OLD's
  // last price before NEW's first is 02-02's: its source ends there, not on 02-05.
  const result = simulatePortfolio(
    parseCommandOrThrow('NEW?FB=OLD-L-100% 2024-01-31 2024-02-07 inflation=IDX').command,
    matrix,
  );

  it('ends each source on its last priced day', () => {
    expect(result.synthetics[0].sources).toEqual([
      { source: 'OLD', from: '2024-01-31', to: '2024-02-02' },
      { source: 'NEW', from: '2024-02-06', to: '2024-02-07' },
    ]);
  });

  it('simulates on the sources’ days only: spliced value 24 × OLD / 12, then NEW', () => {
    // 20, 22, 24, 30 on 01-31, 02-02, 02-06, 02-07: capital 100000 buys 5000 units.
    expect(result.dates).toEqual(['2024-01-31', '2024-02-02', '2024-02-06', '2024-02-07']);
    expect(Array.from(result.nav)).toEqual([100000, 110000, 120000, 150000]);
  });
});
