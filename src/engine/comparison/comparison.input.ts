import { parseCommand } from '../command/command.parser';
import {
  COMPARISON_LIMITS,
  ComparisonError,
  ComparisonErrorCode,
  ComparisonMember,
  ComparisonMemberInput,
  ComparisonParseResult,
} from './comparison.types';

/** A member before its command is parsed: where its name and command sit in the input. */
interface LocatedMember {
  input: ComparisonMemberInput;
  /** 1-based line in a multi-line input; null for a list. */
  line: number | null;
  /** 1-based column of the command's first character in its line (1 for a list). */
  commandColumn: number;
  /** 1-based column of the name in its line (1 for a list). */
  nameColumn: number;
}

/**
 * Parses a comparison written one portfolio per line, each `name: <command>` or just `<command>`: blank lines are
 * skipped, the name is what comes before the first colon (no command contains one). Never throws: every error of
 * every line, located by member, line and column.
 */
export function parseComparisonInput(text: string): ComparisonParseResult {
  const located: LocatedMember[] = [];
  String(text)
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      const colon = raw.indexOf(':');
      if (colon < 0) {
        const lead = raw.length - raw.trimStart().length;
        located.push({ input: { command: raw.trim() }, line: index + 1, commandColumn: lead + 1, nameColumn: 1 });
        return;
      }
      const namePart = raw.slice(0, colon);
      const commandPart = raw.slice(colon + 1);
      located.push({
        input: { name: namePart.trim(), command: commandPart.trim() },
        line: index + 1,
        nameColumn: namePart.length - namePart.trimStart().length + 1,
        commandColumn: colon + 2 + (commandPart.length - commandPart.trimStart().length),
      });
    });
  return validate(located);
}

/** Validates members given as a list (the API's `members`): columns are those of each member's command. */
export function validateComparisonMembers(members: readonly ComparisonMemberInput[]): ComparisonParseResult {
  return validate(
    members.map((input) => ({
      input: { ...(input.name !== undefined ? { name: input.name.trim() } : {}), command: String(input.command) },
      line: null,
      commandColumn: 1,
      nameColumn: 1,
    })),
  );
}

function validate(located: readonly LocatedMember[]): ComparisonParseResult {
  const errors: ComparisonError[] = [];
  const whole = (code: ComparisonErrorCode, expected: string, hint: string, message: string) =>
    errors.push({ code, member: null, line: null, token: '', column: 1, expected, hint, message });
  const { minMembers, maxMembers, maxNameLength } = COMPARISON_LIMITS;
  if (located.length < minMembers) {
    whole(
      'TOO_FEW_MEMBERS',
      `${minMembers} to ${maxMembers} portfolios`,
      'write one portfolio per line, e.g. `growth: AAPL-L-100% 2015-01-01 2020-12-31`',
      `a comparison needs at least ${minMembers} portfolios, got ${located.length}`,
    );
  }
  if (located.length > maxMembers) {
    whole(
      'TOO_MANY_MEMBERS',
      `${minMembers} to ${maxMembers} portfolios`,
      `remove ${located.length - maxMembers} of them`,
      `a comparison holds at most ${maxMembers} portfolios, got ${located.length}`,
    );
  }

  const members: ComparisonMember[] = [];
  const seenNames = new Map<string, number>();
  located.forEach((one, member) => {
    const where = { member, line: one.line };
    const label = one.line !== null ? `line ${one.line}` : `member ${member + 1}`;
    const name = one.input.name;
    if (name !== undefined) {
      const nameError = (code: ComparisonErrorCode, expected: string, hint: string, what: string) =>
        errors.push({
          code,
          ...where,
          token: name,
          column: one.nameColumn,
          expected,
          hint,
          message: `${label}: ${what} (column ${one.nameColumn})`,
        });
      if (name === '') {
        nameError(
          'MEMBER_NAME_EMPTY',
          'a name before the colon',
          'write a name, or remove the colon',
          'the name is empty',
        );
      } else if (name.length > maxNameLength) {
        nameError(
          'MEMBER_NAME_TOO_LONG',
          `at most ${maxNameLength} characters`,
          'shorten the name',
          `the name is ${name.length} characters long`,
        );
      } else {
        const key = name.toLowerCase();
        const first = seenNames.get(key);
        if (first !== undefined) {
          nameError(
            'MEMBER_NAME_DUPLICATE',
            'a name no other portfolio has',
            `portfolio ${first + 1} is already called ${name}: rename one of them`,
            `the name ${name} is used twice`,
          );
        } else seenNames.set(key, member);
      }
    }
    const parsed = parseCommand(one.input.command);
    if (!parsed.ok) {
      for (const error of parsed.errors) {
        const column = one.commandColumn + error.column - 1;
        const what = error.message.replace(/ \(column \d+\)$/, '');
        errors.push({ ...error, ...where, column, message: `${label}: ${what} (column ${column})` });
      }
      return;
    }
    members.push({
      name: name && name !== '' ? name : `Portfolio ${member + 1}`,
      named: Boolean(name),
      command: one.input.command,
      canonical: parsed.canonical,
      parsed: parsed.command,
    });
  });

  // A default name may collide with a written one (`Portfolio 2: …` on line 1): the written one keeps it.
  if (errors.length === 0) {
    const taken = new Set(members.filter((one) => one.named).map((one) => one.name.toLowerCase()));
    for (const one of members) {
      if (one.named || !taken.has(one.name.toLowerCase())) continue;
      let suffix = 2;
      while (taken.has(`${one.name} (${suffix})`.toLowerCase())) suffix += 1;
      one.name = `${one.name} (${suffix})`;
      taken.add(one.name.toLowerCase());
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, members };
}
