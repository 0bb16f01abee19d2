import { parseCommandOrThrow } from '../command/command.parser';
import { mergePriceSeries } from '../market/price-matrix';
import { simulatePortfolio } from './portfolio.simulator';
import { SimulationError } from './simulation.errors';

/**
 * Tickers on different calendars: A trades Mon-Wed and Fri, B trades Mon, Tue, Thu, Fri,
 * C starts on Wednesday, and the index ^X trades every day.
 */
const matrix = mergePriceSeries([
  { ticker: 'A', dates: ['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-02'], prices: [10, 11, 12, 15] },
  { ticker: 'B', dates: ['2024-01-29', '2024-01-30', '2024-02-01', '2024-02-02'], prices: [20, 18, 25, 20] },
  { ticker: 'C', dates: ['2024-01-31', '2024-02-01'], prices: [5, 6] },
  {
    ticker: '^X',
    dates: ['2024-01-26', '2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'],
    prices: [99, 100, 101, 102, 103, 104],
  },
]);

function run(command: string) {
  return simulatePortfolio(parseCommandOrThrow(command).command, matrix);
}

describe('calendar and missing prices', () => {
  it('uses the union of the tickers’ trading days and carries the last price forward', () => {
    const result = run('A-L-50% B-L-50% 2024-01-29 2024-02-02 capital=1000');
    expect(result.dates).toEqual(['2024-01-29', '2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02']);
    // Day 2: B carries 18; day 3: A carries 12. Shares A 50, B 25.
    expect(Array.from(result.nav)).toEqual([1000, 1000, 50 * 12 + 25 * 18, 50 * 12 + 25 * 25, 50 * 15 + 25 * 20]);
  });

  it('keeps only the portfolio tickers’ days, not the benchmark’s, and carries a ticker after its last price', () => {
    const result = run('C-L-100% 2024-01-26 2024-02-02 capital=1000 benchmark=^X');
    expect(result.dates).toEqual(['2024-01-31', '2024-02-01']);
    expect(Array.from(result.nav)).toEqual([1000, 1200]);
    expect(result.metrics.benchmark?.ticker).toBe('^X');
  });

  it('refuses a ticker with no price on the first day, naming its first available date', () => {
    expect(() => run('A-L-50% C-L-50% 2024-01-29 2024-02-02')).toThrow(
      new SimulationError([
        {
          code: 'NO_PRICE_AT_START',
          ticker: 'C',
          message:
            'ticker C has no price on 2024-01-29, the first trading day of the simulation; its first available date is 2024-01-31',
        },
      ]),
    );
  });

  it('reports every unknown ticker with the nearest known one', () => {
    try {
      run('AA-L-50% D-L-50% 2024-01-29 2024-02-02 benchmark=^Y');
      throw new Error('expected a SimulationError');
    } catch (error) {
      expect((error as SimulationError).problems.map((problem) => problem.message)).toEqual([
        'ticker AA is not in the price data (did you mean A?)',
        'ticker D is not in the price data',
        'ticker ^Y is not in the price data (did you mean ^X?)',
      ]);
    }
  });

  it('needs at least two trading days in the period', () => {
    expect(() => run('A-L-100% 2024-02-03 2024-02-10')).toThrow(
      'the price data has 0 trading days between 2024-02-03 and 2024-02-10; a simulation needs at least 2 (data covers 2024-01-26 to 2024-02-02)',
    );
  });

  it('holds a 100% CASH portfolio flat on the benchmark’s days', () => {
    const result = run('CASH-L-100% 2024-01-29 2024-01-31 benchmark=^X');
    expect(Array.from(result.nav)).toEqual([100000, 100000, 100000]);
    expect(result.metrics.totalReturn).toBe(0);
  });
});

describe('invalid prices', () => {
  it('refuses a non-positive price, naming the ticker and the date', () => {
    const broken = mergePriceSeries([
      { ticker: 'Z', dates: ['2024-01-29', '2024-01-30', '2024-01-31'], prices: [10, 0, 11] },
    ]);
    expect(() => simulatePortfolio(parseCommandOrThrow('Z-L-100% 2024-01-29 2024-01-31').command, broken)).toThrow(
      new SimulationError([
        { code: 'INVALID_PRICE', ticker: 'Z', message: 'ticker Z has a non-positive price 0 on 2024-01-30' },
      ]),
    );
  });
});
