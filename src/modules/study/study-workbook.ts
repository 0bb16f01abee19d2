import ExcelJS from 'exceljs';
import { STUDY_OBJECTIVES, STUDY_PERCENTILES, STUDY_STATISTIC_METRICS, type StudyPortfolio } from '../../engine';
import type { StoredStudyResult, StudyRequest } from './study.types';

/** What a study's workbook shows. */
export interface StudyWorkbookContent {
  studyId: string;
  request: StudyRequest;
  candidateCount: number;
  result: StoredStudyResult;
  generatedAt: Date;
}

const PCT = '0.00%';
const RATIO = '0.000';
const MONEY = '#,##0.00';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/** The summary metrics of a portfolio row, in order, with their formats. */
const METRIC_COLUMNS = [
  ['CAGR', 'cagr', PCT],
  ['Volatility', 'volatility', PCT],
  ['Sharpe', 'sharpe', RATIO],
  ['Sortino', 'sortino', RATIO],
  ['Max drawdown', 'maxDrawdown', PCT],
  ['Calmar', 'calmar', RATIO],
  ['Total return', 'totalReturn', PCT],
  ['Final value', 'finalNav', MONEY],
] as const;

const OBJECTIVE_NAMES: Record<(typeof STUDY_OBJECTIVES)[number], string> = {
  maxSharpe: 'Maximum Sharpe',
  minVolatility: 'Minimum volatility',
  maxCagr: 'Maximum CAGR',
  minDrawdown: 'Minimum drawdown',
};

/**
 * A study's workbook in the report's house style (blue header rows, frozen headers, percent formats): Summary
 * (the request and the distribution statistics), Best (the top portfolios per objective: metrics, weight per
 * ticker, command), References (equal weight, inverse volatility, risk parity), Frontier and Drawdown frontier
 * (every point). Small whatever the study's size (at most 400 + 1,000 portfolio rows).
 */
export async function buildStudyWorkbook(content: StudyWorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PortoFino';
  workbook.created = content.generatedAt;
  const { result } = content;
  writeSummary(workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] }), content);
  const best = workbook.addWorksheet('Best', { views: [{ state: 'frozen', ySplit: 1 }] });
  writePortfolios(
    best,
    result.tickers,
    ['Objective', 'Rank'],
    STUDY_OBJECTIVES.flatMap((objective) =>
      result.top[objective].map((portfolio, rank) => ({ label: [OBJECTIVE_NAMES[objective], rank + 1], portfolio })),
    ),
  );
  const references = result.references;
  writePortfolios(
    workbook.addWorksheet('References', { views: [{ state: 'frozen', ySplit: 1 }] }),
    result.tickers,
    ['Reference'],
    references
      ? [
          { label: ['Equal weight'], portfolio: references.equalWeight },
          ...(references.inverseVolatility
            ? [{ label: ['Inverse volatility'], portfolio: references.inverseVolatility }]
            : []),
          ...(references.riskParity ? [{ label: ['Risk parity'], portfolio: references.riskParity }] : []),
        ]
      : [],
  );
  writePortfolios(
    workbook.addWorksheet('Frontier', { views: [{ state: 'frozen', ySplit: 1 }] }),
    result.tickers,
    ['Point'],
    result.frontier.map((portfolio, point) => ({ label: [point + 1], portfolio })),
  );
  writePortfolios(
    workbook.addWorksheet('Drawdown frontier', { views: [{ state: 'frozen', ySplit: 1 }] }),
    result.tickers,
    ['Point'],
    result.drawdownFrontier.map((portfolio, point) => ({ label: [point + 1], portfolio })),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
}

function writeSummary(sheet: ExcelJS.Worksheet, content: StudyWorkbookContent): void {
  const { request, result } = content;
  sheet.columns = [{ width: 28 }, { width: 60 }];
  styleHeader(sheet.addRow(['Study', content.studyId]));
  const rows: [string, string | number][] = [
    ['Tickers', result.tickers.join(' ')],
    ['Period asked', `${request.start} to ${request.end}`],
    ['Trading days simulated', `${result.firstDate} to ${result.lastDate} (${result.days} days)`],
    ['Method', request.method ?? 'random'],
    ['Seed', request.seed ?? 0],
    ['Candidates', content.candidateCount],
    ['Valid candidates', result.valid],
    ['Options', optionsText(request)],
    ['Generated', content.generatedAt.toISOString()],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.addRow([]);
  const header = sheet.addRow(['Statistic', 'Count', 'Min', 'Mean', ...STUDY_PERCENTILES.map((p) => `P${p}`), 'Max']);
  styleHeader(header);
  for (const metric of STUDY_STATISTIC_METRICS) {
    const statistics = result.statistics[metric];
    const row = sheet.addRow([
      metric,
      statistics.count,
      statistics.min,
      statistics.mean,
      ...statistics.percentiles,
      statistics.max,
    ]);
    const format = metric === 'sharpe' || metric === 'sortino' || metric === 'calmar' ? RATIO : PCT;
    for (let c = 3; c <= 4 + STUDY_PERCENTILES.length + 1; c += 1) row.getCell(c).numFmt = format;
  }
  for (let c = 3; c <= 9; c += 1) sheet.getColumn(c).width = 12;
}

function optionsText(request: StudyRequest): string {
  const options = Object.entries(request.options ?? {}).map(([name, value]) => `${name}=${String(value)}`);
  return options.length > 0 ? options.join(' ') : 'defaults (buy and hold, no fee, rf 0)';
}

function writePortfolios(
  sheet: ExcelJS.Worksheet,
  tickers: readonly string[],
  labels: string[],
  rows: { label: (string | number)[]; portfolio: StudyPortfolio }[],
): void {
  const headers = [
    ...labels,
    ...METRIC_COLUMNS.map(([title]) => title),
    ...tickers.map((t) => `Weight ${t}`),
    'Command',
  ];
  sheet.columns = headers.map((header, index) => ({
    width: index < labels.length ? (index === 0 ? 20 : 8) : header === 'Command' ? 90 : 13,
  }));
  styleHeader(sheet.addRow(headers));
  for (const { label, portfolio } of rows) {
    const row = sheet.addRow([
      ...label,
      ...METRIC_COLUMNS.map(([, metric]) => portfolio.summary[metric]),
      ...portfolio.weights,
      portfolio.command,
    ]);
    METRIC_COLUMNS.forEach(([, , format], index) => (row.getCell(labels.length + index + 1).numFmt = format));
    for (let t = 0; t < tickers.length; t += 1) row.getCell(labels.length + METRIC_COLUMNS.length + t + 1).numFmt = PCT;
  }
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: headers.length } };
  }
}
