import ExcelJS from 'exceljs';
import request from 'supertest';

export const REPORT_SHEETS = ['Summary', 'Daily', 'Monthly', 'Annual', 'Drawdowns', 'Rolling', 'Trades', 'Charts'];

/** Downloads a report's workbook; returns the response (headers) and the parsed workbook. */
export async function downloadWorkbook(
  url: string,
  bearer: string,
  reportId: string,
): Promise<{ headers: Record<string, string>; bytes: Buffer; workbook: ExcelJS.Workbook }> {
  const response = await request(url)
    .get(`/report/${reportId}/download`)
    .set('Authorization', bearer)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  const bytes = response.body as Buffer;
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer.
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return { headers: response.headers as Record<string, string>, bytes, workbook };
}

interface Detail {
  series: {
    dates: string[];
    nav: number[];
    dailyReturn: number[];
    cumulativeReturn: number[];
    drawdown: number[];
    benchmark: number[] | null;
    weights: Record<string, number[]>;
  };
  metrics: { portfolio: Record<string, unknown>; benchmark: Record<string, unknown> | null };
}

const closeTo = (actual: unknown, expected: number, relative = 1e-12) => {
  if (typeof actual !== 'number') throw new Error(`expected a number cell, got ${JSON.stringify(actual)}`);
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
};

/**
 * Checks the workbook against the simulation as GET /history/{id} serves it: the Daily rows (every 97th
 * day, and the last), the Summary's headline metrics, the Monthly grid (compounded from the API's daily
 * returns, and compounding to each year's total) and that every Daily cell is a number.
 */
export function expectWorkbookMatches(workbook: ExcelJS.Workbook, detail: Detail, benchmarkTicker: string | null) {
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(REPORT_SHEETS);
  const { series } = detail;
  const assets = Object.keys(series.weights);
  const daily = workbook.getWorksheet('Daily') as ExcelJS.Worksheet;
  expect((daily.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Date',
    'Portfolio value',
    'Daily return',
    'Cumulative return',
    'Drawdown',
    'Benchmark close',
    'Benchmark value (same cash flows)',
    ...assets.map((ticker) => `Weight ${ticker}`),
  ]);
  expect(daily.rowCount).toBe(series.dates.length + 1);
  const problems: string[] = [];
  const sample = [
    ...Array.from({ length: Math.ceil(series.dates.length / 97) }, (_, k) => k * 97),
    series.dates.length - 1,
  ];
  for (const i of sample) {
    const row = daily.getRow(i + 2);
    const date = row.getCell(1).value;
    if (!(date instanceof Date) || date.toISOString().slice(0, 10) !== series.dates[i]) {
      problems.push(`row ${i + 2}: date ${String(date)} is not ${series.dates[i]}`);
    }
    const expected: [number, number | null][] = [
      [2, series.nav[i]],
      [3, series.dailyReturn[i]],
      [4, series.cumulativeReturn[i]],
      [5, series.drawdown[i]],
      [6, series.benchmark ? series.benchmark[i] : null],
      ...assets.map((ticker, c): [number, number | null] => [8 + c, series.weights[ticker][i]]),
    ];
    for (const [column, value] of expected) {
      const cell = row.getCell(column).value;
      // Weights are printed at their stored float32 precision (7 significant digits) by both: equal.
      if (value === null ? cell !== null : column >= 8 ? cell !== value : !closeTo(cell, value)) {
        problems.push(`row ${i + 2} column ${column}: ${JSON.stringify(cell)} is not ${value}`);
      }
    }
  }
  // Every Daily value cell is a number (or empty where there is no value), never a string.
  daily.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    row.eachCell((cell, column) => {
      if (column > 1 && typeof cell.value !== 'number') problems.push(`Daily!${cell.address} is ${typeof cell.value}`);
    });
  });
  expect(problems).toEqual([]);

  // Summary: the headline metrics, with the benchmark's beside them.
  const summary = workbook.getWorksheet('Summary') as ExcelJS.Worksheet;
  const summaryRows = summary.getSheetValues().filter(Boolean) as unknown[][];
  for (const [label, key] of [
    ['CAGR', 'cagr'],
    ['Sharpe ratio', 'sharpe'],
    ['Max drawdown', 'maxDrawdown'],
    ['Total return', 'totalReturn'],
    ['Volatility (annualised)', 'volatility'],
  ]) {
    const row = summaryRows.find((one) => one[1] === label) as unknown[];
    expect(row[2]).toBe(detail.metrics.portfolio[key]);
    if (benchmarkTicker) expect(row[3]).toBe((detail.metrics.benchmark as Record<string, unknown>)[key]);
  }

  // Monthly: each month is the API's daily returns compounded; the months compound to the year's total.
  const monthly = workbook.getWorksheet('Monthly') as ExcelJS.Worksheet;
  expect((monthly.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Year',
    ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    'Year total',
  ]);
  const growth = new Map<string, number>();
  series.dates.forEach((date, i) => {
    const key = date.slice(0, 7);
    growth.set(key, (growth.get(key) ?? 1) * (1 + series.dailyReturn[i]));
  });
  const years = [...new Set(series.dates.map((date) => Number(date.slice(0, 4))))];
  expect(monthly.rowCount).toBe(years.length + 1);
  years.forEach((year, index) => {
    const row = monthly.getRow(index + 2);
    expect(row.getCell(1).value).toBe(year);
    let compounded = 1;
    for (let month = 1; month <= 12; month += 1) {
      const cell = row.getCell(month + 1).value;
      const expected = growth.get(`${year}-${String(month).padStart(2, '0')}`);
      if (expected === undefined) {
        expect(cell).toBeNull();
        continue;
      }
      expect(closeTo(cell, expected - 1)).toBe(true);
      compounded *= 1 + (cell as number);
    }
    expect(Math.abs(compounded - 1 - (row.getCell(14).value as number))).toBeLessThan(1e-12);
  });
  // The grid and the year totals carry a red–white–green colour scale.
  const formats = (monthly as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
    .conditionalFormattings;
  expect(formats.map((format) => [format.ref, format.rules[0].type])).toEqual([
    [`B2:M${years.length + 1}`, 'colorScale'],
    [`N2:N${years.length + 1}`, 'colorScale'],
  ]);
}
