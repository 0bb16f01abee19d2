/** PortoFino's engine: pure TypeScript, no Nest, no I/O (worker threads only in the parallel runner). */
export * from './command/command.types';
export * from './command/command.errors';
export { parseCommand, parseCommandOrThrow, OPTION_NAMES } from './command/command.parser';
export type { ParseResult } from './command/command.parser';
export { formatCanonicalCommand, formatOptions, formatRate } from './command/command.canonical';
export { isTickerSyntax, TICKER_MAX_LENGTH, TICKER_PATTERN } from './command/ticker-syntax';
export * from './market/price-matrix';
export { parseWidePriceCsv } from './market/price-csv.parser';
export * from './market/price-series.codec';
export { servedRows, simulationSeries } from './market/simulation-prices';
export { commandSeriesNeeds, commandTickers } from './command/command-series';
export {
  canonicalTicker,
  parseTickerExpression,
  tickerExpressionParts,
  MODIFIER_NAMES,
  TICKER_LIMITS,
} from './command/ticker-expression';
export type { TickerExpression, TickerExpressionPart } from './command/ticker-expression';
export type { CommandSeriesNeeds } from './command/command-series';
export type { SeriesRows } from './market/simulation-prices';
export * from './simulation/simulation.types';
export * from './simulation/simulation.errors';
export { buildSimulationPlan } from './simulation/simulation-plan';
export type { SimulationPlan } from './simulation/simulation-plan';
export { simulatePortfolio, simulatePlan, listTrades, cumulativeSeries } from './simulation/portfolio.simulator';
export * from './metrics/metrics.types';
export { computeMetrics, PERIODS_PER_YEAR } from './metrics/metrics.calculator';
export type { MetricsInput } from './metrics/metrics.calculator';
export { simulateBatch } from './batch/batch.simulator';
export type { BatchResult } from './batch/batch.simulator';
export { SUMMARY_METRICS } from './batch/batch.kernel';
export type { SummaryMetric } from './batch/batch.kernel';
export { ParallelBatchRunner, batchWorkerSource } from './batch/parallel-batch.runner';
export type { BatchWorker, BatchWorkerFactory } from './batch/parallel-batch.runner';
export * from './analysis/analysis.errors';
export * from './analysis/rolling-series';
export * from './analysis/rolling-metrics';
export * from './analysis/drawdown-episodes';
export * from './analysis/monthly-returns';
export * from './analysis/monte-carlo';
export * from './analysis/projection-history';
export * from './analysis/series-analysis';
export * from './study/study.types';
export * from './study/study.errors';
export { validateStudySpec } from './study/study.validation';
export {
  CandidateDrawer,
  candidatesOfChunk,
  candidateRange,
  chunkCandidateRange,
  candidateUnits,
  studyChunkCount,
  unitsToWeight,
} from './study/study.candidates';
export type { StudyCandidates } from './study/study.candidates';
export { prepareStudyPlan } from './study/study.plan';
export type { StudyPlan } from './study/study.plan';
export {
  evaluateStudyChunk,
  evaluateStudyChunkParallel,
  reduceStudyChunk,
  StudyChunkReducer,
} from './study/study.evaluation';
export { mergeStudyResults } from './study/study.merge';
export { finalizeStudy } from './study/study.finalize';
export {
  computeReferencePortfolios,
  riskParityWeights,
  inverseVolatilityWeights,
  assetReturnStatistics,
} from './study/study.references';
export {
  encodeStudyChunkResult,
  decodeStudyChunkResult,
  encodeStudyScatter,
  decodeStudyScatter,
} from './study/study.codec';
export type { EncodedStudyScatter } from './study/study.codec';
export { runStudy, DEFAULT_STUDY_CHUNK_SIZE } from './study/study.run';
export type { RunStudyOptions } from './study/study.run';
export * from './comparison/comparison.types';
export { parseComparisonInput, validateComparisonMembers } from './comparison/comparison.input';
export { commonPeriod } from './comparison/common-period';
export { correlationMatrix } from './comparison/correlation-matrix';
export { bestMembers, METRIC_DIRECTIONS } from './comparison/best-member';
export { runComparison, ComparisonMemberError } from './comparison/run-comparison';
export type { ComparedMember, ComparisonOutcome, ComparisonPeriodMode } from './comparison/run-comparison';
