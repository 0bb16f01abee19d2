import {
  decodeStudyScatter,
  prepareStudyPlan,
  runStudy,
  validateStudySpec,
  type EncodedStudyScatter,
  type ParallelBatchRunner,
  type StudyResult,
} from '../../src/engine';
import { parseStudyOptions } from '../../src/modules/study/study.options';
import { storedStudyResult, type StudyRequest } from '../../src/modules/study/study.types';
import { loadSamplePrices } from '../../src/sample-data/sample-data.loader';

/**
 * The result of a study request computed in this process, in one run (runStudy), with another chunk size than
 * the server's: what every distributed run must equal, field for field.
 */
export async function expectedStudy(
  request: StudyRequest,
  chunkSize: number,
  runner?: ParallelBatchRunner,
): Promise<StudyResult> {
  const options = parseStudyOptions(request.options);
  if (!options.ok) throw new Error(JSON.stringify(options.problems));
  const study = validateStudySpec({
    tickers: request.tickers,
    start: request.start,
    end: request.end,
    options: options.options,
    method: request.method ?? 'random',
    candidates: request.candidates,
    seed: request.seed,
    concentration: request.concentration,
    gridStepPercent: request.gridStepPercent,
    constraints: request.constraints,
    objectives: request.objectives,
    topN: request.topN,
  });
  return runStudy(prepareStudyPlan(study, loadSamplePrices()), { chunkSize, runner });
}

/** The result as the API serves it (JSON). */
export function asServed(result: StudyResult): Record<string, unknown> {
  return JSON.parse(JSON.stringify(storedStudyResult(result))) as Record<string, unknown>;
}

/** The served scatter's columns as plain arrays. */
export function scatterColumns(encoded: EncodedStudyScatter) {
  const scatter = decodeStudyScatter(encoded);
  return {
    stride: scatter.stride,
    index: Array.from(scatter.index),
    volatility: Array.from(scatter.volatility),
    cagr: Array.from(scatter.cagr),
    sharpe: Array.from(scatter.sharpe),
    maxDrawdown: Array.from(scatter.maxDrawdown),
  };
}
