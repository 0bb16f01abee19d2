import ExcelJS from 'exceljs';
import { computeRollingMetrics, returnsFromCloses, rollingValueAt } from '../../../engine';
import { buildReportWorkbook, ReportContent } from './report-workbook';
import { windowLabel } from './rolling-sheet';

const toArrayBuffer = (bytes: Buffer): ArrayBuffer => Uint8Array.from(bytes).buffer;

/** 300 weekdays from 2024-01-01 with a deterministic wobble: long enough for a 6- and 12-month window. */
function longContent(): ReportContent {
  const dates: string[] = [];
  for (let day = Date.UTC(2024, 0, 1); dates.length < 300; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  const dailyReturn = Float64Array.from(dates, (_, i) => (i === 0 ? 0 : 0.01 * Math.sin(i * 0.7) + 0.0004));
  const benchmark = Float64Array.from(dates, (_, i) => 100 * (1 + 0.001 * i + 0.02 * Math.cos(i * 0.3)));
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
  return {
    simulationId: '00000000-0000-4000-8000-000000000002',
    command: 'AAA-L-100% 2024-01-01 2025-02-21 rf=2% benchmark=IDX',
    canonical: 'AAA-L-100% 2024-01-01 2025-02-21 rf=2% benchmark=IDX',
    startDate: dates[0],
    endDate: dates[dates.length - 1],
    options: [],
    metrics: { portfolio: {}, benchmark: null },
    summary: {},
    series: {
      dates,
      tickers: ['AAA'],
      nav,
      dailyReturn,
      cumulativeReturn: Float64Array.from(nav, (v) => v / nav[0] - 1),
      drawdown,
      weights: new Float32Array(dates.length * 2).fill(0.5),
      benchmark,
      benchmarkValue: Float64Array.from(benchmark, (close) => close * 1000),
    },
    trades: [],
    benchmarkTicker: 'IDX',
    generatedAt: new Date('2026-01-05T10:00:00Z'),
  };
}

describe('the Rolling sheet', () => {
  it('names windows in months when they are whole months', () => {
    expect([126, 252, 756, 100].map(windowLabel)).toEqual(['6m', '12m', '36m', '100d']);
  });

  it('holds the engine’s rolling metrics at each month end, with beta and the benchmark’s own', async () => {
    const source = longContent();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(await buildReportWorkbook(source)));
    const sheet = workbook.getWorksheet('Rolling') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 11)).toEqual([
      'Month end',
      '6m return',
      '6m volatility',
      '6m Sharpe',
      '6m Sortino',
      '6m max drawdown',
      '6m beta',
      '6m correlation',
      '6m IDX return',
      '6m IDX volatility',
      '6m IDX Sharpe',
    ]);
    expect(headers).toContain('36m return (annualised)');

    const { dates, dailyReturn, benchmark } = source.series;
    const [six, twelve, thirtySix] = computeRollingMetrics({
      returns: dailyReturn,
      riskFreeRate: 0.02,
      benchmarkReturns: returnsFromCloses(benchmark!),
    }).windows;
    // The first month end with a 6-month window: 2024-06-28 (row 129, window value 129 − 126 = 3).
    const firstRow = dates.indexOf('2024-06-28');
    expect(firstRow).toBe(129);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date('2024-06-28T00:00:00Z'));
    expect(row.getCell(2).value).toBe(rollingValueAt(six.return, firstRow - 126));
    expect(row.getCell(4).value).toBe(rollingValueAt(six.sharpe, firstRow - 126));
    expect(row.getCell(7).value).toBe(rollingValueAt(six.beta!, firstRow - 126));
    // No 12-month window ends by then; the 36-month one never does in 300 days.
    const twelveColumn = headers.indexOf('12m return') + 1;
    expect(row.getCell(twelveColumn).value).toBeNull();
    expect(thirtySix.count).toBe(0);
    // The last row is the series' last day, with the 12-month window's last value.
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toEqual(new Date(`${dates[dates.length - 1]}T00:00:00Z`));
    expect(last.getCell(twelveColumn).value).toBe(rollingValueAt(twelve.return, twelve.count - 1));
    // One row per month end from June 2024 to February 2025 (the last day, 2025-02-21): 9.
    expect(sheet.rowCount).toBe(1 + 9);
  });
});
