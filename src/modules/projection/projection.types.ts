import type { CashFlowPeriod, MonteCarloProjection, ProjectionCashFlow, ResamplingMethod } from '../../engine';
import type { JobStateChange, JobStatus } from '../../jobs/job-status';

/** Every option of a projection, defaults resolved at request time: the same inputs give the same outputs. */
export interface ProjectionInputs {
  paths: number;
  years: number;
  method: ResamplingMethod;
  /** 1 for `monthly`. */
  blockMonths: number;
  seed: number;
  /** Value at month 0: the simulation's final value unless the request named another. */
  initialValue: number;
  /** Contribution (+) or withdrawal (−) per period; the simulation's own when the request named none; null: none. */
  cashFlow: ProjectionCashFlow | null;
  inflationRate: number;
  /** Value the probability above a target refers to: the initial value unless the request named another. */
  targetValue: number;
}

export interface ProjectionDistributionJson {
  percentiles: number[];
  mean: number;
  min: number;
  max: number;
  histogram: { lower: number; upper: number; counts: number[]; below: number; above: number };
}

/** The engine's MonteCarloProjection as stored and served (arrays instead of typed arrays), with path counts. */
export interface ProjectionOutputs {
  paths: number;
  years: number;
  months: number;
  historyMonths: number;
  percentiles: number[];
  valueBands: { percentile: number; values: number[] }[];
  finalValue: ProjectionDistributionJson;
  cagr: ProjectionDistributionJson;
  maxDrawdown: ProjectionDistributionJson;
  probabilityPositive: number;
  probabilityAboveTarget: number;
  /** Paths ending above 0 (the money lasted the horizon) and above the target: counts behind the probabilities. */
  pathsPositive: number;
  pathsAboveTarget: number;
  depletedPaths: number;
  sustainableWithdrawal: {
    period: CashFlowPeriod;
    inflationIndexed: boolean;
    success90: number;
    success95: number;
    annualRate90: number;
    annualRate95: number;
  };
}

export interface ProjectionRecord {
  id: string;
  userId: string;
  simulationId: string;
  status: JobStatus;
  progress: { phase: string | null; percent: number };
  failureReason: string | null;
  failureCode: string | null;
  inputs: ProjectionInputs;
  outputs: ProjectionOutputs | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A state change of a projection: the shared job columns, and the projection's own. */
export interface ProjectionChange extends JobStateChange {
  failureCode?: string | null;
  outputs?: string | null;
}

const distributionJson = (d: MonteCarloProjection['finalValue']): ProjectionDistributionJson => ({
  percentiles: Array.from(d.percentiles),
  mean: d.mean,
  min: d.min,
  max: d.max,
  histogram: { ...d.histogram, counts: Array.from(d.histogram.counts) },
});

/** The engine's projection in the stored and served shape. */
export function projectionOutputsOf(projection: MonteCarloProjection): ProjectionOutputs {
  return {
    paths: projection.paths,
    years: projection.years,
    months: projection.months,
    historyMonths: projection.historyMonths,
    percentiles: [...projection.percentiles],
    valueBands: projection.valueBands.map((band) => ({ percentile: band.percentile, values: Array.from(band.values) })),
    finalValue: distributionJson(projection.finalValue),
    cagr: distributionJson(projection.cagr),
    maxDrawdown: distributionJson(projection.maxDrawdown),
    probabilityPositive: projection.probabilityPositive,
    probabilityAboveTarget: projection.probabilityAboveTarget,
    // The engine's shares are counts over paths: the exact counts back (the words "in 9,412 of 10,000 paths").
    pathsPositive: Math.round(projection.probabilityPositive * projection.paths),
    pathsAboveTarget: Math.round(projection.probabilityAboveTarget * projection.paths),
    depletedPaths: projection.depletedPaths,
    sustainableWithdrawal: { ...projection.sustainableWithdrawal },
  };
}
