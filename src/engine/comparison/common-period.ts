import type { CommonPeriodNote, CommonPeriodResult, MemberCoverage } from './comparison.types';

const list = (names: string[]) =>
  names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * The common period of a comparison: the latest start and the earliest end that every member can cover (each
 * member's covered period is its asked period cut to its prices, as for a single run). Every member cut by it gets
 * a note saying so and which member sets the limit; no overlap at all is an error naming the two members.
 * Dates are YYYY-MM-DD, so they compare as strings.
 */
export function commonPeriod(members: readonly MemberCoverage[]): CommonPeriodResult {
  if (members.length === 0) throw new RangeError('commonPeriod needs at least one member');
  let start = members[0].coveredStart;
  let end = members[0].coveredEnd;
  for (const one of members) {
    if (one.coveredStart > start) start = one.coveredStart;
    if (one.coveredEnd < end) end = one.coveredEnd;
  }
  const startSetBy = indicesWhere(members, (one) => one.coveredStart === start);
  const endSetBy = indicesWhere(members, (one) => one.coveredEnd === end);
  const names = (indices: number[]) => list(indices.map((index) => members[index].name));

  if (start > end) {
    const late = startSetBy[0];
    const early = endSetBy[0];
    return {
      ok: false,
      code: 'NO_COMMON_PERIOD',
      startSetBy: late,
      endSetBy: early,
      message:
        `no period is common to every portfolio: ${members[late].name} can start only on ${start}, after ` +
        `${members[early].name} ends on ${end}; change their dates, or compare each on its own period`,
    };
  }

  const notes: CommonPeriodNote[] = [];
  members.forEach((one, member) => {
    if (one.coveredStart < start) {
      notes.push({
        code: 'COMMON_PERIOD_STARTS_LATER',
        member,
        date: start,
        message:
          `${one.name} could start on ${one.coveredStart}; it is simulated from ${start}, the first day every ` +
          `portfolio can cover (set by ${names(startSetBy)})`,
      });
    }
    if (one.coveredEnd > end) {
      notes.push({
        code: 'COMMON_PERIOD_ENDS_EARLIER',
        member,
        date: end,
        message:
          `${one.name} could run to ${one.coveredEnd}; it is simulated to ${end}, the last day every portfolio ` +
          `can cover (set by ${names(endSetBy)})`,
      });
    }
  });
  const statement =
    notes.length === 0
      ? `every portfolio is simulated on its own full period, ${start} to ${end}`
      : `every portfolio is simulated from ${start} (the latest start, set by ${names(startSetBy)}) to ${end} ` +
        `(the earliest end, set by ${names(endSetBy)})`;
  return { ok: true, start, end, startSetBy, endSetBy, statement, notes };
}

function indicesWhere<T>(items: readonly T[], test: (item: T) => boolean): number[] {
  const indices: number[] = [];
  items.forEach((item, index) => {
    if (test(item)) indices.push(index);
  });
  return indices;
}
