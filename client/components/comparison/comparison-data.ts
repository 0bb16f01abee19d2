import type { Schemas } from '../../lib/api/client';

export type ComparisonDetail = Schemas['ComparisonDetailDto'];
export type ComparisonResult = Schemas['ComparisonResultDto'];

/** The members' series on the union of their days, null where a member has no value (own periods differ). */
export function alignMembers(
  result: ComparisonResult,
  pick: 'value' | 'drawdown',
): { days: string[]; columns: (number | null)[][] } {
  const days = [...new Set(result.members.flatMap((member) => member.series.dates))].sort();
  const columns = result.members.map((member) => {
    const byDay = new Map(member.series.dates.map((day, index) => [day, member.series[pick][index]]));
    return days.map((day) => byDay.get(day) ?? null);
  });
  return { days, columns };
}

/** For each metric, the members (0-based) that are best on it: the API's `best`, as a lookup. */
export function bestByMetric(result: ComparisonResult): Map<string, Set<number>> {
  return new Map(result.best.map((one) => [one.metric, new Set(one.members)]));
}
