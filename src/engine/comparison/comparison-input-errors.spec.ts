import { parseComparisonInput, validateComparisonMembers } from './comparison.input';

describe('a comparison with errors on two of its lines', () => {
  // Line 1 is fine. Line 2: "bonds: " is 7 characters, so the command starts at column 8, and its first token
  // MSFT-X-50% (a bad side) is there. Line 4 (after a blank line): the name "growth" repeats line 1's "Growth"
  // (names compare without case) at column 1; the command starts at column 9 ("growth: " is 8 characters) and
  // its date 2015-13-01 is at column 11 of the command ("KO-L-100% " is 10), so 9 + 11 − 1 = 19 of the line.
  const result = parseComparisonInput(
    [
      'Growth: AAPL-L-100% 2015-01-01 2020-12-31',
      'bonds: MSFT-X-50% KO-L-50% 2015-01-01 2020-12-31',
      '',
      'growth: KO-L-100% 2015-13-01 2020-12-31',
    ].join('\n'),
  );

  it('locates each error by member (0-based), line (1-based) and column in the line', () => {
    if (result.ok) throw new Error('expected errors');
    expect(
      result.errors.map(({ code, member, line, column, token }) => ({ code, member, line, column, token })),
    ).toEqual([
      { code: 'SIDE_INVALID', member: 1, line: 2, column: 8, token: 'MSFT-X-50%' },
      { code: 'MEMBER_NAME_DUPLICATE', member: 2, line: 4, column: 1, token: 'growth' },
      { code: 'DATE_INVALID', member: 2, line: 4, column: 19, token: '2015-13-01' },
    ]);
    expect(result.errors[1].message).toBe('line 4: the name growth is used twice (column 1)');
    expect(result.errors[1].hint).toBe('portfolio 1 is already called growth: rename one of them');
    expect(result.errors[0].message).toMatch(/^line 2: .*\(column 8\)$/);
  });

  it('locates errors of members given as a list by member and command column', () => {
    const listed = validateComparisonMembers([
      { command: 'AAPL-L-100% 2015-01-01 2020-12-31' },
      { name: 'x', command: 'AAPL-L-100% 2015-01-01 2020-12-31 fee=abc' },
    ]);
    if (listed.ok) throw new Error('expected errors');
    expect(listed.errors.map(({ code, member, line, column }) => ({ code, member, line, column }))).toEqual([
      { code: 'OPTION_VALUE', member: 1, line: null, column: 35 },
    ]);
    expect(listed.errors[0].message).toMatch(/^member 2: .*\(column 35\)$/);
  });
});
