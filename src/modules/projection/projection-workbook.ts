import ExcelJS from 'exceljs';
import { addLineCharts, LineChartSpec } from '../report/workbook/chart-parts';
import { fitColumns, styleHeader } from '../report/workbook/report-workbook';
import type { ProjectionDistributionJson, ProjectionInputs, ProjectionOutputs } from './projection.types';

/** What the projection workbook shows: the simulation it projects, the resolved inputs and the outputs. */
export interface ProjectionWorkbookContent {
  projectionId: string;
  simulationId: string;
  /** The projected simulation's canonical command. */
  canonical: string;
  inputs: ProjectionInputs;
  outputs: ProjectionOutputs;
  generatedAt: Date;
}

export const PROJECTION_SHEETS = ['Summary', 'Bands', 'Distributions', 'Chart'] as const;

const PCT = '0.00%';
const MONEY = '#,##0.00';
const INT = '#,##0';
/** The bands' line colours, from the outer percentiles (light) to the median (dark). */
const BAND_COLOURS = ['9DC3E6', '5B9BD5', '2E75B6', '1F4E79', '2E75B6', '5B9BD5', '9DC3E6'];

type Format = 'pct' | 'money' | 'int' | 'text';
const NUM_FMT: Record<Format, string | undefined> = { pct: PCT, money: MONEY, int: INT, text: undefined };

interface Row {
  values: unknown[];
  format?: Format;
  bold?: boolean;
}

const line = (values: unknown[], format?: Format): Row => ({ values, format });
const heading = (values: unknown[]): Row => ({ values, bold: true });
const BLANK: Row = { values: [] };

/** A cash flow in the words of the command language and the dashboard ("−4,000 per year, inflation-indexed"). */
export function cashFlowWords(flow: ProjectionInputs['cashFlow']): string {
  if (!flow) return 'none';
  if (flow.kind === 'percent') return `${(flow.rate * 100).toFixed(2)}% of the value per ${flow.period}`;
  const amount = flow.amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${amount} per ${flow.period}${flow.inflationIndexed ? ', inflation-indexed' : ''}`;
}

/**
 * The workbook of a completed projection, in the report's house style (header fill, number formats, frozen
 * headers): Summary (inputs, probabilities, the highest sustainable withdrawals), Bands (the seven percentile
 * bands of value at each month), Distributions (final value, CAGR and maximum drawdown: percentiles, mean, min,
 * max and histograms) and Chart (a native line chart of the bands, reading the Bands sheet). Every value cell
 * holds the stored double GET /projections/{id} serves; formats only change how it is shown.
 */
export async function buildProjectionWorkbook(content: ProjectionWorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PortoFino';
  workbook.created = content.generatedAt;
  writeRows(
    workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] }),
    ['Item', 'Value'],
    [...inputRows(content), ...outcomeRows(content.outputs, content.inputs)],
  );
  writeBands(workbook.addWorksheet('Bands', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] }), content.outputs);
  writeDistributions(
    workbook.addWorksheet('Distributions', { views: [{ state: 'frozen', ySplit: 1 }] }),
    content.outputs,
  );
  const chart = workbook.addWorksheet('Chart');
  chart.addRow(['The chart reads its data from the Bands sheet.']);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

  const { outputs } = content;
  const last = outputs.months + 2;
  const spec: LineChartSpec = {
    title: `Projected value: percentiles of ${outputs.paths.toLocaleString('en-US')} paths over ${outputs.years} years`,
    categories: `'Bands'!$B$2:$B$${last}`,
    series: outputs.valueBands.map((_band, index) => {
      const column = String.fromCharCode(67 + index); // C … I
      return {
        name: `'Bands'!$${column}$1`,
        values: `'Bands'!$${column}$2:$${column}$${last}`,
        colour: BAND_COLOURS[index % BAND_COLOURS.length],
      };
    }),
    valueFormat: '#,##0',
    axis: 'category',
    // A label every year when the horizon is short, else about a dozen.
    dateLabels: { every: 12 * Math.max(1, Math.ceil(outputs.years / 12)), unit: 'years' },
    from: { col: 0, row: 2 },
    to: { col: 14, row: 28 },
  };
  return addLineCharts(xlsx, 'Chart', [spec]);
}

function inputRows(content: ProjectionWorkbookContent): Row[] {
  const { inputs, outputs } = content;
  return [
    heading(['Projection']),
    line(['Projection id', content.projectionId]),
    line(['Simulation id', content.simulationId]),
    line(['Command projected', content.canonical]),
    line(['Generated at (UTC)', content.generatedAt.toISOString().replace('T', ' ').slice(0, 19)]),
    line(['A model of spread, not a forecast: the future is the past months reshuffled (docs/projections.md).']),
    BLANK,
    heading(['Inputs']),
    line(['Paths', inputs.paths], 'int'),
    line(['Years', inputs.years], 'int'),
    line(['Resampling', inputs.method === 'block' ? 'blocks of consecutive months' : 'single months']),
    line(['Block length (months)', inputs.blockMonths], 'int'),
    line(['Seed', inputs.seed], 'int'),
    line(['Initial value', inputs.initialValue], 'money'),
    line(['Cash flow', cashFlowWords(inputs.cashFlow)]),
    line(['Inflation rate (annual)', inputs.inflationRate], 'pct'),
    line(['Target value', inputs.targetValue], 'money'),
    line(['Complete historical months resampled', outputs.historyMonths], 'int'),
  ];
}

function outcomeRows(outputs: ProjectionOutputs, inputs: ProjectionInputs): Row[] {
  const withdrawal = outputs.sustainableWithdrawal;
  const per = `per ${withdrawal.period}${withdrawal.inflationIndexed ? ', inflation-indexed' : ''}`;
  return [
    BLANK,
    heading(['Probabilities']),
    line(['Probability of ending above 0', outputs.probabilityPositive], 'pct'),
    line(['Paths ending above 0 (the money lasted)', outputs.pathsPositive], 'int'),
    line(
      [`Probability of ending above the target (${inputs.targetValue.toFixed(2)})`, outputs.probabilityAboveTarget],
      'pct',
    ),
    line(['Paths ending above the target', outputs.pathsAboveTarget], 'int'),
    line(['Paths depleted before the horizon', outputs.depletedPaths], 'int'),
    line(['Median final value', outputs.finalValue.percentiles[outputs.percentiles.indexOf(50)]], 'money'),
    BLANK,
    heading(['Highest sustainable withdrawal']),
    line([`Lasting in 90% of paths (${per})`, withdrawal.success90], 'money'),
    line([`Lasting in 95% of paths (${per})`, withdrawal.success95], 'money'),
    line(['Lasting in 90% of paths, per year as a share of the initial value', withdrawal.annualRate90], 'pct'),
    line(['Lasting in 95% of paths, per year as a share of the initial value', withdrawal.annualRate95], 'pct'),
  ];
}

function writeRows(sheet: ExcelJS.Worksheet, headers: string[], rows: readonly Row[]): void {
  fitColumns(sheet, [headers, ...rows.filter((row) => row.values.length > 1).map((row) => row.values)], 12, 70);
  styleHeader(sheet.addRow(headers));
  for (const { values, format, bold } of rows) {
    const row = sheet.addRow(values);
    const numFmt = format ? NUM_FMT[format] : undefined;
    if (numFmt) for (let c = 2; c <= values.length; c += 1) row.getCell(c).numFmt = numFmt;
    if (bold) row.font = { bold: true };
  }
}

/** Month 0 … 12 × years: the year (month / 12) and each percentile's value. */
function writeBands(sheet: ExcelJS.Worksheet, outputs: ProjectionOutputs): void {
  const headers = ['Month', 'Year', ...outputs.percentiles.map((p) => `p${p}`)];
  sheet.columns = headers.map((_header, index) => ({
    key: String(index),
    width: index < 2 ? 8 : 16,
    style: index === 0 ? { numFmt: '0' } : index === 1 ? { numFmt: '0.00' } : { numFmt: MONEY },
  }));
  styleHeader(sheet.addRow(headers));
  for (let month = 0; month <= outputs.months; month += 1) {
    sheet.addRow([month, month / 12, ...outputs.valueBands.map((band) => band.values[month])]);
  }
}

const DISTRIBUTIONS: readonly { key: 'finalValue' | 'cagr' | 'maxDrawdown'; label: string; format: string }[] = [
  { key: 'finalValue', label: 'Final value', format: MONEY },
  { key: 'cagr', label: 'CAGR', format: PCT },
  { key: 'maxDrawdown', label: 'Max drawdown (month ends)', format: PCT },
];

/** The three distributions side by side (percentiles, mean, min, max), then each one's histogram. */
function writeDistributions(sheet: ExcelJS.Worksheet, outputs: ProjectionOutputs): void {
  const headers = ['Statistic', ...DISTRIBUTIONS.map((d) => d.label)];
  sheet.columns = headers.map((_header, index) => ({ key: String(index), width: index === 0 ? 30 : 22 }));
  styleHeader(sheet.addRow(headers));
  const formatted = (row: ExcelJS.Row) =>
    DISTRIBUTIONS.forEach((d, index) => (row.getCell(index + 2).numFmt = d.format));
  const pick = (read: (d: ProjectionDistributionJson) => number) => DISTRIBUTIONS.map((d) => read(outputs[d.key]));
  outputs.percentiles.forEach((p, index) => formatted(sheet.addRow([`p${p}`, ...pick((d) => d.percentiles[index])])));
  formatted(sheet.addRow(['Mean', ...pick((d) => d.mean)]));
  formatted(sheet.addRow(['Min', ...pick((d) => d.min)]));
  formatted(sheet.addRow(['Max', ...pick((d) => d.max)]));

  for (const { key, label, format } of DISTRIBUTIONS) {
    const { histogram } = outputs[key];
    const width = (histogram.upper - histogram.lower) / histogram.counts.length;
    sheet.addRow([]);
    const title = sheet.addRow([`${label}: histogram (1st to 99th percentile)`]);
    title.font = { bold: true };
    styleHeader(sheet.addRow(['Bin', 'From', 'To', 'Paths']));
    sheet.addRow(['below', null, histogram.lower, histogram.below]).getCell(3).numFmt = format;
    histogram.counts.forEach((count, bin) => {
      const row = sheet.addRow([bin + 1, histogram.lower + bin * width, histogram.lower + (bin + 1) * width, count]);
      row.getCell(2).numFmt = format;
      row.getCell(3).numFmt = format;
    });
    sheet.addRow(['above', histogram.upper, null, histogram.above]).getCell(2).numFmt = format;
  }
}
