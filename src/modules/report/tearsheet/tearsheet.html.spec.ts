import { analyseSeries } from '../../../engine';
import { METRIC_ROWS, RELATIVE_METRIC_ROWS, type ReportContent } from '../workbook/report-workbook';
import { reducedIndices } from './svg-chart';
import { renderTearsheet } from './tearsheet.html';

/** 600 weekdays from 2020-01-01 (two and a half years): a sine wobble, one deep fall, a benchmark. */
function content(): ReportContent {
  const dates: string[] = [];
  for (let day = Date.UTC(2020, 0, 1); dates.length < 600; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  const dailyReturn = Float64Array.from(dates, (_, i) =>
    i === 0 ? 0 : i >= 200 && i < 220 ? -0.02 : 0.008 * Math.sin(i * 0.9) + 0.0006,
  );
  const nav = new Float64Array(dates.length);
  const drawdown = new Float64Array(dates.length);
  let value = 100_000;
  let peak = value;
  dailyReturn.forEach((r, i) => {
    value *= 1 + r;
    peak = Math.max(peak, value);
    nav[i] = value;
    drawdown[i] = value / peak - 1;
  });
  const benchmark = Float64Array.from(dates, (_, i) => 3000 * (1 + 0.0003 * i + 0.01 * Math.sin(i * 0.2)));
  const portfolio: Record<string, unknown> = Object.fromEntries(
    METRIC_ROWS.map((row, index) => [row.key, row.format === 'text' ? dates[index] : index / 100]),
  );
  portfolio.benchmark = Object.fromEntries(RELATIVE_METRIC_ROWS.map((row) => [row.key, 0.5]));
  return {
    simulationId: '00000000-0000-4000-8000-000000000003',
    command: 'AAA-L-100% 2020-01-01 2022-04-19 benchmark=^GSPC',
    canonical: 'AAA-L-100% 2020-01-01 2022-04-19 benchmark=^GSPC note=<script>alert(1)</script>',
    startDate: dates[0],
    endDate: dates[dates.length - 1],
    options: [{ name: 'benchmark', value: '^GSPC', isDefault: false }],
    metrics: { portfolio, benchmark: { cagr: 0.07 } },
    summary: { initialCapital: 100_000, finalValue: nav[nav.length - 1] },
    series: {
      dates,
      tickers: ['AAA'],
      nav,
      dailyReturn,
      cumulativeReturn: Float64Array.from(nav, (v) => v / nav[0] - 1),
      drawdown,
      weights: new Float32Array(dates.length * 2).fill(0.5),
      benchmark,
      benchmarkValue: Float64Array.from(benchmark, (close) => (close / 3000) * 100_000),
    },
    trades: [],
    benchmarkTicker: '^GSPC',
    generatedAt: new Date('2026-01-05T10:00:00Z'),
  };
}

describe('the tearsheet', () => {
  const source = content();
  const analysis = analyseSeries({
    dates: source.series.dates,
    dailyReturn: source.series.dailyReturn,
    drawdown: source.series.drawdown,
    benchmarkCloses: source.series.benchmark,
    riskFreeRate: 0,
  });
  const html = renderTearsheet({ content: source, analysis });

  it('names the simulation for its owner, and not at all on a share link', () => {
    expect(html).toContain('simulation 00000000-0000-4000-8000-000000000003');
    const shared = renderTearsheet({ content: source, analysis, shared: true });
    expect(shared).not.toContain('00000000-0000-4000-8000-000000000003');
    expect(shared).toContain('shared snapshot');
    // Everything else is the same result.
    expect(shared.replace(/<p class="muted">Simulated[^\n]*/, '').length).toBeGreaterThan(html.length * 0.95);
  });

  it('loads nothing: no script, no external reference, a CSP of default-src none', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    // The command is the user's text: escaped, never markup.
    expect(html).toContain('note=&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows every metric, the relative ones, the charts, the episodes and the monthly grid', () => {
    for (const row of [...METRIC_ROWS, ...RELATIVE_METRIC_ROWS])
      expect(html).toContain(`>${row.label.replace('&', '&amp;')}<`);
    // CAGR is row 5 of METRIC_ROWS → 0.05 in this fixture, shown as 5.00 %.
    expect(html).toContain('<th scope="row">CAGR</th><td>5.00%</td><td>7.00%</td>');
    // Value, drawdown, and for 6 and 12 months: return, volatility, Sharpe, beta (36 months is longer than the run).
    expect(html.match(/<svg /g)).toHaveLength(2 + 2 * 4);
    expect(html).toContain('No 36m rolling window: the run has 599 daily returns, fewer than 756.');
    const deepest = analysis.drawdownEpisodes.episodes[0];
    // Twenty days of −2 % (rows 200–219), after a wobble already under its peak: at least 1 − 0.98²⁰ = 33.24 % deep.
    expect(deepest.depth).toBe(Math.min(...source.series.drawdown));
    expect(deepest.depth).toBeLessThan(0.98 ** 20 - 1);
    expect(html).toContain(`<td>1</td><td>${deepest.peakDate}</td><td>${deepest.troughDate}</td>`);
    expect(html).toContain(`<td class="loss">${(deepest.depth * 100).toFixed(2)}%</td>`);
    expect(html).toMatch(/<th scope="row">2021<\/th>(<td class="(gain|loss)">-?\d+\.\d%<\/td>){14}<\/tr>/);
  });

  it('reduces a long line to each pixel column’s first, lowest, highest and last points', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i === 37 ? -5 : i === 62 ? 9 : i % 7));
    const kept = reducedIndices(values, 2);
    // Column 0 is rows 0–49: first 0, lowest 37, highest 6 (first 6), last 49; column 1: 50, 62, 50's low…
    expect(kept.slice(0, 4)).toEqual([0, 6, 37, 49]);
    expect(kept).toContain(62);
    expect(reducedIndices(values, 50)).toHaveLength(100);
  });
});
