import { parseCommand } from '@engine/command/command.parser';
import { commonPeriod } from '@engine/comparison/common-period';
import type { CommonPeriodResult } from '@engine/comparison/comparison.types';
import type { PreviewLine } from './preview-protocol';

/**
 * What the workspace previews of several lines, as a comparison runs them (src/engine/comparison/run-comparison.ts):
 * each line first on its own period, which tells the days its prices cover; once every line's coverage is known,
 * the common period (the engine's commonPeriod rule) and a line it cuts previewed again on it.
 */

/** One line of a comparison as the preview shows it. */
export interface MemberLine {
  name: string;
  command: string;
}

/** The days a command's run covered (its first and last), by the command as written. */
export type CoverageByCommand = ReadonlyMap<string, { start: string; end: string }>;

/** The command with its start and end replaced (its canonical form: dates are ISO tokens there), or null. */
export function commandOnPeriod(command: string, start: string, end: string): string | null {
  const parsed = parseCommand(command);
  if (!parsed.ok) return null;
  const tokens = parsed.canonical.split(' ');
  const startAt = tokens.indexOf(parsed.command.start);
  const endAt = tokens.indexOf(parsed.command.end, startAt + 1);
  if (startAt < 0 || endAt < 0) return null;
  tokens[startAt] = start;
  tokens[endAt] = end;
  return tokens.join(' ');
}

export interface ComparisonPreviewPlan {
  /** What the worker runs: one line per member, id `member-<index>`. */
  lines: PreviewLine[];
  /** The common period once every member's coverage is known (null before). */
  period: CommonPeriodResult | null;
}

export const memberLineId = (index: number) => `member-${index}`;

/** The lines to run: own periods until every coverage is known, then each member on the common period. */
export function comparisonPreviewPlan(
  members: readonly MemberLine[],
  coverage: CoverageByCommand,
): ComparisonPreviewPlan {
  const own = members.map((member, index) => ({ id: memberLineId(index), command: member.command }));
  const covered = members.map((member) => coverage.get(member.command));
  if (covered.some((one) => one === undefined)) return { lines: own, period: null };
  const period = commonPeriod(
    members.map((member, index) => {
      const parsed = parseCommand(member.command);
      const days = covered[index] as { start: string; end: string };
      return {
        name: member.name,
        askedStart: parsed.ok ? parsed.command.start : days.start,
        askedEnd: parsed.ok ? parsed.command.end : days.end,
        coveredStart: days.start,
        coveredEnd: days.end,
      };
    }),
  );
  if (!period.ok) return { lines: own, period };
  const lines = members.map((member, index) => {
    const days = covered[index] as { start: string; end: string };
    if (days.start >= period.start && days.end <= period.end) return own[index];
    return {
      id: memberLineId(index),
      command: commandOnPeriod(member.command, period.start, period.end) ?? member.command,
    };
  });
  return { lines, period };
}
