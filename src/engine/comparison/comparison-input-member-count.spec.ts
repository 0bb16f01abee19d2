import { COMPARISON_LIMITS } from './comparison.types';
import { parseComparisonInput, validateComparisonMembers } from './comparison.input';

describe('how many portfolios a comparison holds: 2 to 10', () => {
  const line = (n: number) => `p${n}: AAPL-L-100% 2015-01-01 2020-12-31`;

  it('refuses one portfolio, and eleven, as errors of the whole comparison (member and line null)', () => {
    const one = parseComparisonInput(line(1));
    const eleven = parseComparisonInput(Array.from({ length: 11 }, (_, n) => line(n + 1)).join('\n'));
    expect(one).toEqual({
      ok: false,
      errors: [
        {
          code: 'TOO_FEW_MEMBERS',
          member: null,
          line: null,
          token: '',
          column: 1,
          expected: '2 to 10 portfolios',
          hint: 'write one portfolio per line, e.g. `growth: AAPL-L-100% 2015-01-01 2020-12-31`',
          message: 'a comparison needs at least 2 portfolios, got 1',
        },
      ],
    });
    expect(eleven.ok ? [] : eleven.errors.map((error) => [error.code, error.message])).toEqual([
      ['TOO_MANY_MEMBERS', 'a comparison holds at most 10 portfolios, got 11'],
    ]);
  });

  it('accepts 2 and 10, and counts no blank line', () => {
    expect(COMPARISON_LIMITS).toMatchObject({ minMembers: 2, maxMembers: 10 });
    const two = parseComparisonInput(`\n${line(1)}\n\n   \n${line(2)}\n`);
    const ten = validateComparisonMembers(Array.from({ length: 10 }, (_, n) => ({ command: line(n).slice(4) })));
    expect(two.ok && two.members.map((one) => one.name)).toEqual(['p1', 'p2']);
    expect(ten.ok && ten.members.map((one) => one.name)).toEqual(
      Array.from({ length: 10 }, (_, n) => `Portfolio ${n + 1}`),
    );
  });

  it('refuses an empty name before a colon, and a name over 60 characters', () => {
    const result = parseComparisonInput(`: AAPL-L-100% 2015-01-01 2020-12-31\n${'n'.repeat(61)}: ${line(2).slice(4)}`);
    expect(result.ok ? [] : result.errors.map(({ code, member, line: at }) => [code, member, at])).toEqual([
      ['MEMBER_NAME_EMPTY', 0, 1],
      ['MEMBER_NAME_TOO_LONG', 1, 2],
    ]);
  });
});
