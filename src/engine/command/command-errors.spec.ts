import { CommandParseError, formatCommandErrors } from './command.errors';
import { parseCommand, parseCommandOrThrow } from './command.parser';

describe('compiler-style errors', () => {
  it('returns every error in column order, not only the first', () => {
    const input = 'AAPL-X-50% MSFT-L-50 2020-13-01 2023-01-01 rebalance=montly fees=1%';
    const result = parseCommand(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.code, error.column])).toEqual([
      ['SIDE_INVALID', 1],
      ['WEIGHT_INVALID', 12],
      ['DATE_INVALID', 22],
      ['OPTION_VALUE', 44],
      ['OPTION_UNKNOWN', 61],
    ]);
    expect(result.errors[4].hint).toBe('did you mean fee=1%?');
  });

  it('renders errors with a caret under the token, what was expected and the hint', () => {
    const input = 'AAPL-L-50% MSFT-X-50% 2020-01-01 2023-01-01';
    const result = parseCommand(input);
    if (result.ok) throw new Error('expected an error');
    expect(formatCommandErrors(input, result.errors)).toBe(
      [
        'error[SIDE_INVALID]: MSFT-X-50%: side must be L or S (column 12)',
        '  AAPL-L-50% MSFT-X-50% 2020-01-01 2023-01-01',
        '             ^^^^^^^^^^',
        '  expected: L (long) or S (short)',
        '  hint: write MSFT-L-50% for long or MSFT-S-50% for short',
        '1 error',
      ].join('\n'),
    );
  });

  it('names a bare ticker as an incomplete position', () => {
    const result = parseCommand('AAPL MSFT-L-100% 2020-01-01 2023-01-01');
    expect(!result.ok && result.errors).toEqual([
      {
        code: 'UNKNOWN_TOKEN',
        token: 'AAPL',
        column: 1,
        expected: 'a position TICKER-SIDE-WEIGHT%, a date YYYY-MM-DD or an option key=value',
        hint: 'a position needs a side and a weight, e.g. AAPL-L-50%',
        message: 'AAPL: not a position, a date or an option (column 1)',
      },
    ]);
  });

  it('suggests key=value for an option name written alone, and rejects other tokens', () => {
    const result = parseCommand('AAPL-L-100% 2020-01-01 2023-01-01 rebalance @@');
    expect(!result.ok && result.errors.map((error) => [error.column, error.hint])).toEqual([
      [35, 'did you mean the option rebalance=...? options are written key=value'],
      [45, 'remove the token or correct its spelling'],
    ]);
  });

  it('refuses an empty command', () => {
    expect(parseCommand(' \n ')).toEqual({
      ok: false,
      errors: [
        {
          code: 'EMPTY_COMMAND',
          token: '',
          column: 1,
          expected: 'positions TICKER-SIDE-WEIGHT% then start and end dates YYYY-MM-DD',
          hint: 'example: AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
          message: 'the command is empty (column 1)',
        },
      ],
    });
  });

  it('refuses more than 1000 characters without parsing them', () => {
    const input = `AAPL-L-100% 2020-01-01 2023-01-01 ${'x'.repeat(1000)}`;
    const result = parseCommand(input);
    expect(!result.ok && result.errors).toEqual([
      {
        code: 'INPUT_TOO_LONG',
        token: 'AAPL-L-100% 2020-01-',
        column: 1001,
        expected: 'at most 1000 characters',
        hint: 'shorten the command or split it into several portfolios',
        message: `command is ${input.length} characters long, the limit is 1000 (column 1001)`,
      },
    ]);
  });

  it('parseCommandOrThrow throws a CommandParseError carrying all errors', () => {
    expect(() => parseCommandOrThrow('AAPL-X-50% 2020-01-01')).toThrow(CommandParseError);
    try {
      parseCommandOrThrow('AAPL-X-50% 2020-01-01');
    } catch (error) {
      expect((error as CommandParseError).errors.map((one) => one.code)).toEqual(['SIDE_INVALID', 'MISSING_DATE']);
      expect((error as CommandParseError).message).toBe(
        'AAPL-X-50%: side must be L or S (column 1)\nmissing end date (column 22)',
      );
    }
  });
});
