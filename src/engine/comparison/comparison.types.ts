import type { CommandError, CommandErrorCode } from '../command/command.errors';
import type { PortfolioCommand } from '../command/command.types';

/** How many portfolios a comparison holds. */
export const COMPARISON_LIMITS = Object.freeze({ minMembers: 2, maxMembers: 10, maxNameLength: 60 });

/** One portfolio of a comparison as written: an optional name and a command. */
export interface ComparisonMemberInput {
  name?: string;
  command: string;
}

/** A member once its command parsed: named (given, or `Portfolio n`). */
export interface ComparisonMember {
  name: string;
  /** Whether the name was written (false: `Portfolio n`, its position). */
  named: boolean;
  command: string;
  canonical: string;
  parsed: PortfolioCommand;
}

export type ComparisonErrorCode =
  | CommandErrorCode
  | 'TOO_FEW_MEMBERS'
  | 'TOO_MANY_MEMBERS'
  | 'MEMBER_NAME_EMPTY'
  | 'MEMBER_NAME_TOO_LONG'
  | 'MEMBER_NAME_DUPLICATE';

/**
 * One problem of a comparison, located: the member (0-based, as in `members[i]`; null for the whole comparison),
 * its line in a multi-line input (1-based; null for members given as a list) and the column in that line (or in
 * the member's command, for a list), like the parser's own errors.
 */
export interface ComparisonError extends Omit<CommandError, 'code'> {
  code: ComparisonErrorCode;
  member: number | null;
  line: number | null;
}

export type ComparisonParseResult =
  { ok: true; members: ComparisonMember[] } | { ok: false; errors: ComparisonError[] };

/** The days each member can be simulated on: its asked period cut to its prices (as a single run's is). */
export interface MemberCoverage {
  name: string;
  askedStart: string;
  askedEnd: string;
  coveredStart: string;
  coveredEnd: string;
}

export type CommonPeriodNoteCode = 'COMMON_PERIOD_STARTS_LATER' | 'COMMON_PERIOD_ENDS_EARLIER';

/** A member simulated on less than it could cover, said plainly (like a single run's warnings). */
export interface CommonPeriodNote {
  code: CommonPeriodNoteCode;
  /** The member (0-based) the note is about. */
  member: number;
  /** The common period's start (…STARTS_LATER) or end (…ENDS_EARLIER). */
  date: string;
  message: string;
}

export type CommonPeriodResult =
  | {
      ok: true;
      start: string;
      end: string;
      /** The members whose coverage starts last / ends first (0-based): they set the period. */
      startSetBy: number[];
      endSetBy: number[];
      /** One sentence for the whole comparison. */
      statement: string;
      notes: CommonPeriodNote[];
    }
  | { ok: false; code: 'NO_COMMON_PERIOD'; startSetBy: number; endSetBy: number; message: string };

/** One member's time-weighted daily returns on its trading days (0 on the first day, as the simulator gives them). */
export interface MemberReturns {
  dates: readonly string[];
  dailyReturn: ArrayLike<number>;
}

export interface CorrelationMatrix {
  /** The dates every member has, in order; returns are taken from one to the next. */
  commonDates: number;
  /** Returns correlated: commonDates − 1. */
  observations: number;
  /** Pearson correlations, symmetric; null where undefined (a constant series, fewer than 2 returns). */
  matrix: (number | null)[][];
}

export type MetricDirection = 'higher' | 'lower';

/** The best member of one metric: every member with the best value (ties share it), and that value. */
export interface BestOfMetric {
  metric: string;
  direction: MetricDirection;
  members: number[];
  value: number;
}
