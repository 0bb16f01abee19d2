import {
  AnalysisError,
  analyseSeries,
  DEFAULT_OPTIONS,
  parseCommand,
  RollingWindowMetrics,
  rollingValues,
  SeriesAnalysis,
} from '../../engine';
import type { SimulationAnalysisQueryDto } from './dto/simulation-analysis-query.dto';
import type { RollingBenchmarkSeriesDto, SimulationAnalysisDto } from './dto/simulation-analysis.dto';
import { InvalidAnalysisOptionError } from './history.errors';
import type { SimulationRecord, StoredSimulationResult } from './history.types';

export const DEFAULT_ROLLING_WINDOW = 252;

/**
 * The engine's analysis of a stored result (rolling metrics of one window, drawdown episodes). The benchmark's
 * returns come from its stored closes, as the simulation derived them; rf from the command as stored.
 */
export function analyseStoredResult(
  record: Pick<SimulationRecord, 'canonical'>,
  result: StoredSimulationResult,
  query: SimulationAnalysisQueryDto,
): SeriesAnalysis {
  const parsed = parseCommand(record.canonical);
  const options = parsed.ok ? parsed.command.options : DEFAULT_OPTIONS;
  const { series } = result;
  try {
    return analyseSeries(
      {
        dates: series.dates,
        dailyReturn: series.dailyReturn,
        drawdown: series.drawdown,
        benchmarkCloses: series.benchmark,
        riskFreeRate: options.riskFreePercent / 100,
      },
      {
        windows: [query.rollingWindow ?? DEFAULT_ROLLING_WINDOW],
        drawdowns: { deeperThan: query.drawdownDeeperThan, limit: query.drawdownLimit },
      },
    );
  } catch (error) {
    if (error instanceof AnalysisError) throw new InvalidAnalysisOptionError(error.field, error.message);
    throw error;
  }
}

function benchmarkSeriesOf(window: RollingWindowMetrics): RollingBenchmarkSeriesDto {
  return {
    return: rollingValues(window.return),
    volatility: rollingValues(window.volatility),
    sharpe: rollingValues(window.sharpe),
    sortino: rollingValues(window.sortino),
    maxDrawdown: rollingValues(window.maxDrawdown),
  };
}

/** The analysis as the API answers it: plain numbers, null where a metric is undefined. */
export function presentAnalysis(
  dates: readonly string[],
  analysis: SeriesAnalysis,
  query: SimulationAnalysisQueryDto,
): SimulationAnalysisDto {
  const [window] = analysis.rolling.windows;
  const benchmark = analysis.benchmarkRolling?.windows[0] ?? null;
  const { drawdownEpisodes } = analysis;
  return {
    rolling: {
      window: window.window,
      firstRow: window.firstRow,
      firstDate: window.count > 0 ? dates[window.firstRow] : null,
      count: window.count,
      portfolio: {
        ...benchmarkSeriesOf(window),
        beta: window.beta ? rollingValues(window.beta) : null,
        correlation: window.correlation ? rollingValues(window.correlation) : null,
      },
      benchmark: benchmark ? benchmarkSeriesOf(benchmark) : null,
    },
    drawdownEpisodes: {
      totalEpisodes: drawdownEpisodes.totalEpisodes,
      deeperThan: query.drawdownDeeperThan ?? null,
      limit: query.drawdownLimit ?? (query.drawdownDeeperThan === undefined ? 10 : 100),
      episodes: drawdownEpisodes.episodes,
    },
  };
}

/** Analyse and present in one step (GET /history/{id} and GET /history/{id}/analysis). */
export function simulationAnalysis(
  record: Pick<SimulationRecord, 'canonical'>,
  result: StoredSimulationResult,
  query: SimulationAnalysisQueryDto,
): SimulationAnalysisDto {
  return presentAnalysis(result.series.dates, analyseStoredResult(record, result, query), query);
}
