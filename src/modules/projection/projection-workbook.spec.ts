import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { projectMonteCarlo } from '../../engine';
import { buildProjectionWorkbook, cashFlowWords, PROJECTION_SHEETS } from './projection-workbook';
import { projectionOutputsOf, type ProjectionInputs } from './projection.types';

/** exceljs types its input as an ArrayBuffer. */
const toArrayBuffer = (bytes: Buffer): ArrayBuffer => Uint8Array.from(bytes).buffer;

// 24 months alternating +3 % and −1 %: enough spread for distinct bands.
const RETURNS = Float64Array.from({ length: 24 }, (_, month) => (month % 2 === 0 ? 0.03 : -0.01));
const INPUTS: ProjectionInputs = {
  paths: 300,
  years: 3,
  method: 'block',
  blockMonths: 6,
  seed: 7,
  initialValue: 100_000,
  cashFlow: { kind: 'amount', amount: -1000, period: 'quarter', inflationIndexed: true },
  inflationRate: 0.02,
  targetValue: 110_000,
};
const OUTPUTS = projectionOutputsOf(projectMonteCarlo(RETURNS, INPUTS));

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(toArrayBuffer(bytes));
  return workbook;
}

/** The Summary's value beside a label. */
function summaryValue(workbook: ExcelJS.Workbook, label: string): ExcelJS.CellValue {
  const sheet = workbook.getWorksheet('Summary')!;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    if (sheet.getRow(r).getCell(1).value === label) return sheet.getRow(r).getCell(2).value;
  }
  throw new Error(`no row "${label}"`);
}

describe('buildProjectionWorkbook', () => {
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await buildProjectionWorkbook({
      projectionId: '00000000-0000-4000-8000-0000000000aa',
      simulationId: '00000000-0000-4000-8000-0000000000bb',
      canonical: 'AAA-L-100% 2020-01-01 2021-12-31',
      inputs: INPUTS,
      outputs: OUTPUTS,
      generatedAt: new Date('2026-12-03T12:00:00Z'),
    });
    workbook = await workbookOf(bytes);
  });

  it('has the four sheets, the inputs and the outcomes on the Summary as numbers', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...PROJECTION_SHEETS]);
    expect(summaryValue(workbook, 'Command projected')).toBe('AAA-L-100% 2020-01-01 2021-12-31');
    expect(summaryValue(workbook, 'Paths')).toBe(300);
    expect(summaryValue(workbook, 'Block length (months)')).toBe(6);
    expect(summaryValue(workbook, 'Seed')).toBe(7);
    expect(summaryValue(workbook, 'Cash flow')).toBe('-1,000 per quarter, inflation-indexed');
    expect(summaryValue(workbook, 'Probability of ending above 0')).toBe(OUTPUTS.probabilityPositive);
    expect(summaryValue(workbook, 'Paths depleted before the horizon')).toBe(OUTPUTS.depletedPaths);
    expect(summaryValue(workbook, 'Lasting in 90% of paths (per quarter, inflation-indexed)')).toBe(
      OUTPUTS.sustainableWithdrawal.success90,
    );
    expect(summaryValue(workbook, 'Lasting in 95% of paths, per year as a share of the initial value')).toBe(
      OUTPUTS.sustainableWithdrawal.annualRate95,
    );
  });

  it('writes every band at every month, equal to the outputs', () => {
    const sheet = workbook.getWorksheet('Bands')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Month',
      'Year',
      'p5',
      'p10',
      'p25',
      'p50',
      'p75',
      'p90',
      'p95',
    ]);
    expect(sheet.rowCount).toBe(1 + 37);
    for (let month = 0; month <= 36; month += 1) {
      const row = sheet.getRow(month + 2);
      expect(row.getCell(1).value).toBe(month);
      OUTPUTS.valueBands.forEach((band, index) => expect(row.getCell(index + 3).value).toBe(band.values[month]));
    }
    // The bands are distinct and ordered at the horizon.
    const last = sheet.getRow(38);
    expect(last.getCell(3).value as number).toBeLessThan(last.getCell(9).value as number);
  });

  it('writes the distributions and their histograms', () => {
    const sheet = workbook.getWorksheet('Distributions')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const byLabel = new Map(rows.map((row) => [row[1], row.slice(2, 5)]));
    expect(byLabel.get('p50')).toEqual([
      OUTPUTS.finalValue.percentiles[3],
      OUTPUTS.cagr.percentiles[3],
      OUTPUTS.maxDrawdown.percentiles[3],
    ]);
    expect(byLabel.get('Mean')).toEqual([OUTPUTS.finalValue.mean, OUTPUTS.cagr.mean, OUTPUTS.maxDrawdown.mean]);
    // Each histogram: below, 40 bins, above; the counts add up to the paths.
    const counts = rows.filter((row) => typeof row[1] === 'number' || row[1] === 'below' || row[1] === 'above');
    expect(counts).toHaveLength(3 * 42);
    const finalValueCounts = counts.slice(0, 42).map((row) => row[4] as number);
    expect(finalValueCounts.reduce((sum, count) => sum + count, 0)).toBe(300);
  });

  it('adds a native line chart of the seven bands reading the Bands sheet', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((name) => name.startsWith('xl/charts/'));
    expect(charts).toHaveLength(1);
    const xml = await zip.file(charts[0])!.async('string');
    expect(xml.match(/<c:ser>/g)).toHaveLength(7);
    expect(xml).toContain(`<c:f>'Bands'!$F$2:$F$38</c:f>`);
    expect(xml).toContain(`<c:f>'Bands'!$B$2:$B$38</c:f>`);
    expect(xml).toContain('<c:catAx>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain(charts[0]);
  });

  it('says a cash flow in words', () => {
    expect(cashFlowWords(null)).toBe('none');
    expect(cashFlowWords({ kind: 'percent', rate: -0.04, period: 'year' })).toBe('-4.00% of the value per year');
    expect(cashFlowWords({ kind: 'amount', amount: 500, period: 'month' })).toBe('500 per month');
  });
});
