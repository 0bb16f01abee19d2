import { parseCommand } from './command.parser';
import { CommandOptions } from './command.types';

const BASE = 'AAPL-L-60% MSFT-S-40% 2020-01-01 2023-01-01';

function optionsOf(options: string): CommandOptions {
  const result = parseCommand(`${BASE} ${options}`);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.command.options;
}

function errorsOf(options: string) {
  const result = parseCommand(`${BASE} ${options}`);
  if (result.ok) throw new Error(`expected errors for ${options}`);
  return result.errors.map((error) => [error.code, error.message, error.hint]);
}

describe('options key=value', () => {
  it('reads every option', () => {
    expect(
      optionsOf('capital=250000.50 rebalance=monthly fee=0.1% rf=2% benchmark=^gspc contribute=1000/month'),
    ).toEqual({
      capital: 250000.5,
      rebalance: { kind: 'periodic', frequency: 'monthly' },
      feePercent: 0.1,
      riskFreePercent: 2,
      benchmark: '^GSPC',
      contribution: { amount: 1000, period: 'month' },
      // Options added for leverage (issue 18), at their defaults: no interest, nominal only.
      cashRate: { kind: 'constant', percent: 0 },
      borrowRate: { kind: 'constant', percent: 0 },
      inflation: null,
    });
  });

  it.each([
    ['none', { kind: 'none' }],
    ['daily', { kind: 'periodic', frequency: 'daily' }],
    ['weekly', { kind: 'periodic', frequency: 'weekly' }],
    ['Monthly', { kind: 'periodic', frequency: 'monthly' }],
    ['quarterly', { kind: 'periodic', frequency: 'quarterly' }],
    ['YEARLY', { kind: 'periodic', frequency: 'yearly' }],
    ['band:5%', { kind: 'band', thresholdPercent: 5 }],
    ['band:2.5%', { kind: 'band', thresholdPercent: 2.5 }],
  ])('reads rebalance=%s', (value, policy) => {
    expect(optionsOf(`rebalance=${value}`).rebalance).toEqual(policy);
  });

  it.each([
    ['1000/month', { amount: 1000, period: 'month' }],
    ['250.25/quarter', { amount: 250.25, period: 'quarter' }],
    ['-5000/year', { amount: -5000, period: 'year' }],
    ['+10/Month', { amount: 10, period: 'month' }],
  ])('reads contribute=%s, negative for withdrawals', (value, contribution) => {
    expect(optionsOf(`contribute=${value}`).contribution).toEqual(contribution);
  });

  it('accepts options before the dates and option names in any case', () => {
    const result = parseCommand('AAPL-L-100% FEE=0.2% 2020-01-01 Rf=1% 2021-01-01');
    expect(result.ok && [result.command.options.feePercent, result.command.options.riskFreePercent]).toEqual([0.2, 1]);
  });

  it('names the nearest valid option for an unknown one', () => {
    expect(errorsOf('rebalnce=monthly fe=1% benchmrk=SPY colour=red')).toEqual([
      ['OPTION_UNKNOWN', 'rebalnce=monthly: unknown option rebalnce (column 45)', 'did you mean rebalance=monthly?'],
      ['OPTION_UNKNOWN', 'fe=1%: unknown option fe (column 62)', 'did you mean fee=1%?'],
      ['OPTION_UNKNOWN', 'benchmrk=SPY: unknown option benchmrk (column 68)', 'did you mean benchmark=SPY?'],
      [
        'OPTION_UNKNOWN',
        'colour=red: unknown option colour (column 81)',
        'valid options are capital, rebalance, fee, rf, benchmark, contribute, cash, borrow, inflation',
      ],
    ]);
  });

  it('refuses an option given twice', () => {
    expect(errorsOf('fee=0.1% fee=0.2%')).toEqual([
      [
        'OPTION_DUPLICATE',
        'fee=0.2%: option fee is already set at column 45 (column 54)',
        'keep one of fee=0.1% and fee=0.2%',
      ],
    ]);
  });

  it('reports bad rebalancing rules with the nearest valid value', () => {
    expect(errorsOf('rebalance=montly')).toEqual([
      [
        'OPTION_VALUE',
        'rebalance=montly: rebalance montly is not a rebalancing rule (column 45)',
        'did you mean rebalance=monthly?',
      ],
    ]);
    expect(errorsOf('rebalance=band:0%')).toEqual([
      [
        'OPTION_VALUE',
        'rebalance=band:0%: band 0% is not a percentage between 0% and 100% (column 45)',
        'write the drift in percentage points, e.g. rebalance=band:5%',
      ],
    ]);
    expect(errorsOf('rebalance=bands')).toEqual([
      [
        'OPTION_VALUE',
        'rebalance=bands: rebalance bands is not a rebalancing rule (column 45)',
        'write rebalance=band:5%',
      ],
    ]);
    expect(errorsOf('rebalance=')).toEqual([
      ['OPTION_VALUE', 'rebalance=: rebalance (empty) is not a rebalancing rule (column 45)', 'e.g. rebalance=monthly'],
    ]);
  });

  it('reports bad capital', () => {
    expect(errorsOf('capital=0')).toEqual([
      [
        'OPTION_VALUE',
        'capital=0: capital 0 is not an amount between 1 and 1000000000000 (column 45)',
        'write digits with at most two decimals, e.g. capital=250000',
      ],
    ]);
    expect(errorsOf('capital=1e6')[0][0]).toBe('OPTION_VALUE');
    expect(errorsOf('capital=100.123')[0][0]).toBe('OPTION_VALUE');
  });

  it('reports bad fee and rf values', () => {
    expect(errorsOf('fee=0.1 rf=-1%')).toEqual([
      [
        'OPTION_VALUE',
        'fee=0.1: fee 0.1 is not a percentage between 0% and 10% (column 45)',
        'add the % sign: fee=0.1%',
      ],
      ['OPTION_VALUE', 'rf=-1%: rf -1% is not a percentage between 0% and 50% (column 53)', 'rf cannot be negative'],
    ]);
    expect(errorsOf('fee=11%')).toEqual([
      ['OPTION_VALUE', 'fee=11%: fee 11% is not a percentage between 0% and 10% (column 45)', 'write fee=0.1%'],
    ]);
    expect(errorsOf('rf=two')).toEqual([
      ['OPTION_VALUE', 'rf=two: rf two is not a percentage between 0% and 50% (column 45)', 'write rf=2%'],
    ]);
  });

  it('reports a bad benchmark', () => {
    expect(errorsOf('benchmark=CASH benchmark=')).toEqual([
      ['OPTION_VALUE', 'benchmark=CASH: CASH cannot be a benchmark (column 45)', 'e.g. benchmark=^GSPC'],
      [
        'OPTION_DUPLICATE',
        'benchmark=: option benchmark is already set at column 45 (column 60)',
        'keep one of benchmark=CASH and benchmark=',
      ],
    ]);
    expect(errorsOf('benchmark=S&P')).toEqual([
      ['OPTION_VALUE', 'benchmark=S&P: benchmark S&P is not a ticker (column 45)', 'e.g. benchmark=^GSPC'],
    ]);
  });

  it('reports bad contributions', () => {
    expect(errorsOf('contribute=1000/monthly')).toEqual([
      [
        'OPTION_VALUE',
        'contribute=1000/monthly: contribute 1000/monthly is not AMOUNT/PERIOD (column 45)',
        'did you mean contribute=1000/month?',
      ],
    ]);
    expect(errorsOf('contribute=0/month')).toEqual([
      [
        'OPTION_VALUE',
        'contribute=0/month: contribute 0/month is not AMOUNT/PERIOD (column 45)',
        'write a non-zero amount with at most two decimals, negative for withdrawals, e.g. contribute=1000/month or contribute=-500/quarter',
      ],
    ]);
    expect(errorsOf('contribute=1000')[0][0]).toBe('OPTION_VALUE');
    expect(errorsOf('contribute=1000/week')[0][2]).toBe('write contribute=1000/month');
  });
});
