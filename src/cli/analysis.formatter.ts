import {
  analyseSeries,
  rollingValues,
  RollingSeries,
  RollingWindowMetrics,
  SeriesAnalysis,
  SimulationResult,
} from '../engine';
import { formatValue, textTable } from './metrics-table.formatter';

/** Rolling metrics (6, 12 and 36 months) and drawdown episodes of a run, as the API and the tearsheet compute them. */
export function analyseResult(result: SimulationResult): SeriesAnalysis {
  return analyseSeries({
    dates: result.dates,
    dailyReturn: result.dailyReturn,
    drawdown: result.drawdown,
    benchmarkCloses: result.benchmarkRun?.prices ?? null,
    riskFreeRate: result.command.options.riskFreePercent / 100,
  });
}

/** The ten deepest drawdown episodes, deepest first. */
export function formatDrawdownEpisodes(analysis: SeriesAnalysis): string {
  const { episodes, totalEpisodes } = analysis.drawdownEpisodes;
  if (episodes.length === 0) return 'Drawdown episodes: none (the value never fell below a previous peak).';
  const rows = episodes.map((episode, index) => [
    String(index + 1),
    episode.peakDate,
    episode.troughDate,
    episode.recoveryDate ?? 'not recovered',
    formatValue(episode.depth, 'percent'),
    String(episode.tradingDaysToTrough),
    episode.tradingDaysToRecovery === null ? '-' : String(episode.tradingDaysToRecovery),
    String(episode.underwaterDays),
  ]);
  return (
    `Drawdown episodes (the ${episodes.length} deepest of ${totalEpisodes})\n` +
    textTable(['#', 'Peak', 'Trough', 'Recovery', 'Depth', 'To trough', 'To recovery', 'Under water (days)'], rows)
  );
}

const windowName = (window: number) => (window % 21 === 0 ? `${window / 21}m` : `${window}d`);

interface Spread {
  last: number | null;
  min: number | null;
  median: number | null;
  max: number | null;
}

/** Last, lowest, median and highest defined value of a rolling series. */
export function spreadOf(series: RollingSeries): Spread {
  const values = rollingValues(series).filter((value): value is number => value !== null);
  if (values.length === 0) return { last: null, min: null, median: null, max: null };
  const last = values[values.length - 1];
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  const median = values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  return { last, min: values[0], median, max: values[values.length - 1] };
}

/** Rolling metrics per window: last value, lowest, median and highest (the benchmark's return beside the portfolio's). */
export function formatRollingSummary(analysis: SeriesAnalysis, benchmarkTicker: string | null): string {
  const rows: string[][] = [];
  analysis.rolling.windows.forEach((window, index) => {
    const name = windowName(window.window);
    if (window.count === 0) {
      rows.push([`${name} (none: fewer than ${window.window} daily returns)`, '', '', '', '']);
      return;
    }
    const benchmark = analysis.benchmarkRolling?.windows[index] ?? null;
    const entries: [string, RollingSeries, 'percent' | 'ratio'][] = [
      [`${name} return${window.window > 252 ? ' (ann.)' : ''}`, window.return, 'percent'],
      ...(benchmark
        ? [
            [
              `${name} ${benchmarkTicker ?? 'benchmark'} return${window.window > 252 ? ' (ann.)' : ''}`,
              benchmark.return,
              'percent',
            ] as [string, RollingSeries, 'percent'],
          ]
        : []),
      [`${name} volatility`, window.volatility, 'percent'],
      [`${name} Sharpe`, window.sharpe, 'ratio'],
      [`${name} Sortino`, window.sortino, 'ratio'],
      [`${name} max drawdown`, window.maxDrawdown, 'percent'],
      ...betaEntries(window, name),
    ];
    for (const [label, series, format] of entries) {
      const spread = spreadOf(series);
      rows.push([
        label,
        ...[spread.last, spread.min, spread.median, spread.max].map((value) => formatValue(value, format)),
      ]);
    }
  });
  return `Rolling metrics (windows of 126, 252 and 756 trading days)\n${textTable(['Metric', 'Last', 'Min', 'Median', 'Max'], rows)}`;
}

function betaEntries(window: RollingWindowMetrics, name: string): [string, RollingSeries, 'ratio'][] {
  return window.beta && window.correlation
    ? [
        [`${name} beta`, window.beta, 'ratio'],
        [`${name} correlation`, window.correlation, 'ratio'],
      ]
    : [];
}

/** The analysis as plain JSON (null where a rolling metric is undefined). */
export function analysisToJson(analysis: SeriesAnalysis): unknown {
  const windowJson = (window: RollingWindowMetrics) => ({
    window: window.window,
    firstRow: window.firstRow,
    count: window.count,
    return: rollingValues(window.return),
    volatility: rollingValues(window.volatility),
    sharpe: rollingValues(window.sharpe),
    sortino: rollingValues(window.sortino),
    maxDrawdown: rollingValues(window.maxDrawdown),
    beta: window.beta ? rollingValues(window.beta) : null,
    correlation: window.correlation ? rollingValues(window.correlation) : null,
  });
  return {
    drawdownEpisodes: analysis.drawdownEpisodes,
    rolling: analysis.rolling.windows.map(windowJson),
    benchmarkRolling: analysis.benchmarkRolling?.windows.map(windowJson) ?? null,
  };
}
