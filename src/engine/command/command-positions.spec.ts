import { parseCommand } from './command.parser';

const DATES = '2020-01-01 2023-01-01';

function positionsOf(text: string) {
  const result = parseCommand(`${text} ${DATES}`);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.command.positions;
}

function errorsOf(text: string) {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`expected errors for ${text}`);
  return result.errors;
}

describe('positions', () => {
  it('reads tickers as people write them, parsing from the right', () => {
    expect(positionsOf('BRK-B-L-20% BRK.B-S-20% ^gspc-l-20% 7203.T-L-20% eurusd=x-s-20%')).toEqual([
      { ticker: 'BRK-B', side: 'L', weightPercent: 20 },
      { ticker: 'BRK.B', side: 'S', weightPercent: 20 },
      { ticker: '^GSPC', side: 'L', weightPercent: 20 },
      { ticker: '7203.T', side: 'L', weightPercent: 20 },
      { ticker: 'EURUSD=X', side: 'S', weightPercent: 20 },
    ]);
  });

  it('accepts decimal weights and CASH for uninvested money', () => {
    expect(positionsOf('AAPL-L-12.5% MSFT-L-37.25% CASH-L-50.25%')).toEqual([
      { ticker: 'AAPL', side: 'L', weightPercent: 12.5 },
      { ticker: 'MSFT', side: 'L', weightPercent: 37.25 },
      { ticker: 'CASH', side: 'L', weightPercent: 50.25 },
    ]);
  });

  it('accepts weights summing to 100% within 0.01 points', () => {
    expect(positionsOf('A-L-33.333% B-L-33.333% C-L-33.333%')).toHaveLength(3);
    expect(positionsOf('A-L-50.01% B-L-50%')).toHaveLength(2);
  });

  it('reports a side other than L or S with its column', () => {
    expect(errorsOf(`AAPL-L-50% MSFT-X-50% ${DATES}`)).toEqual([
      {
        code: 'SIDE_INVALID',
        token: 'MSFT-X-50%',
        column: 12,
        expected: 'L (long) or S (short)',
        hint: 'write MSFT-L-50% for long or MSFT-S-50% for short',
        message: 'MSFT-X-50%: side must be L or S (column 12)',
      },
    ]);
  });

  it('reports weights that do not sum to 100%, with the amount missing', () => {
    expect(errorsOf(`AAPL-L-50% MSFT-L-40% ${DATES}`)).toEqual([
      {
        code: 'WEIGHT_SUM',
        token: 'AAPL-L-50% MSFT-L-40%',
        column: 1,
        expected: 'weights (long and short alike) that sum to 100%',
        hint: 'add 10% to the positions or hold it as CASH-L-10%',
        message: 'weights sum to 90%, expected 100% (column 1)',
      },
    ]);
    // With shorts the two sums differ (issue 18): the message states both, the hint how to reach each.
    const over = errorsOf(`AAPL-L-60% MSFT-S-50.5% ${DATES}`);
    expect(over.map((error) => [error.message, error.hint])).toEqual([
      [
        'weights sum to 110.5% long and short alike and to 9.5% as longs − shorts, expected 100% for one of them (column 1)',
        'hold the rest as CASH-L-90.5% (longs − shorts + cash = 100%), or remove 10.5% from the positions ' +
          '(longs + shorts + cash = 100%, the short proceeds staying in cash)',
      ],
    ]);
    expect(errorsOf(`A-L-50.02% B-L-50% ${DATES}`)[0].message).toBe('weights sum to 100.02%, expected 100% (column 1)');
  });

  it('reports a weight without % sign, a non-numeric weight and out-of-range weights', () => {
    // Leverage (issue 18) lets a position reach 1000% of the capital: 1500% is out of range.
    const errors = errorsOf(`AAPL-L-50 MSFT-L-abc GE-L-0% KO-L-1500% PG-L-1.1234567% ${DATES}`);
    expect(errors.map((error) => [error.code, error.column, error.message, error.hint])).toEqual([
      ['WEIGHT_INVALID', 1, 'AAPL-L-50: weight 50 has no % sign (column 1)', 'write 50%'],
      [
        'WEIGHT_INVALID',
        11,
        'MSFT-L-abc: weight abc is not a percentage (column 11)',
        'write the weight as a number followed by %, e.g. 25%',
      ],
      [
        'WEIGHT_OUT_OF_RANGE',
        22,
        'GE-L-0%: weight 0% is outside (0%, 1000%] (column 22)',
        'remove the position instead of giving it 0%',
      ],
      [
        'WEIGHT_OUT_OF_RANGE',
        30,
        'KO-L-1500%: weight 1500% is outside (0%, 1000%] (column 30)',
        'a position is at most 1000% of the capital (10× leverage)',
      ],
      [
        'WEIGHT_INVALID',
        41,
        'PG-L-1.1234567%: weight 1.1234567% has more than 6 decimals (column 41)',
        'round the weight',
      ],
    ]);
    expect(errors[0].expected).toBe('a weight in percent such as 50% or 12.5%');
  });

  it('reports positions missing their side, their weight or their ticker', () => {
    const errors = errorsOf(`AAPL-50% MSFT-L 75% -L-25% ${DATES}`);
    expect(errors.map((error) => [error.code, error.message, error.hint])).toEqual([
      [
        'POSITION_FORMAT',
        'AAPL-50%: missing side between ticker and weight (column 1)',
        'write AAPL-L-50% for long or AAPL-S-50% for short',
      ],
      [
        'POSITION_FORMAT',
        'MSFT-L: missing weight after the side (column 10)',
        'write the weight in percent, e.g. MSFT-L-50%',
      ],
      [
        'POSITION_FORMAT',
        '75%: a position needs a ticker, a side and a weight (column 17)',
        'write it as TICKER-SIDE-WEIGHT%, e.g. AAPL-L-50%',
      ],
      [
        'TICKER_INVALID',
        '-L-25%: missing ticker before the side (column 21)',
        'write the ticker first, e.g. AAPL-L-50%',
      ],
    ]);
    expect(errors[0].expected).toBe('TICKER-SIDE-WEIGHT%, e.g. AAPL-L-50%');
  });

  it('reports tickers with impossible characters or too long', () => {
    const errors = errorsOf(`AA$PL-L-50% ABCDEFGHIJKLMNOPQRSTU-L-50% ${DATES}`);
    expect(errors.map((error) => [error.code, error.column, error.message])).toEqual([
      ['TICKER_INVALID', 1, 'AA$PL-L-50%: ticker AA$PL has characters a ticker cannot have (column 1)'],
      [
        'TICKER_INVALID',
        13,
        'ABCDEFGHIJKLMNOPQRSTU-L-50%: ticker ABCDEFGHIJKLMNOPQRSTU is longer than 20 characters (column 13)',
      ],
    ]);
  });

  it('reads a short CASH position as a loan, counted negative (issue 18; it was refused before)', () => {
    expect(positionsOf('SPY-L-150% CASH-S-50%')).toEqual([
      { ticker: 'SPY', side: 'L', weightPercent: 150 },
      { ticker: 'CASH', side: 'S', weightPercent: 50 },
    ]);
    // 50 − 50 = 0: a loan does not make up for missing positions.
    expect(errorsOf(`AAPL-L-50% CASH-S-50% ${DATES}`)).toEqual([
      expect.objectContaining({
        code: 'WEIGHT_SUM',
        column: 1,
        message: 'weights sum to 0% as longs − shorts + cash (CASH-S counts negative), expected 100% (column 1)',
        hint: 'add 100% to the positions, or hold 50% as CASH-L-50% instead of the CASH-S',
      }),
    ]);
  });

  it('refuses the same ticker twice, whatever its case', () => {
    expect(errorsOf(`AAPL-L-50% aapl-S-50% ${DATES}`)).toEqual([
      {
        code: 'DUPLICATE_TICKER',
        token: 'aapl-S-50%',
        column: 12,
        expected: 'each ticker at most once',
        hint: 'merge AAPL-L-50% and aapl-S-50% into one position',
        message: 'aapl-S-50%: AAPL is already in the portfolio at column 1 (column 12)',
      },
    ]);
  });

  it('allows 50 positions and refuses the 51st', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `T${i}-L-2%`).join(' ');
    expect(positionsOf(fifty)).toHaveLength(50);
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `T${i}-L-1%`).join(' ');
    const errors = errorsOf(`${fiftyOne} ${DATES}`);
    expect(errors.map((error) => [error.code, error.token, error.message])).toEqual([
      ['TOO_MANY_POSITIONS', 'T50-L-1%', `T50-L-1%: more than 50 positions (column ${fiftyOne.indexOf('T50-') + 1})`],
    ]);
  });

  it('requires at least one position', () => {
    expect(errorsOf(`${DATES} fee=0.1%`)).toEqual([
      {
        code: 'NO_POSITIONS',
        token: '2020-01-01',
        column: 1,
        expected: 'at least one position TICKER-SIDE-WEIGHT% before the dates',
        hint: 'start with positions, e.g. AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
        message: '2020-01-01: the command has no positions (column 1)',
      },
    ]);
  });
});
