import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildReportWorkbook, ReportContent, SHEETS } from './report-workbook';

/** exceljs types its input as an ArrayBuffer. */
const toArrayBuffer = (bytes: Buffer): ArrayBuffer => Uint8Array.from(bytes).buffer;

const DATES = ['2023-12-28', '2023-12-29', '2024-01-02', '2024-01-03', '2024-02-01'];

function content(withBenchmark: boolean): ReportContent {
  const nav = Float64Array.from([100_000, 101_000, 99_990, 102_000.5, 103_000.25]);
  const dailyReturn = Float64Array.from(nav, (value, i) => (i === 0 ? 0 : value / nav[i - 1] - 1));
  let peak = 0;
  const drawdown = Float64Array.from(nav, (value) => value / (peak = Math.max(peak, value)) - 1);
  return {
    simulationId: '00000000-0000-4000-8000-000000000001',
    command: 'AAA-L-60% BBB-L-40% 2023-12-28 2024-02-01',
    canonical: 'AAA-L-60% BBB-L-40% 2023-12-28 2024-02-01',
    startDate: '2023-12-28',
    endDate: '2024-02-01',
    options: [
      { name: 'capital', value: '100000', isDefault: true },
      { name: 'rebalance', value: 'monthly', isDefault: false },
      { name: 'fee', value: '0.1%', isDefault: false },
      { name: 'contribute', value: '1000/month', isDefault: false },
      { name: 'benchmark', value: withBenchmark ? 'IDX' : 'none', isDefault: !withBenchmark },
    ],
    metrics: {
      portfolio: {
        cagr: 0.25,
        sharpe: 1.5,
        maxDrawdown: -0.01,
        sortino: null,
        startDate: '2023-12-29',
        benchmark: null,
      },
      benchmark: withBenchmark ? { cagr: 0.1, sharpe: 0.9, maxDrawdown: -0.02 } : null,
    },
    summary: {
      initialCapital: 100_000,
      finalValue: 103_000.25,
      sources: { AAA: 'sample', BBB: 'sample', ...(withBenchmark ? { IDX: 'sample' } : {}) },
      dataSources: [
        { ticker: 'AAA', source: 'sample', kind: 'total-return' },
        { ticker: 'BBB', source: 'sample', kind: 'total-return' },
        ...(withBenchmark ? [{ ticker: 'IDX', source: 'sample', kind: 'price-only' as const }] : []),
      ],
      simulatedStart: '2023-12-28',
      simulatedEnd: '2024-02-01',
      depletedOn: null,
      warnings: [
        {
          code: 'PERIOD_ENDS_EARLIER',
          ticker: 'AAA',
          date: '2024-02-01',
          askedStart: '2023-12-28',
          askedEnd: '2024-03-29',
          simulatedStart: '2023-12-28',
          simulatedEnd: '2024-02-01',
          message:
            'the prices of AAA (the longest) stop on 2024-02-01, before the asked end 2024-03-29: the simulation ends on 2024-02-01',
        },
      ],
    },
    series: {
      dates: DATES,
      tickers: ['AAA', 'BBB'],
      nav,
      dailyReturn,
      cumulativeReturn: Float64Array.from(nav, (value) => value / nav[0] - 1),
      drawdown,
      weights: Float32Array.from([0.6, 0.4, 0, 0.61, 0.39, 0, 0.59, 0.41, 0, 0.6, 0.4, 0, 0.6, 0.4, 0]),
      benchmark: withBenchmark ? Float64Array.from([50, 51, 49, 52, 55]) : null,
      benchmarkValue: withBenchmark ? Float64Array.from([100_000, 102_000, 98_000, 104_000, 111_000]) : null,
    },
    trades: [
      { date: '2023-12-28', ticker: 'AAA', shares: 600, price: 100, value: 60_000, fee: 60, reason: 'initial' },
      { date: '2024-01-02', ticker: 'BBB', shares: -2.5, price: 40, value: -100, fee: 0.1, reason: 'rebalance' },
      { date: '2024-02-01', ticker: 'AAA', shares: 1, price: 101, value: 101, fee: 0, reason: null },
    ],
    benchmarkTicker: withBenchmark ? 'IDX' : null,
    generatedAt: new Date('2026-01-05T10:00:00Z'),
  };
}

describe('buildReportWorkbook', () => {
  it('writes every sheet with numbers equal to the series, dates as Excel dates, and a monthly grid', async () => {
    const source = content(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(await buildReportWorkbook(source)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...SHEETS]);

    const daily = workbook.getWorksheet('Daily') as ExcelJS.Worksheet;
    expect((daily.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Date',
      'Portfolio value',
      'Daily return',
      'Cumulative return',
      'Drawdown',
      'Benchmark close',
      'Benchmark value (same cash flows)',
      'Weight AAA',
      'Weight BBB',
      'Weight CASH',
    ]);
    expect(daily.rowCount).toBe(DATES.length + 1);
    expect(daily.getCell('A2').value).toEqual(new Date('2023-12-28T00:00:00Z'));
    expect(daily.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    for (let i = 0; i < DATES.length; i += 1) {
      const row = daily.getRow(i + 2);
      expect(row.getCell(2).value).toBe(source.series.nav[i]);
      expect(row.getCell(3).value).toBe(source.series.dailyReturn[i]);
      expect(row.getCell(5).value).toBe(source.series.drawdown[i]);
      expect(row.getCell(6).value).toBe(source.series.benchmark?.[i]);
      expect(row.getCell(7).value).toBe(source.series.benchmarkValue?.[i]);
      // Weights as the API serves them: the stored float32 to 7 significant digits (0.6, not 0.6000000238418579).
      expect(row.getCell(8).value).toBe(Number(source.series.weights[i * 3].toPrecision(7)));
    }
    expect(daily.getCell('C3').numFmt).toBe('0.00%');
    expect(daily.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(daily.autoFilter).toBe('A1:J6');

    const monthly = workbook.getWorksheet('Monthly') as ExcelJS.Worksheet;
    expect(monthly.getCell('A2').value).toBe(2023);
    expect(monthly.getCell('M2').value).toBeCloseTo(101_000 / 100_000 - 1, 14);
    expect(monthly.getCell('B2').value).toBeNull();
    expect(monthly.getCell('B3').value).toBeCloseTo(102_000.5 / 101_000 - 1, 14);
    expect(monthly.getCell('N3').value).toBeCloseTo(103_000.25 / 101_000 - 1, 14);

    const annual = workbook.getWorksheet('Annual') as ExcelJS.Worksheet;
    expect((annual.getRow(1).values as unknown[]).slice(1)).toEqual(['Year', 'Portfolio', 'IDX', 'Difference']);
    expect(annual.getCell('C2').value).toBe(51 / 50 - 1);
    expect(annual.getCell('C3').value).toBe(55 / 51 - 1);

    const drawdowns = workbook.getWorksheet('Drawdowns') as ExcelJS.Worksheet;
    expect((drawdowns.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      new Date('2023-12-29T00:00:00Z'),
      new Date('2024-01-02T00:00:00Z'),
      new Date('2024-01-03T00:00:00Z'),
      99_990 / 101_000 - 1,
      2,
      1,
      1, // trading days from the trough back to the peak
      1, // under water 2024-01-02 only
    ]);

    const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const cagr = rows.find((row) => row[1] === 'CAGR');
    expect(cagr?.slice(1)).toEqual(['CAGR', 0.25, 0.1]);
    expect(rows.find((row) => row[1] === 'Sortino ratio')?.[2]).toBeUndefined();
    expect(rows.find((row) => row[1] === 'Canonical form')?.[2]).toBe(source.canonical);
    expect(rows.find((row) => row[1] === 'AAA')?.slice(1)).toEqual([
      'AAA',
      'sample',
      'total return',
      '2023-12-28',
      '2024-02-01',
    ]);
    expect(rows.find((row) => row[1] === 'IDX')?.[3]).toBe('price only');
    expect(summary.getRow(1).getCell(3).value).toBe('Benchmark: IDX (price only)');
    // Every option as written, defaults marked; no [object Object], no internal names.
    const options = rows.slice(
      rows.findIndex((row) => row[1] === 'Options') + 1,
      rows.findIndex((row) => row[1] === 'Options') + 6,
    );
    expect(options.map((row) => row.slice(1, 3))).toEqual([
      ['capital', '100000 (default)'],
      ['rebalance', 'monthly'],
      ['fee', '0.1%'],
      ['contribute', '1000/month'],
      ['benchmark', 'IDX'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/object Object|feePercent|riskFreePercent/);
    // The simulated period and the warning come before any number.
    const labels = rows.map((row) => row[1]);
    expect(rows.find((row) => row[1] === 'Period simulated')?.[2]).toBe('2023-12-28 to 2024-02-01');
    expect(rows.find((row) => row[1] === 'PERIOD_ENDS_EARLIER')?.[2]).toMatch(/^the prices of AAA/);
    expect(labels.indexOf('PERIOD_ENDS_EARLIER')).toBeLessThan(labels.indexOf('Results'));

    const trades = workbook.getWorksheet('Trades') as ExcelJS.Worksheet;
    expect((trades.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Date',
      'Ticker',
      'Side',
      'Shares',
      'Price',
      'Value',
      'Fee',
      'Reason',
    ]);
    expect((trades.getRow(2).values as unknown[]).slice(1)).toEqual([
      new Date('2023-12-28T00:00:00Z'),
      'AAA',
      'buy',
      600,
      100,
      60_000,
      60,
      'initial',
    ]);
    expect((trades.getRow(3).values as unknown[]).slice(1)).toEqual([
      new Date('2024-01-02T00:00:00Z'),
      'BBB',
      'sell',
      2.5,
      40,
      100,
      0.1,
      'rebalance',
    ]);
    expect(trades.getRow(4).getCell(8).value).toBeNull();
    expect(trades.rowCount).toBe(4);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Widths fit the longest text: the label column holds 'Max drawdown duration (calendar days)'.
    expect(summary.getColumn(1).width).toBe('Max drawdown duration (calendar days)'.length + 2);
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => (found = row.getCell(1).value === label ? row : found));
      return found as ExcelJS.Row;
    };
    expect(rowOf('CAGR').getCell(2).numFmt).toBe('0.00%');
    expect(rowOf('CAGR').getCell(3).numFmt).toBe('0.00%');
    expect(rowOf('Sharpe ratio').getCell(2).numFmt).toBe('0.00');
    expect(rowOf('Final value').getCell(2).numFmt).toBe('#,##0.00');
  });

  it('adds native line charts that read the Daily sheet: value vs benchmark, and drawdown', async () => {
    const file = await buildReportWorkbook(content(true));
    const zip = await JSZip.loadAsync(file);
    const charts = Object.keys(zip.files).filter((name) => name.startsWith('xl/charts/'));
    expect(charts).toHaveLength(2);
    const [value, drawdown] = await Promise.all(charts.sort().map((name) => zip.file(name)?.async('string')));
    expect(value).toContain("<c:f>'Daily'!$A$2:$A$6</c:f>");
    expect(value).toContain("<c:f>'Daily'!$B$2:$B$6</c:f>");
    expect(value).toContain("<c:f>'Daily'!$G$2:$G$6</c:f>");
    expect(drawdown).toContain("<c:f>'Daily'!$E$2:$E$6</c:f>");
    const types = await zip.file('[Content_Types].xml')?.async('string');
    for (const chart of charts) expect(types).toContain(`PartName="/${chart}"`);
    // The Charts sheet (sheet 6) points at the drawing, which points at both charts.
    const sheet = await zip.file('xl/worksheets/sheet8.xml')?.async('string');
    expect(sheet).toMatch(/<drawing r:id="rIdPortofinoDrawing1"\/><\/worksheet>$/);
    const rels = await zip.file('xl/worksheets/_rels/sheet8.xml.rels')?.async('string');
    expect(rels).toContain('Target="../drawings/drawing-sheet8.xml"');
    const drawingRels = await zip.file('xl/drawings/_rels/drawing-sheet8.xml.rels')?.async('string');
    for (const chart of charts) expect(drawingRels).toContain(`Target="../charts/${chart.slice('xl/charts/'.length)}"`);
    // And exceljs still opens the package.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(file));
    expect(workbook.getWorksheet('Charts')).toBeDefined();
  });

  it('leaves the benchmark columns empty and draws one line without a benchmark', async () => {
    const file = await buildReportWorkbook(content(false));
    const zip = await JSZip.loadAsync(file);
    const value = await zip.file('xl/charts/drawing-sheet8-chart1.xml')?.async('string');
    expect(value?.match(/<c:ser>/g)).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(toArrayBuffer(file));
    const daily = workbook.getWorksheet('Daily') as ExcelJS.Worksheet;
    expect(daily.getCell('F2').value).toBeNull();
    expect((workbook.getWorksheet('Annual') as ExcelJS.Worksheet).getRow(1).cellCount).toBe(2);
  });
});
