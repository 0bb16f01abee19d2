import { rollingValues, RollingWindowMetrics, SeriesAnalysis } from '../../../engine';
import { calendarReturns, yearlyPriceReturns } from '../workbook/period-returns';
import { METRIC_ROWS, RELATIVE_METRIC_ROWS, MONTH_HEADERS, type ReportContent } from '../workbook/report-workbook';
import { windowLabel } from '../workbook/rolling-sheet';
import { escapeXml as escapeHtml, formatValue, svgLineChart, SvgLine } from './svg-chart';

/** Everything a tearsheet shows: what the workbook shows, and the engine's analysis (three windows, ten episodes). */
export interface TearsheetInput {
  content: ReportContent;
  analysis: SeriesAnalysis;
  /** Rendered for a share link: nothing that identifies the owner's simulation (its id). */
  shared?: boolean;
}

const PORTFOLIO = '#1f4e79';
const BENCHMARK = '#c55a11';
const LOSS = '#c00000';

type Cell = number | string | null | undefined;

function formatMetric(value: unknown, format: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  if (format === 'pct') return `${(value * 100).toFixed(2)}%`;
  if (format === 'ratio') return value.toFixed(2);
  if (format === 'int') return value.toFixed(0);
  if (format === 'money') return value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  return escapeHtml(String(value));
}

const percent = (value: Cell, digits = 1): string =>
  typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : '';

function metricsTable(content: ReportContent): string {
  const { portfolio, benchmark } = content.metrics;
  const benchmarkName = content.benchmarkTicker ?? 'Benchmark';
  const head = `<tr><th scope="col">Metric</th><th scope="col">Portfolio</th>${benchmark ? `<th scope="col">${escapeHtml(benchmarkName)}</th>` : ''}</tr>`;
  const rows = METRIC_ROWS.map(
    (row) =>
      `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${formatMetric(portfolio[row.key], row.format)}</td>${
        benchmark ? `<td>${formatMetric(benchmark[row.key], row.format)}</td>` : ''
      }</tr>`,
  ).join('');
  const relative = portfolio.benchmark as Record<string, unknown> | null | undefined;
  const relativeRows = relative
    ? RELATIVE_METRIC_ROWS.map(
        (row) =>
          `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${formatMetric(relative[row.key], row.format)}</td>${benchmark ? '<td></td>' : ''}</tr>`,
      ).join('')
    : '';
  return `<table class="metrics"><thead>${head}</thead><tbody>${rows}${
    relativeRows
      ? `<tr class="group"><th colspan="3">Against ${escapeHtml(benchmarkName)}</th></tr>${relativeRows}`
      : ''
  }</tbody></table>`;
}

function summaryList(content: ReportContent): string {
  const summary = content.summary;
  const facts: [string, string][] = [
    ['Command', escapeHtml(content.canonical)],
    [
      'Simulated',
      `${escapeHtml(String(summary.simulatedStart ?? content.startDate))} to ${escapeHtml(String(summary.simulatedEnd ?? content.endDate))}`,
    ],
    ['Initial capital', formatMetric(summary.initialCapital, 'money')],
    ['Final value', formatMetric(summary.finalValue, 'money')],
    ['Net contributions', formatMetric(summary.netContributions, 'money')],
    ['Total fees', formatMetric(summary.totalFees, 'money')],
    ['Money-weighted return', formatMetric(summary.moneyWeightedReturn, 'pct')],
    ...content.options.map((option): [string, string] => [
      `Option ${escapeHtml(option.name)}`,
      escapeHtml(option.value),
    ]),
  ];
  return `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/** Values of a rolling window placed on the run's rows (null before the first window ends). */
function onRows(
  window: RollingWindowMetrics,
  pick: (w: RollingWindowMetrics) => Parameters<typeof rollingValues>[0],
  rows: number,
) {
  const values = new Array<number | null>(rows).fill(null);
  const series = rollingValues(pick(window));
  for (let i = 0; i < series.length; i++) values[window.firstRow + i] = series[i];
  return values;
}

function rollingCharts(input: TearsheetInput): string {
  const { dates } = input.content.series;
  const benchmarkName = input.content.benchmarkTicker ?? 'Benchmark';
  const charts: string[] = [];
  input.analysis.rolling.windows.forEach((window, index) => {
    if (window.count === 0) {
      charts.push(
        `<p class="muted">No ${windowLabel(window.window)} rolling window: the run has ${input.analysis.rolling.returnCount} daily returns, fewer than ${window.window}.</p>`,
      );
      return;
    }
    const benchmark = input.analysis.benchmarkRolling?.windows[index] ?? null;
    const label = windowLabel(window.window);
    const metric = (
      title: string,
      format: 'percent' | 'ratio',
      pick: (w: RollingWindowMetrics) => Parameters<typeof rollingValues>[0],
    ) => {
      const lines: SvgLine[] = [{ name: 'Portfolio', values: onRows(window, pick, dates.length), colour: PORTFOLIO }];
      if (benchmark)
        lines.push({ name: benchmarkName, values: onRows(benchmark, pick, dates.length), colour: BENCHMARK });
      return svgLineChart({ title: `Rolling ${label} ${title}`, days: dates, lines, format, height: 200 });
    };
    charts.push(metric(window.window > 252 ? 'return (annualised)' : 'return', 'percent', (w) => w.return));
    charts.push(metric('volatility', 'percent', (w) => w.volatility));
    charts.push(metric('Sharpe', 'ratio', (w) => w.sharpe));
    if (window.beta) {
      charts.push(
        svgLineChart({
          title: `Rolling ${label} beta against ${benchmarkName}`,
          days: dates,
          lines: [{ name: 'Beta', values: onRows(window, (w) => w.beta!, dates.length), colour: PORTFOLIO }],
          format: 'ratio',
          height: 180,
        }),
      );
    }
  });
  return charts.join('');
}

function episodesTable(input: TearsheetInput): string {
  const { episodes, totalEpisodes } = input.analysis.drawdownEpisodes;
  if (episodes.length === 0) return '<p class="muted">The portfolio never fell below a previous peak.</p>';
  const rows = episodes
    .map(
      (episode, index) =>
        `<tr><td>${index + 1}</td><td>${episode.peakDate}</td><td>${episode.troughDate}</td><td>${
          episode.recoveryDate ?? '<em>not recovered</em>'
        }</td><td class="loss">${percent(episode.depth, 2)}</td><td>${episode.tradingDaysToTrough}</td><td>${
          episode.tradingDaysToRecovery ?? '—'
        }</td><td>${episode.underwaterDays}</td></tr>`,
    )
    .join('');
  return (
    `<p class="muted">The ${episodes.length} deepest of ${totalEpisodes} drawdown episodes.</p>` +
    `<table class="episodes"><thead><tr><th>#</th><th>Peak</th><th>Trough</th><th>Recovery</th><th>Depth</th>` +
    `<th>To trough (trading days)</th><th>To recovery (trading days)</th><th>Under water (calendar days)</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function monthlyGrid(content: ReportContent): string {
  const { series } = content;
  const years = calendarReturns(series.dates, series.dailyReturn);
  const benchmarkYears = series.benchmark ? yearlyPriceReturns(series.dates, series.benchmark) : null;
  const cell = (value: number) =>
    Number.isFinite(value) ? `<td class="${value < 0 ? 'loss' : 'gain'}">${percent(value)}</td>` : '<td></td>';
  const rows = years
    .map(
      (year) =>
        `<tr><th scope="row">${year.year}</th>${year.months.map(cell).join('')}${cell(year.total)}${
          benchmarkYears ? cell(benchmarkYears.get(year.year) ?? Number.NaN) : ''
        }</tr>`,
    )
    .join('');
  return `<table class="monthly"><thead><tr><th>Year</th>${MONTH_HEADERS.map((month) => `<th>${month}</th>`).join('')}<th>Year</th>${
    benchmarkYears ? `<th>${escapeHtml(content.benchmarkTicker ?? 'Benchmark')}</th>` : ''
  }</tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--gain:#1b6e3a;--loss:${LOSS}}
*{box-sizing:border-box}body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1000px;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:2px solid ${PORTFOLIO};padding-bottom:4px}
.muted{color:var(--muted)}table{border-collapse:collapse;width:100%;margin:8px 0}th,td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:right;font-variant-numeric:tabular-nums}
th:first-child,td:first-child{text-align:left}thead th{background:#eef2f6}.group th{background:#f6f8fa;text-align:left}
.metrics{columns:1}.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}.facts dt{color:var(--muted)}.facts dd{margin:0;word-break:break-word}
.monthly td,.monthly th{font-size:11px;padding:2px 4px}.gain{color:var(--gain)}.loss{color:var(--loss)}
.chart{margin:10px 0;break-inside:avoid;page-break-inside:avoid}.chart figcaption{font-weight:600;margin-bottom:2px}.legend{font-weight:400;color:var(--muted);margin-left:8px}
.key{margin-right:10px;white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
svg{width:100%;height:auto;display:block}.frame{fill:none;stroke:var(--line)}.grid{stroke:#eceff2;stroke-width:1}.zero{stroke:#9aa4ae;stroke-width:1}
.tick{font-size:11px;fill:var(--muted)}.band{fill:${LOSS};fill-opacity:.08}
table,.facts{break-inside:auto}tr{break-inside:avoid;page-break-inside:avoid}section{break-inside:auto}
@page{size:A4;margin:12mm}@media print{body{padding:0;max-width:none;font-size:11px}h2{break-after:avoid;page-break-after:avoid}.pagebreak{break-before:page;page-break-before:always}}
footer{margin-top:32px;color:var(--muted);font-size:11px}`;

/**
 * The tearsheet of a completed simulation: one self-contained HTML file (every metric, value, drawdown and rolling
 * charts as inline SVG, the drawdown episodes, the monthly grid). It loads nothing — a Content-Security-Policy of
 * `default-src 'none'` says so to the browser — so it opens offline, and its print styles make a clean PDF.
 */
export function renderTearsheet(input: TearsheetInput): string {
  const { content, analysis } = input;
  const { series } = content;
  const benchmarkName = content.benchmarkTicker ?? 'Benchmark';
  const rows = series.dates.length;
  const valueLines: SvgLine[] = [{ name: 'Portfolio', values: Array.from(series.nav), colour: PORTFOLIO }];
  if (series.benchmarkValue) {
    valueLines.push({
      name: `${benchmarkName} (same cash flows)`,
      values: Array.from(series.benchmarkValue),
      colour: BENCHMARK,
    });
  }
  const positive = valueLines.every((line) =>
    Array.from(line.values).every((value) => value === null || !Number.isFinite(value) || value > 0),
  );
  const bands = analysis.drawdownEpisodes.episodes.slice(0, 5).map((episode, index) => ({
    from: episode.peakRow,
    to: episode.recoveryRow ?? rows - 1,
    label: `#${index + 1}: ${percent(episode.depth, 1)} from ${episode.peakDate}`,
  }));
  const title = `PortoFino tearsheet — ${content.canonical}`;
  const portfolio = content.metrics.portfolio;
  const headline = (['cagr', 'volatility', 'sharpe', 'maxDrawdown'] as const)
    .map((key) => {
      const value = portfolio[key];
      const shown =
        typeof value === 'number' && Number.isFinite(value)
          ? formatValue(value, key === 'sharpe' ? 'ratio' : 'percent', key === 'sharpe' ? 2 : 1)
          : '—';
      const label = { cagr: 'CAGR', volatility: 'Volatility', sharpe: 'Sharpe', maxDrawdown: 'Max drawdown' }[key];
      return `<div class="headline"><span class="muted">${label}</span> <strong>${escapeHtml(shown)}</strong></div>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="PortoFino">
<title>${escapeHtml(title)}</title>
<style>${STYLE}.headlines{display:flex;gap:24px;flex-wrap:wrap;margin:12px 0}.headline strong{font-size:18px}</style>
</head>
<body>
<header>
<h1>PortoFino tearsheet</h1>
<p class="command"><code>${escapeHtml(content.canonical)}</code></p>
<p class="muted">Simulated ${escapeHtml(series.dates[0] ?? '')} to ${escapeHtml(series.dates[rows - 1] ?? '')} · generated ${escapeHtml(content.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC${input.shared ? ' · shared snapshot' : ` · simulation ${escapeHtml(content.simulationId)}`}</p>
<div class="headlines">${headline}</div>
</header>
<section aria-labelledby="performance"><h2 id="performance">Performance</h2>
${svgLineChart({ title: content.benchmarkTicker ? `Portfolio value vs ${benchmarkName}` : 'Portfolio value', days: series.dates, lines: valueLines, format: 'money', log: positive, bands, height: 280 })}
${svgLineChart({ title: 'Drawdown', days: series.dates, lines: [{ name: 'Drawdown', values: Array.from(series.drawdown), colour: LOSS, area: true }], format: 'percent', bands, height: 200 })}
<p class="muted">Shaded: the five deepest drawdown episodes, from the peak to the recovery.${positive ? ' Value on a log scale.' : ''}</p>
</section>
<section aria-labelledby="summary"><h2 id="summary">Summary</h2>${summaryList(content)}</section>
<section aria-labelledby="metrics" class="pagebreak"><h2 id="metrics">Metrics</h2>${metricsTable(content)}
<p class="muted">Conventions as QuantStats 0.0.86 (docs/metrics.md): 252 trading days a year, sample standard deviation, rf de-annualised.</p></section>
<section aria-labelledby="episodes"><h2 id="episodes">Drawdown episodes</h2>${episodesTable(input)}</section>
<section aria-labelledby="rolling" class="pagebreak"><h2 id="rolling">Rolling metrics</h2>
<p class="muted">Each point is the window of trading days ending that day: 6 months = 126, 12 months = 252, 36 months = 756 (returns annualised beyond a year).</p>
${rollingCharts(input)}</section>
<section aria-labelledby="monthly" class="pagebreak"><h2 id="monthly">Monthly returns</h2>${monthlyGrid(content)}</section>
<footer>Made by PortoFino from the stored result of ${input.shared ? 'a shared simulation' : `simulation ${escapeHtml(content.simulationId)}`}. Past performance says nothing certain about the future; not investment advice.</footer>
</body>
</html>
`;
}
