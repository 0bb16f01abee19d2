import type { CorrelationMatrix, MemberReturns } from './comparison.types';

/**
 * The Pearson correlations of the members' daily returns on the dates every member has. Each member's
 * time-weighted growth is compounded from its own daily returns, then read on the common dates, so a day one
 * member skips (another market's holiday) folds into the next common day's return instead of being dropped.
 * With N common dates there are N − 1 returns. Undefined correlations (a constant series, fewer than two
 * returns) are null, never NaN; the diagonal is 1 wherever the series varies.
 */
export function correlationMatrix(members: readonly MemberReturns[]): CorrelationMatrix {
  const common = commonDates(members);
  const returns = members.map((member) => returnsOnDates(member, common));
  const observations = Math.max(0, common.length - 1);
  const centred = returns.map(centre);
  const norms = centred.map((values) => (values ? Math.sqrt(dot(values, values)) : 0));
  const matrix = members.map((_, i) =>
    members.map((__, j): number | null => {
      const a = centred[i];
      const b = centred[j];
      if (!a || !b || observations < 2 || norms[i] === 0 || norms[j] === 0) return null;
      if (i === j) return 1;
      const r = dot(a, b) / (norms[i] * norms[j]);
      // Rounding can push |r| a hair past 1.
      return Math.max(-1, Math.min(1, r));
    }),
  );
  // Symmetric by construction of dot(); made exact so that [i][j] === [j][i] whatever the rounding.
  for (let i = 0; i < matrix.length; i += 1) for (let j = 0; j < i; j += 1) matrix[i][j] = matrix[j][i];
  return { commonDates: common.length, observations, matrix };
}

function commonDates(members: readonly MemberReturns[]): string[] {
  if (members.length === 0) return [];
  let common = new Set(members[0].dates);
  for (const member of members.slice(1)) {
    const next = new Set<string>();
    for (const date of member.dates) if (common.has(date)) next.add(date);
    common = next;
  }
  return [...common].sort();
}

/** Returns from one common date to the next, compounded from the member's own daily returns. */
function returnsOnDates(member: MemberReturns, dates: readonly string[]): Float64Array {
  const growthOn = new Map<string, number>();
  let growth = 1;
  member.dates.forEach((date, row) => {
    const r = member.dailyReturn[row];
    // The first day's return is 0 by convention; a missing value adds nothing.
    if (row > 0 && Number.isFinite(r)) growth *= 1 + r;
    growthOn.set(date, growth);
  });
  const out = new Float64Array(Math.max(0, dates.length - 1));
  for (let k = 1; k < dates.length; k += 1) out[k - 1] = growthOn.get(dates[k])! / growthOn.get(dates[k - 1])! - 1;
  return out;
}

function centre(values: Float64Array): Float64Array | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k += 1) out[k] = values[k] - mean;
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += a[k] * b[k];
  return sum;
}
