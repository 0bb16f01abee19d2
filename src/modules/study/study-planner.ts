import { Injectable } from '@nestjs/common';
import {
  commandSeriesNeeds,
  mergePriceSeries,
  prepareStudyPlan,
  SimulationError,
  StudyError,
  validateStudySpec,
  type PortfolioCommand,
  type PriceSeries,
  type StudyDefinition,
  type StudyPlan,
  type StudySpec,
} from '../../engine';
import { DomainError } from '../../common/domain-error';
import { JobInputError } from '../../jobs/job-failure';
import { PriceSource } from '../simulation/price-source';
import { InvalidStudyError, StudyInputError, type StudyProblemDetail } from './study.errors';
import { parseStudyOptions } from './study.options';
import type { StudyRecord, StudyRequest } from './study.types';

/** Plans a worker keeps (a study's chunks come one after another). */
const CACHED_PLANS = 4;

/**
 * From a request to the engine's StudyPlan: the specification validated (every problem located), the universe's
 * prices loaded as a single run loads them (PriceSource, the market-data module), the plan prepared. The API
 * does it to accept a study (and records the plan's fingerprint); each worker does it once per study and keeps
 * the last few plans, refusing to run a chunk on other prices than the study was accepted on.
 */
@Injectable()
export class StudyPlanner {
  private readonly plans = new Map<string, Promise<StudyPlan>>();

  constructor(private readonly prices: PriceSource) {}

  /** The validated definition, or InvalidStudyError with every problem. */
  define(request: StudyRequest): StudyDefinition {
    const options = parseStudyOptions(request.options);
    let study: StudyDefinition | undefined;
    let problems: StudyProblemDetail[] = options.ok ? [] : options.problems;
    try {
      study = validateStudySpec(specOf(request, options.ok ? options.options : {}));
    } catch (error) {
      if (!(error instanceof StudyError)) throw error;
      problems = [...problems, ...error.problems];
    }
    if (problems.length > 0 || !study) throw new InvalidStudyError(problems);
    return study;
  }

  /**
   * The plan of a request over the user's prices. A refusal (unknown ticker, no price at the start) is an
   * InvalidStudyError located at the ticker; an outage passes through as it is (retryable).
   */
  async prepare(userId: string, request: StudyRequest): Promise<StudyPlan> {
    const study = this.define(request);
    const command: PortfolioCommand = {
      positions: study.tickers.map((ticker) => ({ ticker, side: 'L', weightPercent: 100 / study.tickers.length })),
      start: study.start,
      end: study.end,
      options: { ...study.options },
    };
    const field = (ticker: string | null) => {
      const index = ticker === null ? -1 : study.tickers.indexOf(ticker);
      return index >= 0 ? `tickers[${index}]` : ticker === study.options.benchmark ? 'options.benchmark' : 'tickers';
    };
    // One load per ticker, so that every refused ticker is reported at its field (an outage is retryable).
    const needed = commandSeriesNeeds(command).load;
    const outcomes = await Promise.allSettled(
      needed.map((ticker) =>
        this.prices.load([ticker], { start: study.start, end: study.end }, userId, async () => undefined),
      ),
    );
    const problems: StudyProblemDetail[] = [];
    const series: PriceSeries[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') series.push(...outcome.value.series);
      else if (isRefusal(outcome.reason)) {
        problems.push({ field: field(needed[index]), code: outcome.reason.code, message: outcome.reason.message });
      } else throw outcome.reason;
    }
    if (problems.length > 0) throw new InvalidStudyError(problems);
    try {
      return prepareStudyPlan(study, mergePriceSeries(series));
    } catch (error) {
      if (error instanceof SimulationError) {
        throw new InvalidStudyError(
          error.problems.map((problem) => ({
            field: field(problem.ticker),
            code: problem.code,
            message: problem.message,
          })),
        );
      }
      throw error;
    }
  }

  /**
   * The plan a worker runs the study's chunks on: prepared once per study and process, and only on the prices
   * the study was accepted on (the same fingerprint); otherwise a StudyInputError (final: the chunks already
   * stored belong to other data).
   */
  planFor(study: Pick<StudyRecord, 'id' | 'userId' | 'request' | 'fingerprint'>): Promise<StudyPlan> {
    let plan = this.plans.get(study.id);
    if (!plan) {
      plan = this.prepareForWorker(study);
      plan.catch(() => this.plans.delete(study.id));
      this.plans.set(study.id, plan);
      while (this.plans.size > CACHED_PLANS) this.plans.delete(this.plans.keys().next().value!);
    }
    return plan;
  }

  /** Forgets a finished study's plan. */
  forget(studyId: string): void {
    this.plans.delete(studyId);
  }

  private async prepareForWorker(
    study: Pick<StudyRecord, 'id' | 'userId' | 'request' | 'fingerprint'>,
  ): Promise<StudyPlan> {
    let plan: StudyPlan;
    try {
      plan = await this.prepare(study.userId, study.request);
    } catch (error) {
      if (error instanceof InvalidStudyError) throw new StudyInputError(error.message, 'STUDY_INPUT_CHANGED');
      throw error;
    }
    if (plan.fingerprint !== study.fingerprint) {
      throw new StudyInputError(
        'the prices of the study’s tickers changed after it was accepted (new data or an upload), so its chunks ' +
          'would not belong together; run the study again',
        'PRICES_CHANGED',
      );
    }
    return plan;
  }
}

/** The engine's specification of a request (options already parsed). */
function specOf(request: StudyRequest, options: StudySpec['options']): StudySpec {
  return {
    tickers: request.tickers,
    start: request.start,
    end: request.end,
    options,
    method: request.method ?? 'random',
    candidates: request.candidates,
    seed: request.seed,
    concentration: request.concentration,
    gridStepPercent: request.gridStepPercent,
    constraints: request.constraints,
    objectives: request.objectives,
    topN: request.topN,
  };
}

/** A load that cannot pass on another try: an unknown ticker, no prices in the period. */
function isRefusal(error: unknown): error is { code: string; message: string } {
  return error instanceof JobInputError || (error instanceof DomainError && !error.retryable);
}
