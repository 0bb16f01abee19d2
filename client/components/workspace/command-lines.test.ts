import { parseComparisonInput } from '@engine/comparison/comparison.input';
import { describe, expect, it } from '@jest/globals';
import { errorRange } from '../editor/command-diagnostics';
import { locateMemberErrors, membersOf, readWorkspace, writtenLines } from './command-lines';

const TEXT = [
  'growth: AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28',
  '',
  '  KO-L-100% 2012-01-01 2022-12-28',
  'Staples :  KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 fee=0.1%',
].join('\n');

describe('the editor read one portfolio per line', () => {
  it('splits the non-blank lines into name and command, located in the text', () => {
    const lines = writtenLines(TEXT);
    expect(lines.map(({ line, name, command }) => ({ line, name, command }))).toEqual([
      { line: 1, name: 'growth', command: 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28' },
      { line: 3, name: undefined, command: 'KO-L-100% 2012-01-01 2022-12-28' },
      { line: 4, name: 'Staples', command: 'KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 fee=0.1%' },
    ]);
    // Each command's offset points at its first character in the text.
    for (const line of lines)
      expect(TEXT.slice(line.commandFrom, line.commandFrom + line.command.length)).toBe(line.command);
    expect(TEXT.slice(lines[2].nameFrom, lines[2].nameFrom + 7)).toBe('Staples');
  });

  it('maps the lines to the members POST /comparisons takes (a name only where one is written)', () => {
    expect(membersOf(writtenLines(TEXT))).toEqual([
      { name: 'growth', command: 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28' },
      { command: 'KO-L-100% 2012-01-01 2022-12-28' },
      { name: 'Staples', command: 'KO-L-60% PEP-L-40% 2010-01-01 2022-12-28 fee=0.1%' },
    ]);
    const read = readWorkspace(TEXT, parseComparisonInput);
    expect(read.kind === 'comparison' && read.ok).toBe(true);
    // Until the comparison parser has loaded: not yet valid, and no error to show.
    expect(readWorkspace(TEXT, null)).toMatchObject({ kind: 'comparison', ok: false, checking: true, errors: [] });
  });

  it('reads one line (blank lines aside) as a single run, line breaks as spaces with the same columns', () => {
    const read = readWorkspace('\nAAPL-X-100% 2010-01-01 2022-12-28\n', null);
    expect(read.kind).toBe('single');
    if (read.kind !== 'single') return;
    expect(read.command).toBe(' AAPL-X-100% 2010-01-01 2022-12-28 ');
    expect(read.ok).toBe(false);
    // Column 2: after the leading line break, exactly as the parser locates it in the text.
    expect(read.errors.map((error) => [error.code, error.column])).toEqual([['SIDE_INVALID', 2]]);
    expect(readWorkspace('  \n ', null).kind).toBe('empty');
  });

  it("locates each line's errors in the text, on its own line", () => {
    const text =
      'a: AAPL-L-100% 2010-01-01 2022-12-28\nb: KO-L-100% 2012-13-01 2022-12-28\nb: PEP-L-100% 2012-01-01 2022-12-28';
    const read = readWorkspace(text, parseComparisonInput);
    if (read.kind !== 'comparison') throw new Error('expected a comparison');
    expect(read.ok).toBe(false);
    const located = read.errors.map((error) => {
      const { from, to } = errorRange(text, error);
      return [error.code, text.slice(from, to), error.message];
    });
    expect(located).toEqual([
      ['DATE_INVALID', '2012-13-01', expect.stringMatching(/^line 2: .*\(column 14\)$/)],
      ['MEMBER_NAME_DUPLICATE', 'b', 'line 3: the name b is used twice (column 1)'],
    ]);
  });

  it('places the server’s errors (member index; column in its command or its name) on that member’s line', () => {
    const lines = writtenLines(TEXT);
    const located = locateMemberErrors(lines, [
      {
        member: 1,
        line: null,
        code: 'UNKNOWN_TICKER',
        token: 'KO',
        column: 1,
        expected: 'e',
        message: 'member 2: KO',
        hint: 'h',
      },
      {
        member: 2,
        line: null,
        code: 'MEMBER_NAME_TOO_LONG',
        token: 'Staples',
        column: 1,
        expected: 'e',
        message: 'm',
        hint: 'h',
      },
      {
        member: 2,
        line: null,
        code: 'INVALID_FEE',
        token: 'fee=0.1%',
        column: 42,
        expected: 'e',
        message: 'm',
        hint: 'h',
      },
      {
        member: null,
        line: null,
        code: 'TOO_MANY_MEMBERS',
        token: '',
        column: 1,
        expected: 'e',
        message: 'm',
        hint: 'h',
      },
      { not: 'a located error' },
    ]);
    expect(
      located.map((error) => [error.code, TEXT.slice(errorRange(TEXT, error).from, errorRange(TEXT, error).to)]),
    ).toEqual([
      ['UNKNOWN_TICKER', 'KO'],
      ['MEMBER_NAME_TOO_LONG', 'Staples'],
      ['INVALID_FEE', 'fee=0.1%'],
      ['TOO_MANY_MEMBERS', ''],
    ]);
    expect(located.map((error) => errorRange(TEXT, error).from)).toEqual([
      TEXT.indexOf('KO-L-100%'),
      TEXT.indexOf('Staples'),
      TEXT.indexOf('fee=0.1%'),
      0,
    ]);
  });
});
