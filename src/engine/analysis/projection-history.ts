import { SimulationResult } from '../simulation/simulation.types';
import { ProjectionCashFlow } from './monte-carlo';
import { monthlyReturnsFromDaily, MonthlyReturns } from './monthly-returns';

/** What a projection of a completed simulation starts from. */
export interface ProjectionHistory extends MonthlyReturns {
  /** The simulation's final value: month 0 of every path. */
  initialValue: number;
  /** The command's contribution or withdrawal, as a fixed amount per period (null without one). */
  cashFlow: ProjectionCashFlow | null;
}

/**
 * The resampling history of a completed simulation: its complete calendar months' time-weighted
 * returns (`monthlyReturnsFromDaily`), its final value, and its contributions carried forward.
 * Pass `history.returns`, `initialValue` and `cashFlow` to `projectMonteCarlo`.
 */
export function projectionHistoryOf(
  result: Pick<SimulationResult, 'dates' | 'dailyReturn' | 'finalNav' | 'command'>,
): ProjectionHistory {
  const contribution = result.command.options.contribution;
  return {
    ...monthlyReturnsFromDaily(result.dates, result.dailyReturn),
    initialValue: result.finalNav,
    cashFlow:
      contribution === null ? null : { kind: 'amount', amount: contribution.amount, period: contribution.period },
  };
}
