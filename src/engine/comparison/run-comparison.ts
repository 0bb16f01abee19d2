import type { PriceMatrix } from '../market/price-matrix';
import type { PerformanceMetrics } from '../metrics/metrics.types';
import { SimulationError } from '../simulation/simulation.errors';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import type { SimulationResult, SimulationWarning } from '../simulation/simulation.types';
import { bestMembers } from './best-member';
import { commonPeriod } from './common-period';
import type {
  BestOfMetric,
  CommonPeriodNote,
  ComparisonMember,
  CorrelationMatrix,
  MemberCoverage,
} from './comparison.types';
import { correlationMatrix } from './correlation-matrix';

export type ComparisonPeriodMode = 'common' | 'own';

/** One member's run: its metrics and daily series on the period used. */
export interface ComparedMember {
  name: string;
  command: string;
  canonical: string;
  /** The period asked by the member's command, the period its prices cover, and the period simulated. */
  asked: { start: string; end: string };
  covered: { start: string; end: string };
  simulated: { start: string; end: string };
  finalValue: number;
  metrics: PerformanceMetrics;
  warnings: Pick<SimulationWarning, 'code' | 'message'>[];
  series: { dates: string[]; value: number[]; drawdown: number[]; dailyReturn: number[] };
}

export interface ComparisonOutcome {
  period: {
    mode: ComparisonPeriodMode;
    /** The common period (also computed in `own` mode, where it only informs). */
    start: string;
    end: string;
    /** The members (0-based) whose coverage sets the common start / end. */
    startSetBy: number[];
    endSetBy: number[];
    statement: string;
    notes: CommonPeriodNote[];
  };
  members: ComparedMember[];
  correlation: CorrelationMatrix;
  best: BestOfMetric[];
}

/** A member that cannot be simulated, located (0-based) and said plainly; `code` is the engine's. */
export class ComparisonMemberError extends Error {
  constructor(
    readonly member: number | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ComparisonMemberError';
  }
}

/**
 * Runs a comparison as single runs run: each member through `simulatePortfolio` on its prices (its own options
 * apply). First on its own period, which tells what its prices cover; in `common` mode, a member the common
 * period cuts is simulated again on it. A member the engine refuses is a ComparisonMemberError naming it.
 */
export function runComparison(
  members: readonly ComparisonMember[],
  prices: readonly PriceMatrix[],
  mode: ComparisonPeriodMode,
  onMember?: (done: number, total: number) => void,
): ComparisonOutcome {
  const simulate = (index: number, command: ComparisonMember['parsed'], matrix: PriceMatrix): SimulationResult => {
    try {
      return simulatePortfolio(command, matrix);
    } catch (error) {
      if (!(error instanceof SimulationError)) throw error;
      const message = error.problems.map((problem) => problem.message).join('; ');
      throw new ComparisonMemberError(
        index,
        error.problems[0]?.code ?? 'INVALID_INPUT',
        `${members[index].name}: ${message}`,
      );
    }
  };
  const own = members.map((member, index) => simulate(index, member.parsed, prices[index]));
  const coverage: MemberCoverage[] = members.map((member, index) => ({
    name: member.name,
    askedStart: member.parsed.start,
    askedEnd: member.parsed.end,
    coveredStart: own[index].dates[0],
    coveredEnd: own[index].dates[own[index].dates.length - 1],
  }));
  const common = commonPeriod(coverage);
  if (mode === 'common' && !common.ok) {
    throw new ComparisonMemberError(common.startSetBy, common.code, common.message);
  }
  const results = members.map((member, index) => {
    const covered = coverage[index];
    let result = own[index];
    if (mode === 'common' && common.ok && (covered.coveredStart < common.start || covered.coveredEnd > common.end)) {
      result = simulate(index, { ...member.parsed, start: common.start, end: common.end }, prices[index]);
    }
    onMember?.(index + 1, members.length);
    return result;
  });
  const compared = members.map((member, index): ComparedMember => ({
    name: member.name,
    command: member.command,
    canonical: member.canonical,
    asked: { start: member.parsed.start, end: member.parsed.end },
    covered: { start: coverage[index].coveredStart, end: coverage[index].coveredEnd },
    simulated: { start: results[index].dates[0], end: results[index].dates[results[index].dates.length - 1] },
    finalValue: results[index].finalNav,
    metrics: results[index].metrics,
    warnings: results[index].warnings.map(({ code, message }) => ({ code, message })),
    series: {
      dates: [...results[index].dates],
      value: Array.from(results[index].nav),
      drawdown: Array.from(results[index].drawdown),
      dailyReturn: Array.from(results[index].dailyReturn),
    },
  }));
  const period: ComparisonOutcome['period'] = common.ok
    ? {
        mode,
        start: common.start,
        end: common.end,
        startSetBy: common.startSetBy,
        endSetBy: common.endSetBy,
        statement:
          mode === 'common'
            ? common.statement
            : `each portfolio is simulated on its own period (the common period would be ${common.start} to ${common.end})`,
        notes: mode === 'common' ? common.notes : [],
      }
    : {
        mode,
        start: '',
        end: '',
        startSetBy: [common.startSetBy],
        endSetBy: [common.endSetBy],
        statement: `each portfolio is simulated on its own period (${common.message})`,
        notes: [],
      };
  return {
    period,
    members: compared,
    correlation: correlationMatrix(results.map((result) => ({ dates: result.dates, dailyReturn: result.dailyReturn }))),
    best: bestMembers(results.map((result) => numericMetrics(result.metrics))),
  };
}

/** The metrics that are numbers (bestMembers ranks those). */
function numericMetrics(metrics: PerformanceMetrics): Record<string, number | null> {
  const numeric: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metrics)) if (typeof value === 'number') numeric[name] = value;
  return numeric;
}
