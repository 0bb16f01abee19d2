import type { Schemas } from '../../lib/api/client';
import { returnsByPeriod } from '../results/returns-by-period';

export type ComparisonDetail = Schemas['ComparisonDetailDto'];
export type ComparisonResult = Schemas['ComparisonResultDto'];

/**
 * What the charts and the table need of members: a comparison's result, or the workspace's preview of several
 * lines (typed arrays there), so both draw the same way.
 */
export interface SeriesMember {
  name: string;
  series: { dates: readonly string[]; value: ArrayLike<number>; drawdown: ArrayLike<number> };
}

export interface RankedMembers {
  members: readonly { name: string; metrics: object }[];
  /** For each ranked metric, the best member(s), 0-based (the engine's bestMembers). */
  best: readonly { metric: string; members: readonly number[] }[];
}

const sameDays = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a[0] === b[0] && a[a.length - 1] === b[b.length - 1]);

/** The members' series on the union of their days, null where a member has no value (own periods differ). */
export function alignMembers(
  result: { members: readonly SeriesMember[] },
  pick: 'value' | 'drawdown',
): { days: string[]; columns: (number | null)[][] } {
  const { members } = result;
  // On the common period every member has the same days: nothing to align.
  if (members.length > 0 && members.every((member) => sameDays(member.series.dates, members[0].series.dates))) {
    return {
      days: [...members[0].series.dates],
      columns: members.map((member) => Array.from(member.series[pick])),
    };
  }
  const days = [...new Set(members.flatMap((member) => member.series.dates))].sort();
  const columns = members.map((member) => {
    const byDay = new Map(member.series.dates.map((day, index) => [day, member.series[pick][index]]));
    return days.map((day) => byDay.get(day) ?? null);
  });
  return { days, columns };
}

/** For each metric, the members (0-based) that are best on it: the API's `best`, as a lookup. */
export function bestByMetric(result: Pick<RankedMembers, 'best'>): Map<string, Set<number>> {
  return new Map(result.best.map((one) => [one.metric, new Set(one.members)]));
}

/** Each calendar year's return of every member: one group per year, one bar per member (null: not in that year). */
export interface AnnualReturnsByMember {
  years: number[];
  /** `columns[member][year index]`. */
  columns: (number | null)[][];
}

/**
 * The members' annual returns (compounded from their daily returns as a single run's annual bars are; the first
 * and last years partial), on the union of their years.
 */
export function annualReturnsByMember(
  members: readonly { series: { dates: readonly string[]; dailyReturn: ArrayLike<number | null> } }[],
): AnnualReturnsByMember {
  const each = members.map((member) => returnsByPeriod(member.series.dates, member.series.dailyReturn));
  const years = [...new Set(each.flatMap((one) => one.years))].sort((a, b) => a - b);
  const columns = each.map((one) => {
    const byYear = new Map(one.years.map((year, index) => [year, one.annual[index]]));
    return years.map((year) => {
      const value = byYear.get(year);
      return value === undefined || !Number.isFinite(value) ? null : value;
    });
  });
  return { years, columns };
}
